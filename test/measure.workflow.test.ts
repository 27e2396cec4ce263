/**
 * The measure workflow against a real Temporal dev server, a real worker and real PostgreSQL,
 * with the timer policy compressed to seconds.
 */
import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { ActionName } from '@rectiflow/domain';
import { ActionResult, actionUpdates, snapshotQuery } from '@rectiflow/workflows/measure.contract';
import {
  actor,
  addEvidence,
  auditRows,
  Cast,
  measureRow,
  startMeasure,
  startWorkflowWorld,
  Who,
  WorkflowWorld,
} from './support/fixtures';
import { saveHistory } from './support/histories';
import { act as sendAction, refusal, submitEvidence } from './support/workflow-actions';
import { fastPolicy, waitFor } from './support/stack';

let world: WorkflowWorld;
let dataSource: DataSource;
let cast: Cast;

beforeAll(async () => {
  world = await startWorkflowWorld('workflow');
  ({ dataSource, cast } = world);
});

afterAll(async () => {
  await world?.stop();
});

const hours = (count: number) => new Date(Date.now() + count * 3_600_000);

function act<A extends ActionName>(
  handle: WorkflowHandle,
  action: A,
  who: Who,
  input: unknown,
  idempotencyKey?: string,
): Promise<ActionResult> {
  return sendAction(handle, cast, action, who, input, idempotencyKey);
}

const submit = (handle: WorkflowHandle, measureId: string, who: Who = 'staff') =>
  submitEvidence(world, handle, measureId, who);

it('runs the happy path to closed and projects every step into the read model and the audit trail', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: hours(48) });
  expect((await act(handle, 'assign', 'office', {})).stage).toBe('rectify');
  expect((await submit(handle, measureId)).stage).toBe('review');
  expect((await act(handle, 'review', 'reviewer', { decision: 'approve' })).stage).toBe('signoff');
  expect((await act(handle, 'sign_off', 'leader', { decision: 'approve' })).stage).toBe('lookback');
  await waitFor(async () => (await measureRow(dataSource, measureId)).look_back_due, 'the look-back to fall due');
  expect((await act(handle, 'record_look_back', 'supervisor', { result: 'holds', note: '未反弹' })).stage).toBe(
    'closed',
  );
  const outcome = await handle.result();
  expect(outcome).toMatchObject({ measureId, stage: 'closed', rounds: 1 });

  const rows = await auditRows(dataSource, measureId);
  expect(
    rows.map(
      (row: { action: string; fromStage: string; toStage: string }) => `${row.action}:${row.fromStage}>${row.toStage}`,
    ),
  ).toEqual([
    'assign:assign>rectify',
    'submit_evidence:rectify>review',
    'review:review>signoff',
    'sign_off:signoff>lookback',
    'look_back_due:lookback>lookback',
    'record_look_back:lookback>closed',
  ]);
  expect(rows.map((row: { seq: number }) => row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(rows[1]).toMatchObject({ kind: 'action', actorId: cast.people.staff.personId, round: 1 });
  expect(rows[4]).toMatchObject({ kind: 'timer', actorId: null });
  const row = await measureRow(dataSource, measureId);
  expect(row).toMatchObject({
    stage: 'closed',
    round: 1,
    last_seq: 6,
    look_back_due: true,
    latest_progress: '已修订制度并印发',
  });
  expect(row.closed_at).not.toBeNull();
  expect(row.signed_off_at).not.toBeNull();
  await saveHistory(handle, 'happy-path');
});

it('sends rejected evidence back to rectify, increases the round, and accepts the resubmission', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: hours(48) });
  await act(handle, 'assign', 'office', {});
  await submit(handle, measureId);
  const rejected = await act(handle, 'review', 'reviewer', { decision: 'reject', reason: '佐证材料不完整' });
  expect(rejected).toMatchObject({ stage: 'rectify', round: 2 });
  await submit(handle, measureId);
  expect(await act(handle, 'review', 'reviewer2', { decision: 'approve' })).toMatchObject({
    stage: 'signoff',
    round: 2,
  });
  const returned = await act(handle, 'sign_off', 'groupHead', { decision: 'return', reason: '整改不到位' });
  expect(returned).toMatchObject({ stage: 'rectify', round: 3 });
  const rows = await auditRows(dataSource, measureId);
  expect(rows.find((row: { action: string }) => row.action === 'review').detail).toEqual({
    decision: 'reject',
    reason: '佐证材料不完整',
  });
  expect((await measureRow(dataSource, measureId)).round).toBe(3);
  await saveHistory(handle, 'reject-and-resubmit');
  await handle.terminate('test finished');
});

