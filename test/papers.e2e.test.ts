/**
 * The formal papers from live data, through the HTTP API against real PostgreSQL, Temporal and a
 * worker, each .docx read back with mammoth (as the import reads documents): the 整改报告 and its
 * versions with the ledger attached, the 销号审批表, the 三张清单 and the 督办单 with their numbers.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { chinaDay, docxTables, documentText } from '@rectiflow/documents';
import {
  actOk,
  buildWorld,
  call,
  createInspection,
  createProblem,
  measureAt,
  startStack,
  submitEvidence,
  uploadEvidence,
  World,
} from './support/world';
import { fastPolicy } from './support/stack';

type People = 'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff' | 'outsider';
let world: World<People, 'department' | 'other'>;
const tag = Date.now().toString(36);
const body = `市委第九巡察组-${tag}`;
const departmentName = `综合办-${tag}`;
const leaderName = `赵领导-${tag}`;
const staffName = `陈经办-${tag}`;
const minutes = Buffer.from(`%PDF-1.4 会议纪要 ${tag}`);

/** An inspection with: problem 1 signed off after a rejected first round; problem 2 with an open measure
 * (deadline changed, 承办人 named), a 长期坚持 one on time and a voided one. */
async function scene() {
  // The 督办单's reply deadline counts working days, as offices write it (3 个工作日).
  const inspection = await createInspection(world, {
    inspectingBody: body,
    feedbackOn: '2026-01-15',
    policy: { ...fastPolicy(), supervisionReplyWithin: { workingDays: 3 } },
  });
  const done = await measureAt(world, 'rectify', { inspection, title: '会议制度落实不到位', text: '建立会议制度' });
  await submitEvidence(world, done, {
    summary: '初稿',
    file: { name: '初稿.pdf', bytes: Buffer.from('%PDF-1.4 初稿'), type: 'application/pdf' },
  });
  await actOk(world, done, 'review', 'reviewer', { decision: 'reject', reason: '材料不全' });
  const second = await submitEvidence(world, done, {
    summary: '已印发会议制度',
    file: { name: '会议纪要.pdf', bytes: minutes, type: 'application/pdf' },
  });
  expect(second.status).toBe(200);
  await actOk(world, done, 'review', 'reviewer', { decision: 'approve', reason: '材料齐全' });
  await actOk(world, done, 'sign_off', 'leader', { decision: 'approve' });
  const problem = await createProblem(world, {
    inspection,
    title: '项目监管不严',
    measures: [{ text: '开展项目清查' }, { text: '长期跟踪项目', kind: 'ongoing' }, { text: '重复的措施' }],
  });
  const [open, ongoing, voided] = problem.measures.map((measure) => measure.id);
  await actOk(world, open, 'assign', 'office', { assigneeId: world.people.staff });
  // Uploaded but never submitted: not evidence of anything yet, so not in the report.
  expect((await uploadEvidence(world, open, 'staff', '未提交的草稿.pdf')).status).toBe(201);
  await actOk(world, open, 'change_deadline', 'office', {
    dueAt: '2099-09-30',
    reason: '上级要求',
    approvedById: world.people.leader,
  });
  await actOk(world, ongoing, 'assign', 'office');
  await actOk(world, voided, 'void', 'office', { reason: '与其他措施重复' });
  return { inspection, done, open, ongoing, voided };
}

let ids: Awaited<ReturnType<typeof scene>>;

