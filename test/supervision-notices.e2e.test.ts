/**
 * The 督办单 through the HTTP API against real PostgreSQL, Temporal and a worker, in compressed time:
 * issued (supervise), overdue and escalated to the group head when not answered, answered with text
 * and an evidence file, sent back and closed by the supervisor — the list's status at each step, the
 * figures that count it; and the 整改报告's 报送 with its reminders and overdue notice from the
 * worker's sweep (REPORT_SWEEP_MS short, policy durations in seconds).
 */
import { chinaDay } from '@rectiflow/documents';
import { fastPolicy, waitFor } from './support/stack';
import {
  actOk,
  buildWorld,
  call,
  createInspection,
  measureAt,
  startStack,
  uploadEvidence,
  World,
} from './support/world';

// Read by the in-process worker when it boots: sweep the reports twice a second.
process.env.REPORT_SWEEP_MS = '400';

type People = 'office' | 'leader' | 'staff' | 'supervisor' | 'head';
let world: World<People, 'department'>;
const tag = Date.now().toString(36);

beforeAll(async () => {
  world = await buildWorld(await startStack('supervision-notices'), {
    departments: { department: `督办部门-${tag}` },
    people: {
      office: { name: `整改办-${tag}`, roles: 'office' },
      leader: `责任领导-${tag}`,
      staff: { name: `督办经办-${tag}`, department: 'department' },
      supervisor: { name: `督查组-${tag}`, roles: 'supervisor' },
      head: { name: `组长-${tag}`, roles: 'group_head' },
    },
  });
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

interface Notice {
  id: string;
  measureId: string;
  status: string;
  replyBy: string;
  replyDueAt: string;
  answeredAt: string | null;
  answer: string | null;
}

async function notice(inspection: string, measure: string): Promise<Notice> {
  const list = await call(world, 'GET', `/inspections/${inspection}/supervision-notices`, 'supervisor');
  expect(list.status).toBe(200);
  return (list.body as Notice[]).find((item) => item.measureId === measure)!;
}

interface Item {
  kind: string;
  measureId: string | null;
  inspectionId: string | null;
  title: string;
}

async function inbox(who: People): Promise<Item[]> {
  return (await call(world, 'GET', '/notifications', who)).body.items;
}

it('is issued, escalated to the group head when unanswered, answered with evidence, sent back and closed', async () => {
  const inspection = await createInspection(world, { policy: fastPolicy({ supervisionReplyWithin: 'PT3S' }) });
  const measure = await measureAt(world, 'rectify', { inspection, text: `督办的措施-${tag}` });
  await actOk(world, measure, 'supervise', 'supervisor', { reason: '进度滞后,请说明' });

  const issued = await notice(inspection, measure);
  const readModel = (await call(world, 'GET', `/measures/${measure}`, 'supervisor')).body.supervision;
  expect(issued).toMatchObject({ status: 'open', answeredAt: null, replyDueAt: readModel.replyDueAt });
  expect(issued.replyBy).toBe(chinaDay(new Date(readModel.replyDueAt)));
  const dashboard = async () =>
    (await call(world, 'GET', `/inspections/${inspection}/dashboard`, 'office')).body.totals;
  expect(await dashboard()).toMatchObject({ supervisionIssued: 1, supervisionOpen: 1 });

  // Unanswered past its deadline: the group head hears of it, once.
  await waitFor(
    async () => (await inbox('head')).some((item) => item.kind === 'supervision_overdue' && item.measureId === measure),
    'the overdue 督办单 at the group head',
    20_000,
  );
  expect((await notice(inspection, measure)).status).toBe('open');

  const file = await uploadEvidence(world, measure, 'staff', '督办回复材料.pdf');
  expect(file.status).toBe(201);
  await actOk(world, measure, 'answer_supervision', 'staff', {
    text: '已召开专题会研究,本月底前完成',
    evidenceIds: [file.body.id],
  });
  const answered = await notice(inspection, measure);
  expect(answered).toMatchObject({ status: 'answered', answer: '已召开专题会研究,本月底前完成' });
  expect(answered.answeredAt).not.toBeNull();
  // Named by the answer, the file is evidence the report lists.
  const report = await call(world, 'GET', `/inspections/${inspection}/report/preview`, 'office');
  const reported = report.body.problems.flatMap((problem: { measures: { evidence: string[] }[] }) => problem.measures);
  expect(reported.flatMap((item: { evidence: string[] }) => item.evidence)).toContain('督办回复材料.pdf');

  await actOk(world, measure, 'close_supervision', 'supervisor', { decision: 'return', reason: '说明不具体' });
  const returned = await notice(inspection, measure);
  expect(returned.status).toBe('returned');
  expect(Date.parse(returned.replyDueAt)).toBeGreaterThan(Date.parse(issued.replyDueAt));

  await actOk(world, measure, 'answer_supervision', 'leader', { text: '9月15日前完成,责任人张三' });
  expect((await notice(inspection, measure)).status).toBe('answered');
  await actOk(world, measure, 'close_supervision', 'supervisor', { decision: 'close' });
  const closed = await notice(inspection, measure);
  // Closed, the measure row forgets the notice; the paper keeps the workflow's last deadline.
  expect(closed).toMatchObject({
    status: 'closed',
    answer: '9月15日前完成,责任人张三',
    replyDueAt: returned.replyDueAt,
  });
  expect((await call(world, 'GET', `/measures/${measure}`, 'supervisor')).body.supervision).toBeNull();
  expect(await dashboard()).toMatchObject({ supervisionIssued: 1, supervisionOpen: 0 });

  const draft = await call(world, 'POST', `/inspections/${inspection}/notice`, 'office');
  await call(world, 'PUT', `/notices/${draft.body.id}`, 'office', {
    part1: { title: '工作推进', paragraphs: ['下发督办单{supervisionNotices}份。'] },
  });
  const preview = await call(world, 'GET', `/notices/${draft.body.id}/preview`, 'office');
  expect(preview.body.part1.paragraphs).toEqual(['下发督办单1份。']);

  const overdue = (await inbox('head')).filter(
    (item) => item.kind === 'supervision_overdue' && item.measureId === measure,
  );
  // Once for the first deadline; the one set on the send-back passed unanswered too only if slow.
  expect(overdue.length).toBeGreaterThanOrEqual(1);
});

/** Seconds from the start of today (China time) until `ahead` seconds from now. */
function secondsUntil(ahead: number): number {
  const start = Date.parse(`${chinaDay(new Date())}T00:00:00+08:00`);
  return Math.ceil((Date.now() - start) / 1000) + ahead;
}

it('reminds the office of the 整改报告 before its due date and tells the office and group head once it is overdue', async () => {
  const inspection = await createInspection(world, {
    feedbackOn: chinaDay(new Date()),
    policy: fastPolicy({ reportWithin: `PT${secondsUntil(6)}S`, remindBefore: ['PT4S'] }),
  });
  const draft = (await call(world, 'GET', `/inspections/${inspection}/report`, 'office')).body;
  expect(draft.submittedVersion).toBeNull();
  const dueAt = Date.parse(draft.dueAt);
  expect(dueAt).toBeGreaterThan(Date.now());
  const ofReport = async (who: People, kind: string) =>
    (await inbox(who)).filter((item) => item.kind === kind && item.inspectionId === inspection);

  await waitFor(async () => (await ofReport('office', 'report_reminder')).length > 0, 'the reminder', 15_000);
  expect(Date.now()).toBeLessThan(dueAt + 1000);
  expect(await ofReport('head', 'report_reminder')).toEqual([]);
  await waitFor(async () => (await ofReport('head', 'report_overdue')).length > 0, 'the overdue notice', 15_000);
  // Several sweeps later, still once each.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await ofReport('office', 'report_reminder')).toHaveLength(1);
  expect(await ofReport('office', 'report_overdue')).toHaveLength(1);
  expect(await ofReport('head', 'report_overdue')).toHaveLength(1);
  expect((await ofReport('office', 'report_overdue'))[0].title).toMatch(/^【整改报告逾期】/);
});

it('stops once a version is 报送, marked by the office with who and when', async () => {
  const inspection = await createInspection(world, {
    feedbackOn: chinaDay(new Date()),
    policy: fastPolicy({ reportWithin: `PT${secondsUntil(4)}S`, remindBefore: ['PT2S'] }),
  });
  expect((await call(world, 'POST', `/inspections/${inspection}/report/versions`, 'office')).status).toBe(201);
  expect((await call(world, 'POST', `/inspections/${inspection}/report/versions/1/submit`, 'head')).status).toBe(403);
  const missing = await call(world, 'POST', `/inspections/${inspection}/report/versions/2/submit`, 'office');
  expect({ status: missing.status, reason: missing.body.reason }).toEqual({
    status: 404,
    reason: { code: 'NOT_FOUND', params: { entity: 'reportVersion' } },
  });
  for (const bad of ['0', 'abc', '1.5'])
    expect(
      (await call(world, 'POST', `/inspections/${inspection}/report/versions/${bad}/submit`, 'office')).body,
    ).toMatchObject({
      statusCode: 400,
      reason: { code: 'FIELD_INVALID', params: { field: 'version' } },
    });
  const submitted = await call(world, 'POST', `/inspections/${inspection}/report/versions/1/submit`, 'office');
  expect(submitted.status).toBe(200);
  expect(submitted.body).toMatchObject({
    version: 1,
    submittedById: world.people.office,
    submittedBy: `整改办-${tag}`,
  });
  const again = await call(world, 'POST', `/inspections/${inspection}/report/versions/1/submit`, 'office');
  expect(again.body.submittedAt).toBe(submitted.body.submittedAt);
  expect((await call(world, 'GET', `/inspections/${inspection}/report`, 'office')).body.submittedVersion).toBe(1);

  await new Promise((resolve) => setTimeout(resolve, 6000));
  const reportNotices = (await inbox('office')).filter(
    (item) => item.inspectionId === inspection && item.kind.startsWith('report_'),
  );
  expect(reportNotices).toEqual([]);
});