it('escalates an overdue measure through every step of the ladder', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: new Date(Date.now() + 2_500) });
  await act(handle, 'assign', 'office', {});
  const rows = await waitFor(
    async () => {
      const found = (await auditRows(dataSource, measureId)).filter(
        (row: { action: string }) => row.action === 'escalation',
      );
      return found.length === 4 ? found : null;
    },
    'four escalations',
    20_000,
  );
  expect(
    rows.map((row: { detail: { level: number; audience: string } }) => [row.detail.level, row.detail.audience]),
  ).toEqual([
    [1, 'owner'],
    [2, 'responsible_leader'],
    [3, 'group_head'],
    [4, 'supervisor'],
  ]);
  const reminders = (await auditRows(dataSource, measureId)).filter(
    (row: { action: string }) => row.action === 'reminder',
  );
  expect(reminders.map((row: { detail: { offset: string } }) => row.detail.offset)).toEqual(['PT2S', 'PT1S']);
  const [measure] = await dataSource.query(
    `SELECT escalation_level, CASE WHEN now() > stage_due_at THEN 'red' ELSE 'not red' END AS colour FROM measure WHERE id = $1`,
    [measureId],
  );
  expect(measure).toEqual({ escalation_level: 4, colour: 'red' });
  await saveHistory(handle, 'escalation-ladder');
  await handle.terminate('test finished');
});

it('moves the pending timers when an extension is approved', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: new Date(Date.now() + 3_000) });
  await act(handle, 'assign', 'office', {});
  const newDue = new Date(Date.now() + 6_000).toISOString();
  await act(handle, 'request_extension', 'staff', { requestedDueAt: newDue, reason: '需等待审批' });
  const approved = await act(handle, 'decide_extension', 'leader', { approve: true });
  expect(approved.dueAt).toBe(newDue);
  const firstEscalation = await waitFor(
    async () => (await auditRows(dataSource, measureId)).find((row: { action: string }) => row.action === 'escalation'),
    'the first escalation',
    20_000,
  );
  expect(firstEscalation.detail.scheduledAt).toBe(newDue);
  expect(firstEscalation.detail.stageDueAt).toBe(newDue);
  expect(new Date((await measureRow(dataSource, measureId)).due_at).toISOString()).toBe(newDue);
  await handle.terminate('test finished');
});

it('reopens a measure whose look-back finds the problem has come back', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: hours(48) });
  await act(handle, 'assign', 'office', {});
  await submit(handle, measureId);
  await act(handle, 'review', 'reviewer', { decision: 'approve' });
  await act(handle, 'sign_off', 'leader', { decision: 'approve' });
  // Before the look-back falls due, the supervisor may still supervise (督办) the signed-off measure.
  expect((await act(handle, 'supervise', 'supervisor', { reason: '群众反映' })).stage).toBe('lookback');
  await waitFor(async () => (await measureRow(dataSource, measureId)).look_back_due, 'the look-back to fall due');
  const reopened = await act(handle, 'record_look_back', 'supervisor', {
    result: 'rebound',
    note: '问题出现反弹',
    newDueAt: hours(24).toISOString(),
  });
  expect(reopened).toMatchObject({ stage: 'rectify', round: 2 });
  const row = await measureRow(dataSource, measureId);
  expect(row).toMatchObject({ stage: 'rectify', round: 2, look_back_due: false });
  await saveHistory(handle, 'look-back-rebound');
  await handle.terminate('test finished');
});

it('loops a 长期坚持 measure on periodic progress reports until the office concludes it', async () => {
  const policy = fastPolicy({ reportEvery: 'PT3S', remindBefore: [], escalateAfter: ['PT0S'] });
  const firstDue = new Date(Date.now() + 2_000);
  const { measureId, handle } = await startMeasure(world, { kind: 'ongoing', dueAt: firstDue, policy });
  // The plan's date is no deadline for 长期坚持: the first report falls due reportEvery after 交办.
  const assigned = await act(handle, 'assign', 'office', {});
  const reportDue = Date.parse(assigned.dueAt);
  expect(reportDue).toBeGreaterThan(firstDue.getTime());
  expect((await refusal(act(handle, 'conclude', 'office', { note: '第一天就结束' }))).type).toBe('STAGE_CONFLICT');
  expect((await refusal(act(handle, 'submit_evidence', 'staff', { summary: 'x', evidenceIds: ['e'] }))).type).toBe(
    'STAGE_CONFLICT',
  );
  const first = await act(handle, 'report_progress', 'staff', { summary: '一季度召开调度会3次' });
  expect(first.dueAt).toBe(new Date(reportDue + 3_000).toISOString());
  const second = await act(handle, 'report_progress', 'staff', { summary: '二季度召开调度会2次' });
  expect(second.dueAt).toBe(new Date(reportDue + 6_000).toISOString());
  // The third report is missed: the period's due date passes and escalates.
  await waitFor(
    async () => (await auditRows(dataSource, measureId)).some((row: { action: string }) => row.action === 'escalation'),
    'a missed report to escalate',
    20_000,
  );
  const snapshot = await handle.query(snapshotQuery);
  expect(snapshot.state).toMatchObject({ stage: 'rectify', reportsFiled: 2, latestProgress: '二季度召开调度会2次' });
  // 结束 goes through the responsible leader's 销号, then the look-back, like any completion.
  expect((await act(handle, 'conclude', 'office', { note: '转入常态化管理' })).stage).toBe('signoff');
  expect((await act(handle, 'sign_off', 'leader', { decision: 'approve' })).stage).toBe('lookback');
  expect((await act(handle, 'record_look_back', 'supervisor', { result: 'holds' })).stage).toBe('closed');
  expect(await handle.result()).toMatchObject({ stage: 'closed' });
  await saveHistory(handle, 'ongoing-periodic');
});