beforeAll(async () => {
  world = await buildWorld(await startStack('papers'), {
    departments: { department: departmentName, other: `其他部门-${tag}` },
    people: {
      office: { name: `王整改-${tag}`, roles: 'office' },
      reviewer: { name: `李审核-${tag}`, roles: 'reviewer' },
      leader: leaderName,
      supervisor: { name: `周督查-${tag}`, roles: 'supervisor' },
      staff: { name: staffName, department: 'department' },
      outsider: { name: `外人-${tag}`, department: 'other' },
    },
  });
  ids = await scene();
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

describe('整改报告', () => {
  it('starts from a default narrative with the 报送时限 two months after the feedback day; only the office edits it', async () => {
    const draft = await call(world, 'GET', `/inspections/${ids.inspection}/report`, 'reviewer');
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ dueOn: '2026-03-15', updatedAt: null, narrative: { addressee: body } });
    expect(draft.body.placeholders).toContain('{doneMeasures}');
    expect((await call(world, 'GET', `/inspections/${ids.inspection}/report`, 'staff')).status).toBe(403);
    const edit = {
      overall: { title: '总体情况', paragraphs: ['共{problems}个问题{measures}项措施,已完成{doneMeasures}项。'] },
    };
    expect((await call(world, 'PUT', `/inspections/${ids.inspection}/report`, 'reviewer', edit)).status).toBe(403);
    const bad = await call(world, 'PUT', `/inspections/${ids.inspection}/report`, 'office', { overall: { title: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/overall/);
    const edited = await call(world, 'PUT', `/inspections/${ids.inspection}/report`, 'office', edit);
    expect(edited.status).toBe(200);
    expect(edited.body.narrative.overall.paragraphs).toEqual(edit.overall.paragraphs);
    expect(edited.body.narrative.addressee).toBe(body);
  });

  it('counts by the done rule and keeps every generation as a numbered version with its ledger', async () => {
    const preview = await call(world, 'GET', `/inspections/${ids.inspection}/report/preview`, 'supervisor');
    expect(preview.body.version).toBeNull();
    expect(preview.body.figures).toEqual({
      problems: 2,
      measures: 3,
      doneMeasures: 1,
      ongoingMeasures: 1,
      openMeasures: 1,
      closedProblems: 1,
      completionRate: '33.3%',
    });
    expect(preview.body.overall.paragraphs).toEqual(['共2个问题3项措施,已完成1项。']);

    const first = await call(world, 'POST', `/inspections/${ids.inspection}/report/versions`, 'office');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, generatedById: world.people.office, generatedBy: `王整改-${tag}` });
    await call(world, 'PUT', `/inspections/${ids.inspection}/report`, 'office', {
      nextSteps: { title: '下一步打算', paragraphs: ['第二版的打算。'] },
    });
    const second = await call(world, 'POST', `/inspections/${ids.inspection}/report/versions`, 'office');
    expect(second.body.version).toBe(2);
    expect((await call(world, 'POST', `/inspections/${ids.inspection}/report/versions`, 'reviewer')).status).toBe(403);
    const list = await call(world, 'GET', `/inspections/${ids.inspection}/report/versions`, 'reviewer');
    expect(list.body.map((version: { version: number }) => version.version)).toEqual([2, 1]);

    const v1 = await call(world, 'GET', `/inspections/${ids.inspection}/report/versions/1/report.docx`, 'office');
    expect(v1.status).toBe(200);
    expect(v1.type).toMatch(/wordprocessingml/);
    const text = await documentText('report.docx', v1.raw);
    expect(text).toContain('第1版 报送时限:2026年3月15日');
    expect(text).toContain(`${body}:`);
    expect(text).toContain('共2个问题3项措施,已完成1项。');
    expect(text).not.toContain('第二版的打算。');
    expect(text).toMatch(
      /\d+\.会议制度落实不到位\n+\(1\)建立会议制度。完成情况:已完成。佐证材料:初稿\.pdf、会议纪要\.pdf。/,
    );
    expect(text).toContain('(1)开展项目清查。完成情况:未完成。佐证材料:暂无。');
    expect(text).toContain('(2)长期跟踪项目。完成情况:持续推进。佐证材料:暂无。');
    expect(text).not.toContain('重复的措施');
    expect(text).toContain('附件:整改台账.xlsx');
    const [figures] = await docxTables(v1.raw);
    expect(figures.rows[1].cells).toEqual(['2', '3', '1', '1', '1', '33.3%', '1']);
    const v2 = await call(world, 'GET', `/inspections/${ids.inspection}/report/versions/2/report.docx`, 'office');
    expect(await documentText('report.docx', v2.raw)).toContain('第二版的打算。');
    expect((await call(world, 'GET', `/inspections/${ids.inspection}/report/versions/2`, 'office')).body.version).toBe(
      2,
    );

    const ledger = await call(
      world,
      'GET',
      `/inspections/${ids.inspection}/report/versions/1/ledger.xlsx`,
      'supervisor',
    );
    expect(ledger.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(ledger.raw as unknown as ArrayBuffer);
    const measures = workbook.worksheets.flatMap((sheet) =>
      sheet
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[])[7]),
    );
    expect(measures).toEqual(expect.arrayContaining(['建立会议制度', '开展项目清查', '长期跟踪项目']));

    expect(
      (await call(world, 'GET', `/inspections/${ids.inspection}/report/versions/3/report.docx`, 'office')).status,
    ).toBe(404);
    const badVersion = await call(
      world,
      'GET',
      `/inspections/${ids.inspection}/report/versions/abc/report.docx`,
      'office',
    );
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.message).toMatch(/version/);
  });
});

