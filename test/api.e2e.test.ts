/**
 * End to end: HTTP → API → Temporal → worker (its own OS process) → PostgreSQL, checked through the
 * API and row by row in the database. Includes killing the worker with SIGKILL mid-pipeline.
 */
import { INestApplication } from '@nestjs/common';
import { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createAdmin, TestApi } from './support/http';
import { fastPolicy, openDataSource, spawnWorker, startApi, uniqueTaskQueue, waitFor, waitForOutput } from './support/stack';

const taskQueue = uniqueTaskQueue('e2e');
let api: { app: INestApplication; url: string };
let dataSource: DataSource;
let worker: ChildProcess;
let admin: string;
let keys = 0;

let client: TestApi;

const call = (method: string, path: string, actorId: string | null, body?: unknown, headers: Record<string, string> = {}) => client.call(method, path, actorId, body, headers);

const act = (measureId: string, action: string, actorId: string, body: Record<string, unknown> = {}, key = `e2e-${++keys}`) =>
  call(`POST`, `/measures/${measureId}/actions/${action}`, actorId, body, { 'Idempotency-Key': key });

const upload = (measureId: string, actorId: string, name: string, bytes: Buffer, type: string) => client.upload(`/measures/${measureId}/evidence`, actorId, name, bytes, type);

async function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawnWorker(taskQueue);
  await waitForOutput(child, /worker polling task queue/);
  return child;
}

let people: Record<'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff' | 'outsider', string>;
let departments: Record<string, string>;
let inspectionId: string;

beforeAll(async () => {
  dataSource = await openDataSource();
  api = await startApi(taskQueue);
  client = new TestApi(api.url);
  admin = await createAdmin(dataSource, client);
  worker = await startWorkerProcess();

  const tag = Date.now().toString(36);
  const createdDepartments = await call('POST', '/departments/bulk', admin, { departments: [{ name: `招商局-${tag}` }, { name: `财政局-${tag}` }] });
  expect(createdDepartments.status).toBe(201);
  departments = { lead: createdDepartments.body[0].id, other: createdDepartments.body[1].id };
  people = await client.createPeople(admin, [
    ['office', `office-${tag}`, null],
    ['reviewer', `reviewer-${tag}`, null],
    ['leader', `leader-${tag}`, null],
    ['supervisor', `supervisor-${tag}`, null],
    ['staff', `staff-${tag}`, departments.lead],
    ['outsider', `outsider-${tag}`, departments.other],
  ] as const);

  const inspection = await call('POST', '/inspections', admin, {
    title: '市委第一巡察组巡察反馈问题整改',
    kind: 'xuncha',
    inspectingBody: '市委第一巡察组',
    inspectedUnit: '经开区党工委',
    startedOn: '2023-11-28',
    feedbackOn: '2024-04-19',
    policy: fastPolicy(),
  });
  expect(inspection.status).toBe(201);
  inspectionId = inspection.body.id;
  const roles = await call('POST', `/inspections/${inspectionId}/roles`, admin, {
    roles: [
      { personId: people.office, role: 'office' },
      { personId: people.reviewer, role: 'reviewer' },
      { personId: people.supervisor, role: 'supervisor' },
    ],
  });
  expect(roles.status).toBe(201);
});

afterAll(async () => {
  worker?.kill('SIGKILL');
  await api?.app.close();
  await dataSource?.destroy();
});

let problemNumber = 0;
async function createMeasure(): Promise<string> {
  problemNumber += 1;
  const created = await call('POST', `/inspections/${inspectionId}/problems`, people.office, {
    sectionNumber: '二',
    sectionTitle: '坚持问题导向,全面推进整改任务落地落细',
    categoryNumber: '一',
    categoryTitle: '落实高质量发展方面',
    groupNumber: '3',
    groupTitle: '持续推进高质量发展',
    number: problemNumber,
    title: '优化招引机制,加强项目监管,实现投资、税收双提升',
    measures: [{ text: '强化项目入园审查,严格执行拿地门槛。', kind: 'deadline', leadDepartmentId: departments.lead, responsibleLeaderId: people.leader, dueAt: '2099-06-30' }],
  });
  expect(created.status).toBe(201);
  return created.body.measures[0].id;
}

