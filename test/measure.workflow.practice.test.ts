/**
 * Offices' practice inside a measure's workflow, against a real Temporal dev server, worker and
 * PostgreSQL: a closed measure reopened while its workflow waits, then ending once the window has
 * passed; a 长期坚持 measure whose reports go to review, one missed and escalated; a cooperating
 * department's part reaching the lead's submission; 领办. Histories recorded for the replay test.
 */
import { DataSource } from 'typeorm';
import { snapshotQuery } from '@rectiflow/workflows/measure.contract';
import {
  addEvidence,
  auditRows,
  Cast,
  measureRow,
  startMeasure,
  startWorkflowWorld,
  WorkflowWorld,
} from './support/fixtures';
import { saveHistory } from './support/histories';
import { fastPolicy, waitFor } from './support/stack';
import { act, refusal, submitEvidence } from './support/workflow-actions';

let world: WorkflowWorld;
let dataSource: DataSource;
let cast: Cast;

beforeAll(async () => {
  world = await startWorkflowWorld('practice');
  ({ dataSource, cast } = world);
});

afterAll(async () => {
  await world?.stop();
});

const hours = (count: number) => new Date(Date.now() + count * 3_600_000);
const actions = async (measureId: string) =>
  (await auditRows(dataSource, measureId)).map((row: { action: string }) => row.action);

it('reopens a closed measure while its workflow waits, the history continuous; the workflow ends after the window', async () => {
  const policy = fastPolicy({ reopenableFor: 'PT6S' });
  const { measureId, handle } = await startMeasure(world, { dueAt: hours(48), policy });
  await act(handle, cast, 'assign', 'office', {});
  await submitEvidence(world, handle, measureId);
  await act(handle, cast, 'review', 'reviewer', { decision: 'approve' });
  await act(handle, cast, 'sign_off', 'leader', { decision: 'approve' });
  // An early look-back closes it before the look-back falls due.
  expect((await act(handle, cast, 'record_look_back', 'supervisor', { result: 'holds' })).stage).toBe('closed');
  expect(
    (await refusal(act(handle, cast, 'reopen', 'staff', { reason: '想改', dueAt: hours(24).toISOString() }))).type,
  ).toBe('FORBIDDEN');
  const reopened = await act(handle, cast, 'reopen', 'supervisor', {
    reason: '群众来信反映问题反弹',
    dueAt: hours(24).toISOString(),
  });
  expect(reopened).toMatchObject({ stage: 'rectify', round: 2 });
  expect(await measureRow(dataSource, measureId)).toMatchObject({ stage: 'rectify', round: 2, signed_off_at: null });
  await submitEvidence(world, handle, measureId);
  await act(handle, cast, 'review', 'reviewer', { decision: 'approve' });
  await act(handle, cast, 'sign_off', 'leader', { decision: 'approve' });
  await act(handle, cast, 'record_look_back', 'supervisor', { result: 'holds' });
  expect(await handle.result()).toMatchObject({ stage: 'closed', rounds: 2 });
  expect(await actions(measureId)).toEqual([
    'assign',
    'submit_evidence',
    'review',
    'sign_off',
    'record_look_back',
    'reopen',
    'submit_evidence',
    'review',
    'sign_off',
    'record_look_back',
  ]);
  await saveHistory(handle, 'reopen-after-close');
});

it('a 长期坚持 measure reports into review when the policy says so; a missed report escalates', async () => {
  const policy = fastPolicy({
    reportEvery: 'PT4S',
    remindBefore: [],
    escalateAfter: ['PT0S'],
    reviewOngoingReports: true,
  });
  const { measureId, handle } = await startMeasure(world, { kind: 'ongoing', dueAt: hours(48), policy });
  const assigned = await act(handle, cast, 'assign', 'office', {});
  const reported = await act(handle, cast, 'report_progress', 'staff', { summary: '第一期:召开调度会2次' });
  expect(reported.stage).toBe('review');
  const rejected = await act(handle, cast, 'review', 'reviewer', { decision: 'reject', reason: '数据不全' });
  expect(rejected).toMatchObject({ stage: 'rectify', round: 2 });
  await act(handle, cast, 'report_progress', 'staff', { summary: '第一期(补充):召开调度会2次,整改台账1份' });
  const approved = await act(handle, cast, 'review', 'reviewer', { decision: 'approve' });
  expect(approved.stage).toBe('rectify');
  expect(Date.parse(approved.dueAt)).toBe(Date.parse(assigned.dueAt) + 8_000);
  await waitFor(async () => (await actions(measureId)).includes('escalation'), 'the missed report to escalate', 30_000);
  expect((await handle.query(snapshotQuery)).state).toMatchObject({ stage: 'rectify', reportsFiled: 2 });
  await saveHistory(handle, 'ongoing-reviewed-reports');
  await handle.terminate('test finished');
});