describe('销号审批表', () => {
  it('prints the signed-off round: its evidence with hashes, the reviewer’s opinion, the leader’s decision, the signature lines', async () => {
    const form = await call(world, 'GET', `/measures/${ids.done}/signoff-form.docx`, 'staff');
    expect(form.status).toBe(200);
    const [main, evidence, signatures] = await docxTables(form.raw);
    const field = (label: string) => main.rows.find((row) => row.cells[0] === label)?.cells[1];
    expect(field('所属问题')).toMatch(/^\d+\.会议制度落实不到位$/);
    expect(field('整改措施')).toBe('(1)建立会议制度');
    expect(field('牵头单位')).toBe(departmentName);
    expect(field('责任领导')).toBe(leaderName);
    expect(field('整改情况')).toBe('已印发会议制度');
    const today = chinaDay(new Date()).split('-').map(Number);
    const day = `${today[0]}年${today[1]}月${today[2]}日`;
    expect(field('审核意见')).toBe(`审核通过。材料齐全\n审核人:李审核-${tag}    日期:${day}`);
    expect(field('责任领导意见')).toBe(`同意销号\n责任领导:${leaderName}    日期:${day}`);
    // Only the round that was signed off: the rejected first submission is not on the form.
    expect(evidence.rows.slice(1).map((row) => row.cells.slice(0, 3))).toEqual([
      ['1', '会议纪要.pdf', createHash('sha256').update(minutes).digest('hex')],
    ]);
    expect(signatures.rows.slice(1).map((row) => row.cells.slice(0, 3))).toEqual([
      ['经办人', staffName, ''],
      ['审核人', `李审核-${tag}`, ''],
      ['责任领导', leaderName, ''],
    ]);
  });

  it('is refused before 销号 (409) and hidden from who may not see the measure (404)', async () => {
    const early = await call(world, 'GET', `/measures/${ids.open}/signoff-form.docx`, 'office');
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/not signed off/);
    expect((await call(world, 'GET', `/measures/${ids.done}/signoff-form.docx`, 'outsider')).status).toBe(404);
  });
});

describe('三张清单', () => {
  it('writes the problem, task and responsibility lists from live data as three tables', async () => {
    const reply = await call(world, 'GET', `/inspections/${ids.inspection}/task-lists.docx`, 'supervisor');
    expect(reply.status).toBe(200);
    const [problems, tasks, duties] = await docxTables(reply.raw);
    expect([problems, tasks, duties].map((table) => table.before.at(-1))).toEqual([
      '一、问题清单',
      '二、任务清单',
      '三、责任清单',
    ]);
    expect(problems.rows[0].cells).toEqual(['序号', '问题', '措施数', '完成情况']);
    expect(problems.rows.slice(1).map((row) => row.cells.slice(1))).toEqual([
      ['会议制度落实不到位', '1', '已完成'],
      ['项目监管不严', '2', '未完成(已完成0/2项)'],
    ]);
    expect(tasks.rows[0].cells).toEqual(['问题序号', '措施', '措施类型', '整改时限', '完成情况']);
    expect(tasks.rows.slice(1).map((row) => row.cells.slice(2))).toEqual([
      ['限期整改', '2099-06-30', '已完成'],
      ['限期整改', '2099-09-30', '未完成'],
      ['长期坚持', '长期坚持', '持续推进'],
    ]);
    expect(duties.rows[0].cells).toEqual(['措施', '责任领导', '牵头单位', '配合单位', '承办人', '整改时限/原定时限']);
    const project = duties.rows.find((row) => row.cells[0].endsWith('开展项目清查'))!;
    expect(project.cells.slice(1)).toEqual([leaderName, departmentName, '', staffName, '2099-09-30(原定2099-06-30)']);
    expect((await call(world, 'GET', `/inspections/${ids.inspection}/task-lists.docx`, 'staff')).status).toBe(403);
  });
});

