/**
 * End to end: HTTP → API → Temporal → worker (its own OS process) → PostgreSQL, checked through the
 * API and row by row in the database. Includes killing the worker with SIGKILL mid-pipeline.
 */
import { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { fastPolicy, spawnWorker, waitFor, waitForOutput } from './support/stack';
import {
  act,
  buildWorld,
  call,
  createMeasure,
  startStack,
  submitEvidence,
  uploadEvidence,
  World,
} from './support/world';

let world: World<'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff' | 'outsider', 'lead' | 'other'>;
let dataSource: DataSource;
let worker: ChildProcess;
let admin: string;
let people: typeof world.people;
let departments: typeof world.departments;
let inspectionId: string;

async function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawnWorker(world.taskQueue);
  await waitForOutput(child, /worker polling task queue/);
  return child;
}

beforeAll(async () => {
  const tag = Date.now().toString(36);
  // The worker runs as its own OS process, so a test can kill it.
  world = await buildWorld(await startStack('e2e', { worker: false }), {
    departments: { lead: `招商局-${tag}`, other: `财政局-${tag}` },
    people: {
      office: { name: `office-${tag}`, roles: 'office' },
      reviewer: { name: `reviewer-${tag}`, roles: 'reviewer' },
      leader: `leader-${tag}`,
      supervisor: { name: `supervisor-${tag}`, roles: 'supervisor' },
      staff: { name: `staff-${tag}`, department: 'lead' },
      outsider: { name: `outsider-${tag}`, department: 'other' },
    },
    inspection: { title: '市委第一巡察组巡察反馈问题整改', startedOn: '2023-11-28', feedbackOn: '2024-04-19' },
  });
  ({ dataSource, admin, people, departments, inspection: inspectionId } = world);
  worker = await startWorkerProcess();
});

afterAll(async () => {
  worker?.kill('SIGKILL');
  await world?.stop();
});

/** Problem 9 of the seed notice, with its place in the heading ladder. */
const PROBLEM_9 = {
  sectionNumber: '二',
  sectionTitle: '坚持问题导向,全面推进整改任务落地落细',
  categoryNumber: '一',
  categoryTitle: '落实高质量发展方面',
  groupNumber: '3',
  groupTitle: '持续推进高质量发展',
  title: '优化招引机制,加强项目监管,实现投资、税收双提升',
  text: '强化项目入园审查,严格执行拿地门槛。',
};