it('refuses an action that the stage or the role does not allow, and changes nothing', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: hours(48) });
  await act(handle, 'assign', 'office', {});
  const before = await handle.query(snapshotQuery);
  const rowsBefore = await auditRows(dataSource, measureId);

  const wrongStage = await refusal(act(handle, 'review', 'reviewer', { decision: 'approve' }));
  expect(wrongStage.type).toBe('STAGE_CONFLICT');
  expect(wrongStage.message).toBe(
    'action "review" is not allowed in stage 整改 (rectify); allowed now: submit_evidence, request_extension, supervise, claim, urge, reassign, change_deadline, edit_text, void',
  );
  const wrongRole = await refusal(act(handle, 'submit_evidence', 'outsider', { summary: 'x', evidenceIds: ['e'] }));
  expect(wrongRole.type).toBe('FORBIDDEN');
  expect(wrongRole.message).toMatch(/needs the role staff/);
  const badInput = await refusal(act(handle, 'submit_evidence', 'staff', { summary: '', evidenceIds: [] }));
  expect(badInput).toEqual({ type: 'INVALID_INPUT', message: 'summary is required' });

  // Self-review: staff2 is in the lead department and is also a reviewer of this inspection.
  await submit(handle, measureId, 'staff2');
  const selfReview = await refusal(act(handle, 'review', 'staff2', { decision: 'approve' }));
  expect(selfReview).toMatchObject({ type: 'FORBIDDEN', message: expect.stringMatching(/submitted this evidence/) });

  const after = await handle.query(snapshotQuery);
  expect(after.seq).toBe(before.seq + 1);
  expect(await auditRows(dataSource, measureId)).toHaveLength(rowsBefore.length + 1);
  await handle.terminate('test finished');
});

it('acts once for a repeated idempotency key and answers with the first result', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: hours(48) });
  const first = await act(handle, 'assign', 'office', {}, 'assign-once');
  const again = await act(handle, 'assign', 'office', {}, 'assign-once');
  expect(again).toEqual({ ...first });
  // The same key delivered as a different Temporal update (the workflow's own memory answers).
  const repeated = await handle.executeUpdate(actionUpdates.assign, {
    args: [{ actor: actor(cast, 'office'), input: {}, idempotencyKey: 'assign-once' }],
  });
  expect(repeated).toEqual({ ...first, duplicate: true });
  // Two concurrent requests with one key: one transition.
  const evidenceId = await addEvidence(dataSource, measureId, cast.people.staff.personId);
  const input = { summary: '完成', evidenceIds: [evidenceId] };
  const [a, b] = await Promise.all([
    act(handle, 'submit_evidence', 'staff', input, 'submit-once'),
    act(handle, 'submit_evidence', 'staff', input, 'submit-once'),
  ]);
  expect(a.seq).toBe(b.seq);
  const rows = await auditRows(dataSource, measureId);
  expect(rows.map((row: { action: string }) => row.action)).toEqual(['assign', 'submit_evidence']);
  await handle.terminate('test finished');
});

it('lets exactly one of two conflicting concurrent reviews win', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: hours(48) });
  await act(handle, 'assign', 'office', {});
  await submit(handle, measureId);
  const results = await Promise.allSettled([
    act(handle, 'review', 'reviewer', { decision: 'approve' }),
    act(handle, 'review', 'reviewer2', { decision: 'reject', reason: '不同意' }),
  ]);
  expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  const loser = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
  expect(((loser.reason as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('STAGE_CONFLICT');
  expect(
    (await auditRows(dataSource, measureId)).filter((row: { action: string }) => row.action === 'review'),
  ).toHaveLength(1);
  await handle.terminate('test finished');
});