describe('督办单', () => {
  it('numbers each supervise action per issuing body and year in the order issued, once, and prints it', async () => {
    await actOk(world, ids.open, 'supervise', 'supervisor', { reason: '进度滞后,请加快推进' });
    await actOk(world, ids.ongoing, 'supervise', 'supervisor', { reason: '请按期报告进展' });
    const year = Number(chinaDay(new Date()).slice(0, 4));
    const first = await call(world, 'GET', `/inspections/${ids.inspection}/supervision-notices`, 'supervisor');
    expect(first.status).toBe(200);
    expect(first.body.map((notice: { numberText: string }) => notice.numberText)).toEqual([
      `〔${year}〕第1号`,
      `〔${year}〕第2号`,
    ]);
    expect(first.body[0]).toMatchObject({
      measureId: ids.open,
      issuingBody: body,
      leadDepartment: departmentName,
      responsibleLeader: leaderName,
      reason: '进度滞后,请加快推进',
      issuedBy: `周督查-${tag}`,
      status: 'open',
      answeredAt: null,
    });
    // The deadline is the workflow's own (3 working days on the calendar it fetched), as the
    // measure's read model holds it; the paper prints its day in China time.
    const measure = await call(world, 'GET', `/measures/${ids.open}`, 'supervisor');
    const replyDueAt: string = measure.body.supervision.replyDueAt;
    expect(first.body[0].replyDueAt).toBe(replyDueAt);
    expect(first.body[0].replyBy).toBe(chinaDay(new Date(replyDueAt)));
    // Working days end at 23:59:59 China time of the third working day (P3D would be the issue instant + 72 h).
    expect(replyDueAt).toMatch(/T15:59:59\.000Z$/);
    expect(Date.parse(replyDueAt) - Date.parse(first.body[0].issuedAt)).not.toBe(3 * 86_400_000);

    // Another inspection by the same body continues its count; the first inspection's numbers stay.
    const other = await createInspection(world, { inspectingBody: body });
    const later = await measureAt(world, 'rectify', { inspection: other });
    await actOk(world, later, 'supervise', 'supervisor', { reason: '尽快整改' });
    const otherList = await call(world, 'GET', `/inspections/${other}/supervision-notices`, 'office');
    expect(otherList.body.map((notice: { number: number }) => notice.number)).toEqual([3]);
    const again = await call(world, 'GET', `/inspections/${ids.inspection}/supervision-notices`, 'office');
    expect(again.body.map((notice: { id: string; number: number }) => [notice.id, notice.number])).toEqual(
      first.body.map((notice: { id: string; number: number }) => [notice.id, notice.number]),
    );

    const docx = await call(world, 'GET', `/supervision-notices/${first.body[0].id}/notice.docx`, 'staff');
    expect(docx.status).toBe(200);
    const text = await documentText('notice.docx', docx.raw);
    expect(text).toContain(`〔${year}〕第1号`);
    expect(text).toContain(`${departmentName}、${leaderName}同志:`);
    const [table] = await docxTables(docx.raw);
    const field = (label: string) => table.rows.find((row) => row.cells[0] === label)?.cells[1];
    expect(field('督办事项')).toMatch(/项目监管不严\n措施\(1\)开展项目清查$/);
    expect(field('督办要求')).toBe('进度滞后,请加快推进');
    const reply = first.body[0].replyBy.split('-').map(Number);
    expect(field('反馈时限')).toBe(`请于${reply[0]}年${reply[1]}月${reply[2]}日前将办理情况书面反馈`);
    const print = await call(world, 'GET', `/supervision-notices/${first.body[0].id}/print`, 'leader');
    expect(print.status).toBe(200);
    expect(print.type).toMatch(/text\/html/);
    expect(print.raw.toString()).toContain(`〔${year}〕第1号`);

    expect((await call(world, 'GET', `/inspections/${ids.inspection}/supervision-notices`, 'outsider')).status).toBe(
      404,
    );
    expect((await call(world, 'GET', `/supervision-notices/${first.body[0].id}/notice.docx`, 'outsider')).status).toBe(
      404,
    );
  });
});