describe('bad input gets a 4xx naming the problem, and nothing is written', () => {
  it('names the missing or wrong field', async () => {
    const missing = await call(world, 'POST', '/inspections', admin, {
      kind: 'xuncha',
      inspectingBody: 'a',
      inspectedUnit: 'b',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/title/);
    const badPolicy = await call(world, 'POST', '/inspections', admin, {
      title: 't',
      kind: 'xuncha',
      inspectingBody: 'a',
      inspectedUnit: 'b',
      policy: { reviewWithin: '5 days' },
    });
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body.message).toMatch(/policy.reviewWithin must be an ISO-8601 duration/);
    const badKind = await call(world, 'POST', '/inspections', admin, {
      title: 't',
      kind: 'party',
      inspectingBody: 'a',
      inspectedUnit: 'b',
    });
    expect(badKind.body.message).toMatch(/kind must be one of/);
    const noActor = await call(world, 'GET', '/inspections', null);
    expect(noActor.status).toBe(401);
  });

  it('rejects a bulk import with one bad measure whole, naming it', async () => {
    const before = await dataSource.query('SELECT count(*)::int AS n FROM problem WHERE inspection_id = $1', [
      inspectionId,
    ]);
    const response = await call(world, 'POST', `/inspections/${inspectionId}/problems/bulk`, people.office, {
      problems: [
        {
          number: 900,
          title: '好问题',
          measures: [
            {
              text: 'a',
              kind: 'deadline',
              leadDepartmentId: departments.lead,
              responsibleLeaderId: people.leader,
              dueAt: '2099-01-01',
            },
          ],
        },
        {
          number: 901,
          title: '坏问题',
          measures: [
            {
              text: 'b',
              kind: 'deadline',
              leadDepartmentId: people.leader,
              responsibleLeaderId: people.leader,
              dueAt: '2099-01-01',
            },
          ],
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('problems[1].measures[0].leadDepartmentId names no department');
    const badDate = await call(world, 'POST', `/inspections/${inspectionId}/problems`, people.office, {
      number: 902,
      title: '日期',
      measures: [
        {
          text: 'a',
          kind: 'deadline',
          leadDepartmentId: departments.lead,
          responsibleLeaderId: people.leader,
          dueAt: '2099-02-30',
        },
      ],
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toMatch(/measures.0.dueAt must be a date/);
    const after = await dataSource.query('SELECT count(*)::int AS n FROM problem WHERE inspection_id = $1', [
      inspectionId,
    ]);
    expect(after).toEqual(before);
  });
});

describe('ledger search', () => {
  it('finds measures by their text or their problem’s title, treats % and _ as letters, and searches only what the person may see', async () => {
    const tag = Date.now().toString(36);
    // An inspection of its own, so the other tests' counts per department stay as they expect.
    const inspection = (
      await call(world, 'POST', '/inspections', admin, {
        title: `检索-${tag}`,
        kind: 'audit',
        inspectingBody: '审计组',
        inspectedUnit: '经开区',
        policy: fastPolicy(),
      })
    ).body.id;
    expect(
      (
        await call(world, 'POST', `/inspections/${inspection}/roles`, admin, {
          roles: [{ personId: people.office, role: 'office' }],
        })
      ).status,
    ).toBe(201);
    const created = await call(world, 'POST', `/inspections/${inspection}/problems`, people.office, {
      number: 1,
      title: `闲置土地清理-${tag}`,
      measures: [
        {
          text: `收回低效用地 100% 完成-${tag}`,
          kind: 'deadline',
          leadDepartmentId: departments.lead,
          responsibleLeaderId: people.leader,
          dueAt: '2099-06-30',
        },
        {
          text: `财政补助清退_专项-${tag}`,
          kind: 'deadline',
          leadDepartmentId: departments.other,
          responsibleLeaderId: people.leader,
          dueAt: '2099-06-30',
        },
      ],
    });
    expect(created.status).toBe(201);
    const [landId, subsidyId] = created.body.measures.map((measure: { id: string }) => measure.id);
    const search = async (q: string, who = people.office) => {
      const reply = await call(
        world,
        'GET',
        `/measures?inspectionId=${inspection}&q=${encodeURIComponent(q)}&limit=100`,
        who,
      );
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
    const measureId = await createMeasure(world, PROBLEM_9);
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.from(Array.from({ length: 5000 }, (_, index) => index % 251)),
    ]);
    const uploaded = await uploadEvidence(world, measureId, people.staff, '整改报告.pdf', bytes, 'application/pdf');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      fileName: '整改报告.pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const download = await call(world, 'GET', `/evidence/${uploaded.body.id}/content`, people.staff);
    expect(download.status).toBe(200);
    expect(download.raw.equals(bytes)).toBe(true);
    const outsider = await call(world, 'GET', `/evidence/${uploaded.body.id}/content`, people.outsider);
    expect(outsider.status).toBe(404);
  });

  it('refuses oversize files (413), types off the allow-list (415) and uploads by people outside the measure (404/403)', async () => {
    const measureId = await createMeasure(world, PROBLEM_9);
    const big = await uploadEvidence(
      world,
      measureId,
      people.staff,
      'big.pdf',
      Buffer.alloc(1024 * 1024 + 1, 1),
      'application/pdf',
    );
    expect(big.status).toBe(413);
    const exe = await uploadEvidence(
      world,
      measureId,
      people.staff,
      'tool.exe',
      Buffer.from('MZ'),
      'application/octet-stream',
    );
    expect(exe.status).toBe(415);
    expect(exe.body.message).toMatch(/\.exe/);
    // Another department cannot even see the measure; a leader sees it but does not upload.
    const outsider = await uploadEvidence(
      world,
      measureId,
      people.outsider,
      'a.pdf',
      Buffer.from('%PDF'),
      'application/pdf',
    );
    expect(outsider.status).toBe(404);
    const leader = await uploadEvidence(
      world,
      measureId,
      people.leader,
      'a.pdf',
      Buffer.from('%PDF'),
      'application/pdf',
    );
    expect(leader.status).toBe(403);
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM evidence WHERE measure_id = $1', [
      measureId,
    ]);
    expect(n).toBe(0);
  });

  it('refuses a submission naming evidence of another measure, or none at all, and changes nothing', async () => {
    const measureId = await createMeasure(world, PROBLEM_9);
    const otherId = await createMeasure(world, PROBLEM_9);
    expect((await act(world, measureId, 'assign', people.office)).status).toBe(200);
    const own = await uploadEvidence(
      world,
      measureId,
      people.staff,
      '纪要.pdf',
      Buffer.from('%PDF-1.4 own'),
      'application/pdf',
    );
    const others = await uploadEvidence(
      world,
      otherId,
      people.staff,
      '纪要.pdf',
      Buffer.from('%PDF-1.4 other'),
      'application/pdf',
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [wrong, summary] of [
      [others.body.id, '别的措施的材料'],
      [unknown, '不存在的材料'],
    ]) {
      const refused = await act(world, measureId, 'submit_evidence', people.staff, {
        summary,
        evidenceIds: [own.body.id, wrong],
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        error: 'INVALID_INPUT',
        message: `evidenceIds names no evidence of this measure: ${wrong}`,
      });
    }
    const [row] = await dataSource.query('SELECT stage, last_seq FROM measure WHERE id = $1', [measureId]);
    expect(row).toEqual({ stage: 'rectify', last_seq: 1 });
    expect(
      (await act(world, measureId, 'submit_evidence', people.staff, { summary: '已整改', evidenceIds: [own.body.id] }))
        .body.stage,
    ).toBe('review');
  });
});

describe('one measure through the whole pipeline over HTTP', () => {
  it('goes assign → rectify → review (reject, resubmit, approve) → sign-off → look-back → closed', async () => {
    const measureId = await createMeasure(world, PROBLEM_9);
    const initial = await call(world, 'GET', `/measures/${measureId}`, people.office);
    expect(initial.body).toMatchObject({
      stage: 'assign',
      round: 1,
      // 交办, and the office's upkeep of the plan (调整责任, 调整时限, 修改措施, 作废).
      allowedActions: ['assign', 'reassign', 'change_deadline', 'edit_text', 'void'],
      problem: { sectionNumber: '二', groupNumber: '3' },
    });

    const assigned = await act(world, measureId, 'assign', people.office);
    expect(assigned).toMatchObject({ status: 200, body: { stage: 'rectify', round: 1 } });

    const forbidden = await act(world, measureId, 'assign', people.staff);
    expect(forbidden.status).toBe(409);
    expect((await submitEvidenceAs(measureId, people.outsider)).status).toBe(404);
    const wrongRole = await submitEvidenceAs(measureId, people.leader);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.message).toMatch(/needs the role staff/);
    const wrongStage = await act(world, measureId, 'sign_off', people.leader, { decision: 'approve' });
    expect(wrongStage).toMatchObject({
      status: 409,
      body: {
        error: 'STAGE_CONFLICT',
        message:
          'action "sign_off" is not allowed in stage 整改 (rectify); allowed now: submit_evidence, request_extension, supervise, claim, urge, reassign, change_deadline, edit_text, void',
      },
    });
    const noKey = await call(world, 'POST', `/measures/${measureId}/actions/review`, people.reviewer, {
      decision: 'approve',
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.message).toMatch(/idempotencyKey is required/);
    const unknownField = await act(world, measureId, 'review', people.reviewer, { decision: 'approve', hack: true });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toMatch(/property hack should not exist/);

    expect((await submitEvidence(world, measureId, { summary: '已制定实施细则' })).body.stage).toBe('review');
    const rejectNoReason = await act(world, measureId, 'review', people.reviewer, { decision: 'reject' });
    expect(rejectNoReason).toMatchObject({ status: 400, body: { message: 'reason is required' } });
    expect(
      (await act(world, measureId, 'review', people.reviewer, { decision: 'reject', reason: '缺少印发文件' })).body,
    ).toMatchObject({ stage: 'rectify', round: 2 });
    expect((await submitEvidence(world, measureId, { summary: '已印发实施细则' })).body).toMatchObject({
      stage: 'review',
      round: 2,
    });
    const review = await act(world, measureId, 'review', people.reviewer, { decision: 'approve' }, 'review-approve');
    expect(review.body).toMatchObject({ stage: 'signoff', round: 2 });
    const repeated = await act(world, measureId, 'review', people.reviewer, { decision: 'approve' }, 'review-approve');
    expect(repeated.body).toMatchObject({ stage: 'signoff', round: 2, seq: review.body.seq, duplicate: true });
    const reused = await act(world, measureId, 'sign_off', people.leader, { decision: 'approve' }, 'review-approve');
    expect(reused.status).toBe(422);

    expect((await act(world, measureId, 'sign_off', people.leader, { decision: 'approve' })).body.stage).toBe(
      'lookback',
    );
    // An early look-back is allowed too; this one waits for the look-back to fall due.
    await waitFor(
      async () => (await call(world, 'GET', `/measures/${measureId}`, people.supervisor)).body.lookBackDue,
      'the look-back to fall due',
    );
    const closed = await act(
      world,
      measureId,
      'record_look_back',
      people.supervisor,
      { result: 'holds', note: '经回头看未反弹' },
      'look-back-holds',
    );
    expect(closed.body.stage).toBe('closed');
    // After the workflow has finished the key is answered from the audit trail: the same request
    // gets the first answer, another request under that key is refused (issue 11).
    const afterClose = await act(
      world,
      measureId,
      'record_look_back',
      people.supervisor,
      { result: 'holds', note: '经回头看未反弹' },
      'look-back-holds',
    );
    expect(afterClose.body).toMatchObject({ stage: 'closed', duplicate: true });
    const otherBody = await act(
      world,
      measureId,
      'record_look_back',
      people.supervisor,
      { result: 'holds' },
      'look-back-holds',
    );
    expect(otherBody.status).toBe(422);
    const tooLate = await act(world, measureId, 'review', people.reviewer, { decision: 'approve' });
    expect(tooLate.status).toBe(409);

    const timeline = await call(world, 'GET', `/measures/${measureId}/timeline`, people.office);
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
    expect(timeline.body.map((row: any) => row.actorId)).toEqual([
      people.office,
      people.staff,
      people.reviewer,
      people.staff,
      people.reviewer,
      people.leader,
      null,
      people.supervisor,
    ]);
    const [row] = await dataSource.query(
      'SELECT stage, round, last_seq, closed_at IS NOT NULL AS closed FROM measure WHERE id = $1',
      [measureId],
    );
    expect(row).toEqual({ stage: 'closed', round: 2, last_seq: 8, closed: true });

    const listed = await call(world, 'GET', `/measures?inspectionId=${inspectionId}&stage=closed`, people.office);
    expect(listed.body.items.map((item: any) => item.id)).toContain(measureId);
    const byDepartment = await call(
      world,
      'GET',
      `/measures?inspectionId=${inspectionId}&departmentId=${departments.other}`,
      people.office,
    );
    expect(byDepartment.body.total).toBe(0);
    const problems = await call(world, 'GET', `/inspections/${inspectionId}/problems`, people.office);
    const { problemId } = (await call(world, 'GET', `/measures/${measureId}`, people.office)).body;
    const problem = problems.body.find((item: any) => item.id === problemId);
    expect(problem).toMatchObject({ closed: true, measures: 1, measuresClosed: 1 });
    const summary = await call(world, 'GET', `/inspections/${inspectionId}`, people.office);
    expect(summary.body.counts.measuresByStage.closed).toBeGreaterThanOrEqual(1);
    expect(summary.body.counts.problemsClosed).toBeGreaterThanOrEqual(1);
  });
});

function submitEvidenceAs(measureId: string, actorId: string) {
  return act(world, measureId, 'submit_evidence', actorId, { summary: '越权提交', evidenceIds: [] });
}

describe('worker killed mid-pipeline', () => {
  it('finishes the measure after a new worker starts, with no audit row lost or doubled', async () => {
    const measureId = await createMeasure(world, PROBLEM_9);
    await act(world, measureId, 'assign', people.office);
    await submitEvidence(world, measureId, { summary: '第一次提交' });
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    // The review is accepted by Temporal while no worker runs, and completes once one is back.
    const pending = act(world, measureId, 'review', people.reviewer, { decision: 'approve' }, 'review-during-outage');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    worker = await startWorkerProcess();
    expect((await pending).body).toMatchObject({ stage: 'signoff' });
    expect((await act(world, measureId, 'sign_off', people.leader, { decision: 'approve' })).body.stage).toBe(
      'lookback',
    );
    await waitFor(
      async () => (await call(world, 'GET', `/measures/${measureId}`, people.supervisor)).body.lookBackDue,
      'the look-back to fall due',
    );
    expect((await act(world, measureId, 'record_look_back', people.supervisor, { result: 'holds' })).body.stage).toBe(
      'closed',
    );
    const rows = await dataSource.query('SELECT seq, action FROM audit_event WHERE measure_id = $1 ORDER BY seq', [
      measureId,
    ]);
    expect(rows.map((row: any) => row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((row: any) => row.action)).toEqual([
      'assign',
      'submit_evidence',
      'review',
      'sign_off',
      'look_back_due',
      'record_look_back',
    ]);
  });
});