async function submitEvidence(measureId: string, text: string) {
  const uploaded = await upload(measureId, people.staff, '会议纪要.pdf', Buffer.from(`%PDF-1.4 ${text}`), 'application/pdf');
  expect(uploaded.status).toBe(201);
  return act(measureId, 'submit_evidence', people.staff, { summary: text, evidenceIds: [uploaded.body.id] });
}

describe('bad input gets a 4xx naming the problem, and nothing is written', () => {
  it('names the missing or wrong field', async () => {
    const missing = await call('POST', '/inspections', admin, { kind: 'xuncha', inspectingBody: 'a', inspectedUnit: 'b' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/title/);
    const badPolicy = await call('POST', '/inspections', admin, { title: 't', kind: 'xuncha', inspectingBody: 'a', inspectedUnit: 'b', policy: { reviewWithin: '5 days' } });
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body.message).toMatch(/policy.reviewWithin must be an ISO-8601 duration/);
    const badKind = await call('POST', '/inspections', admin, { title: 't', kind: 'party', inspectingBody: 'a', inspectedUnit: 'b' });
    expect(badKind.body.message).toMatch(/kind must be one of/);
    const noActor = await call('GET', '/inspections', null);
    expect(noActor.status).toBe(401);
  });

  it('rejects a bulk import with one bad measure whole, naming it', async () => {
    const before = await dataSource.query('SELECT count(*)::int AS n FROM problem WHERE inspection_id = $1', [inspectionId]);
    const response = await call('POST', `/inspections/${inspectionId}/problems/bulk`, people.office, {
      problems: [
        { number: 900, title: '好问题', measures: [{ text: 'a', kind: 'deadline', leadDepartmentId: departments.lead, responsibleLeaderId: people.leader, dueAt: '2099-01-01' }] },
        { number: 901, title: '坏问题', measures: [{ text: 'b', kind: 'deadline', leadDepartmentId: people.leader, responsibleLeaderId: people.leader, dueAt: '2099-01-01' }] },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('problems[1].measures[0].leadDepartmentId names no department');
    const badDate = await call('POST', `/inspections/${inspectionId}/problems`, people.office, {
      number: 902,
      title: '日期',
      measures: [{ text: 'a', kind: 'deadline', leadDepartmentId: departments.lead, responsibleLeaderId: people.leader, dueAt: '2099-02-30' }],
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toMatch(/measures.0.dueAt must be a date/);
    const after = await dataSource.query('SELECT count(*)::int AS n FROM problem WHERE inspection_id = $1', [inspectionId]);
    expect(after).toEqual(before);
  });
});

describe('ledger search', () => {
  it('finds measures by their text or their problem’s title, treats % and _ as letters, and searches only what the person may see', async () => {
    const tag = Date.now().toString(36);
    // An inspection of its own, so the other tests' counts per department stay as they expect.
    const inspection = (await call('POST', '/inspections', admin, { title: `检索-${tag}`, kind: 'audit', inspectingBody: '审计组', inspectedUnit: '经开区', policy: fastPolicy() })).body.id;
    expect((await call('POST', `/inspections/${inspection}/roles`, admin, { roles: [{ personId: people.office, role: 'office' }] })).status).toBe(201);
    const created = await call('POST', `/inspections/${inspection}/problems`, people.office, {
      number: 1,
      title: `闲置土地清理-${tag}`,
      measures: [
        { text: `收回低效用地 100% 完成-${tag}`, kind: 'deadline', leadDepartmentId: departments.lead, responsibleLeaderId: people.leader, dueAt: '2099-06-30' },
        { text: `财政补助清退_专项-${tag}`, kind: 'deadline', leadDepartmentId: departments.other, responsibleLeaderId: people.leader, dueAt: '2099-06-30' },
      ],
    });
    expect(created.status).toBe(201);
    const [landId, subsidyId] = created.body.measures.map((measure: { id: string }) => measure.id);
    const search = async (q: string, who = people.office) => {
      const reply = await call('GET', `/measures?inspectionId=${inspection}&q=${encodeURIComponent(q)}&limit=100`, who);
      expect(reply.status).toBe(200);
      return (reply.body.items as { id: string }[]).map((item) => item.id).sort();
    };
    expect(await search(`低效用地 100% 完成-${tag}`)).toEqual([landId]);
    expect(await search(`闲置土地清理-${tag}`)).toEqual([landId, subsidyId].sort());
    // A literal % or _ matches only itself, not "anything" or "any one character".
    expect(await search(`100% 完成-${tag}`)).toEqual([landId]);
    expect(await search(`用地%完成-${tag}`)).toEqual([]);
    expect(await search(`清退_专项-${tag}`)).toEqual([subsidyId]);
    expect(await search(`补助_退_专项-${tag}`)).toEqual([]);
    // Staff of the lead department find their measure by the shared problem title, never the other department's.
    expect(await search(`闲置土地清理-${tag}`, people.staff)).toEqual([landId]);
    expect(await search(`财政补助清退_专项-${tag}`, people.staff)).toEqual([]);
  });
});

describe('evidence files', () => {
  it('stores the bytes with their SHA-256 and gives back the same bytes', async () => {
    const measureId = await createMeasure();
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, index) => index % 251))]);
    const uploaded = await upload(measureId, people.staff, '整改报告.pdf', bytes, 'application/pdf');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ fileName: '整改报告.pdf', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const download = await call('GET', `/evidence/${uploaded.body.id}/content`, people.staff);
    expect(download.status).toBe(200);
    expect(download.raw.equals(bytes)).toBe(true);
    const outsider = await call('GET', `/evidence/${uploaded.body.id}/content`, people.outsider);
    expect(outsider.status).toBe(404);
  });

  it('refuses oversize files (413), types off the allow-list (415) and uploads by people outside the measure (404/403)', async () => {
    const measureId = await createMeasure();
    const big = await upload(measureId, people.staff, 'big.pdf', Buffer.alloc(1024 * 1024 + 1, 1), 'application/pdf');
    expect(big.status).toBe(413);
    const exe = await upload(measureId, people.staff, 'tool.exe', Buffer.from('MZ'), 'application/octet-stream');
    expect(exe.status).toBe(415);
    expect(exe.body.message).toMatch(/\.exe/);
    // Another department cannot even see the measure; a leader sees it but does not upload.
    const outsider = await upload(measureId, people.outsider, 'a.pdf', Buffer.from('%PDF'), 'application/pdf');
    expect(outsider.status).toBe(404);
    const leader = await upload(measureId, people.leader, 'a.pdf', Buffer.from('%PDF'), 'application/pdf');
    expect(leader.status).toBe(403);
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM evidence WHERE measure_id = $1', [measureId]);
    expect(n).toBe(0);
  });

  it('refuses a submission naming evidence of another measure, or none at all, and changes nothing', async () => {
    const measureId = await createMeasure();
    const otherId = await createMeasure();
    expect((await act(measureId, 'assign', people.office)).status).toBe(200);
    const own = await upload(measureId, people.staff, '纪要.pdf', Buffer.from('%PDF-1.4 own'), 'application/pdf');
    const others = await upload(otherId, people.staff, '纪要.pdf', Buffer.from('%PDF-1.4 other'), 'application/pdf');
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [wrong, summary] of [
      [others.body.id, '别的措施的材料'],
      [unknown, '不存在的材料'],
    ]) {
      const refused = await act(measureId, 'submit_evidence', people.staff, { summary, evidenceIds: [own.body.id, wrong] });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: 'INVALID_INPUT', message: `evidenceIds names no evidence of this measure: ${wrong}` });
    }
    const [row] = await dataSource.query('SELECT stage, last_seq FROM measure WHERE id = $1', [measureId]);
    expect(row).toEqual({ stage: 'rectify', last_seq: 1 });
    expect((await act(measureId, 'submit_evidence', people.staff, { summary: '已整改', evidenceIds: [own.body.id] })).body.stage).toBe('review');
  });
});