it("a cooperating department's part reaches the lead's submission; a leader claims the measure", async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: hours(48) });
  await act(handle, cast, 'assign', 'office', { cooperatingDepartmentIds: [cast.otherDepartmentId] });
  const coopEvidence = await addEvidence(dataSource, measureId, cast.people.outsider.personId);
  await act(handle, cast, 'contribute', 'outsider', { summary: '已提供配合数据', evidenceIds: [coopEvidence] });
  expect(
    (await refusal(act(handle, cast, 'submit_evidence', 'outsider', { summary: 'x', evidenceIds: [coopEvidence] })))
      .type,
  ).toBe('FORBIDDEN');
  await act(handle, cast, 'claim', 'leader', { note: '亲自领办' });
  expect((await refusal(act(handle, cast, 'claim', 'groupHead', {}))).message).toMatch(/already claimed/);
  expect(await measureRow(dataSource, measureId)).toMatchObject({ claimed_by: cast.people.leader.personId });
  await submitEvidence(world, handle, measureId);
  const submitted = (await auditRows(dataSource, measureId)).find(
    (row: { action: string }) => row.action === 'submit_evidence',
  );
  expect(submitted.detail).toMatchObject({
    contributions: [{ departmentId: cast.otherDepartmentId, summary: '已提供配合数据', evidenceIds: [coopEvidence] }],
    missingContributions: [],
  });
  await saveHistory(handle, 'contribution-and-claim');
  await handle.terminate('test finished');
});

it('a 督办单 must be answered: unanswered it goes to the group head; answered, the supervisor sends it back or closes it', async () => {
  const policy = fastPolicy({ supervisionReplyWithin: 'PT3S' });
  const { measureId, handle } = await startMeasure(world, { dueAt: hours(48), policy });
  await act(handle, cast, 'assign', 'office', {});
  await act(handle, cast, 'supervise', 'supervisor', { reason: '进度滞后,请说明原因' });
  expect((await handle.query(snapshotQuery)).state.supervision).toMatchObject({ status: 'open' });
  await waitFor(async () => (await actions(measureId)).includes('supervision_overdue'), 'the overdue 督办单', 20_000);
  await act(handle, cast, 'answer_supervision', 'staff', { text: '已召开专题会研究,本月底前完成' });
  expect((await refusal(act(handle, cast, 'close_supervision', 'staff', { decision: 'close' }))).type).toBe(
    'FORBIDDEN',
  );
  const returned = await act(handle, cast, 'close_supervision', 'supervisor', {
    decision: 'return',
    reason: '未说明时间节点',
  });
  expect(returned.stage).toBe('rectify');
  expect((await handle.query(snapshotQuery)).state.supervision).toMatchObject({ status: 'open' });
  await act(handle, cast, 'answer_supervision', 'leader', { text: '9月15日前完成,责任人张三' });
  await act(handle, cast, 'close_supervision', 'supervisor', { decision: 'close' });
  expect((await handle.query(snapshotQuery)).state.supervision).toBeNull();
  expect(await measureRow(dataSource, measureId)).toMatchObject({ supervision: null });
  expect((await actions(measureId)).filter((action: string) => action.includes('supervis'))).toEqual([
    'supervise',
    'supervision_overdue',
    'answer_supervision',
    'close_supervision',
    'answer_supervision',
    'close_supervision',
  ]);
  await saveHistory(handle, 'supervision-notice-answered');
  await handle.terminate('test finished');
});