describe('one measure through the whole pipeline over HTTP', () => {
  it('goes assign → rectify → review (reject, resubmit, approve) → sign-off → look-back → closed', async () => {
    const measureId = await createMeasure();
    const initial = await call('GET', `/measures/${measureId}`, people.office);
    expect(initial.body).toMatchObject({ stage: 'assign', round: 1, allowedActions: ['assign'], problem: { sectionNumber: '二', groupNumber: '3' } });

    const assigned = await act(measureId, 'assign', people.office);
    expect(assigned).toMatchObject({ status: 200, body: { stage: 'rectify', round: 1 } });

    const forbidden = await act(measureId, 'assign', people.staff);
    expect(forbidden.status).toBe(409);
    expect((await submitEvidenceAs(measureId, people.outsider)).status).toBe(404);
    const wrongRole = await submitEvidenceAs(measureId, people.leader);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.message).toMatch(/needs the role staff/);
    const wrongStage = await act(measureId, 'sign_off', people.leader, { decision: 'approve' });
    expect(wrongStage).toMatchObject({ status: 409, body: { error: 'STAGE_CONFLICT', message: 'action "sign_off" is not allowed in stage 整改 (rectify); allowed now: submit_evidence, request_extension, supervise' } });
    const noKey = await call('POST', `/measures/${measureId}/actions/review`, people.reviewer, { decision: 'approve' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.message).toMatch(/idempotencyKey is required/);
    const unknownField = await act(measureId, 'review', people.reviewer, { decision: 'approve', hack: true });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toMatch(/property hack should not exist/);

    expect((await submitEvidence(measureId, '已制定实施细则')).body.stage).toBe('review');
    const rejectNoReason = await act(measureId, 'review', people.reviewer, { decision: 'reject' });
    expect(rejectNoReason).toMatchObject({ status: 400, body: { message: 'reason is required' } });
    expect((await act(measureId, 'review', people.reviewer, { decision: 'reject', reason: '缺少印发文件' })).body).toMatchObject({ stage: 'rectify', round: 2 });
    expect((await submitEvidence(measureId, '已印发实施细则')).body).toMatchObject({ stage: 'review', round: 2 });
    const review = await act(measureId, 'review', people.reviewer, { decision: 'approve' }, 'review-approve');
    expect(review.body).toMatchObject({ stage: 'signoff', round: 2 });
    const repeated = await act(measureId, 'review', people.reviewer, { decision: 'approve' }, 'review-approve');
    expect(repeated.body).toMatchObject({ stage: 'signoff', round: 2, seq: review.body.seq, duplicate: true });
    const reused = await act(measureId, 'sign_off', people.leader, { decision: 'approve' }, 'review-approve');
    expect(reused.status).toBe(422);

    expect((await act(measureId, 'sign_off', people.leader, { decision: 'approve' })).body.stage).toBe('lookback');
    await waitFor(async () => (await call('GET', `/measures/${measureId}`, people.supervisor)).body.allowedActions.includes('record_look_back'), 'the look-back to fall due');
    const closed = await act(measureId, 'record_look_back', people.supervisor, { result: 'holds', note: '经回头看未反弹' }, 'look-back-holds');
    expect(closed.body.stage).toBe('closed');
    const afterClose = await act(measureId, 'record_look_back', people.supervisor, { result: 'holds' }, 'look-back-holds');
    expect(afterClose.body).toMatchObject({ stage: 'closed', duplicate: true });
    const tooLate = await act(measureId, 'review', people.reviewer, { decision: 'approve' });
    expect(tooLate.status).toBe(409);

    const timeline = await call('GET', `/measures/${measureId}/timeline`, people.office);
    expect(timeline.body.map((row: any) => [row.seq, row.action, row.fromStage, row.toStage, row.round])).toEqual([
      [1, 'assign', 'assign', 'rectify', 1],
      [2, 'submit_evidence', 'rectify', 'review', 1],
      [3, 'review', 'review', 'rectify', 2],
      [4, 'submit_evidence', 'rectify', 'review', 2],
      [5, 'review', 'review', 'signoff', 2],
      [6, 'sign_off', 'signoff', 'lookback', 2],
      [7, 'look_back_due', 'lookback', 'lookback', 2],
      [8, 'record_look_back', 'lookback', 'closed', 2],
    ]);
    expect(timeline.body.map((row: any) => row.actorId)).toEqual([people.office, people.staff, people.reviewer, people.staff, people.reviewer, people.leader, null, people.supervisor]);
    const [row] = await dataSource.query('SELECT stage, round, last_seq, closed_at IS NOT NULL AS closed FROM measure WHERE id = $1', [measureId]);
    expect(row).toEqual({ stage: 'closed', round: 2, last_seq: 8, closed: true });

    const listed = await call('GET', `/measures?inspectionId=${inspectionId}&stage=closed`, people.office);
    expect(listed.body.items.map((item: any) => item.id)).toContain(measureId);
    const byDepartment = await call('GET', `/measures?inspectionId=${inspectionId}&departmentId=${departments.other}`, people.office);
    expect(byDepartment.body.total).toBe(0);
    const problems = await call('GET', `/inspections/${inspectionId}/problems`, people.office);
    const { problemId } = (await call('GET', `/measures/${measureId}`, people.office)).body;
    const problem = problems.body.find((item: any) => item.id === problemId);
    expect(problem).toMatchObject({ closed: true, measures: 1, measuresClosed: 1 });
    const summary = await call('GET', `/inspections/${inspectionId}`, people.office);
    expect(summary.body.counts.measuresByStage.closed).toBeGreaterThanOrEqual(1);
    expect(summary.body.counts.problemsClosed).toBeGreaterThanOrEqual(1);
  });
});

function submitEvidenceAs(measureId: string, actorId: string) {
  return act(measureId, 'submit_evidence', actorId, { summary: '越权提交', evidenceIds: [] });
}

describe('worker killed mid-pipeline', () => {
  it('finishes the measure after a new worker starts, with no audit row lost or doubled', async () => {
    const measureId = await createMeasure();
    await act(measureId, 'assign', people.office);
    await submitEvidence(measureId, '第一次提交');
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    // The review is accepted by Temporal while no worker runs, and completes once one is back.
    const pending = act(measureId, 'review', people.reviewer, { decision: 'approve' }, 'review-during-outage');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    worker = await startWorkerProcess();
    expect((await pending).body).toMatchObject({ stage: 'signoff' });
    expect((await act(measureId, 'sign_off', people.leader, { decision: 'approve' })).body.stage).toBe('lookback');
    await waitFor(async () => (await call('GET', `/measures/${measureId}`, people.supervisor)).body.lookBackDue, 'the look-back to fall due');
    expect((await act(measureId, 'record_look_back', people.supervisor, { result: 'holds' })).body.stage).toBe('closed');
    const rows = await dataSource.query('SELECT seq, action FROM audit_event WHERE measure_id = $1 ORDER BY seq', [measureId]);
    expect(rows.map((row: any) => row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((row: any) => row.action)).toEqual(['assign', 'submit_evidence', 'review', 'sign_off', 'look_back_due', 'record_look_back']);
  });
});
