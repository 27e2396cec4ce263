/**
 * The plan's upkeep inside a measure's workflow, against a real Temporal dev server, worker and
 * PostgreSQL: 交办 with content, 调整责任, 调整时限 re-planning the timers of 整改, 修改措施, and
 * 作废 ending the workflow as voided. The history is recorded for the replay test (new behaviour).
 */
import { DataSource } from 'typeorm';
import { snapshotQuery } from '@rectiflow/workflows/measure.contract';
import { auditRows, Cast, measureRow, startMeasure, startWorkflowWorld, WorkflowWorld } from './support/fixtures';
import { saveHistory } from './support/histories';
import { fastPolicy, waitFor } from './support/stack';
import { act, refusal } from './support/workflow-actions';

let world: WorkflowWorld;
let dataSource: DataSource;
let cast: Cast;

beforeAll(async () => {
  // Reminders a few seconds before a deadline, so a moved deadline shows in the timers it fires.
  world = await startWorkflowWorld('plan', fastPolicy({ remindBefore: ['PT4S'], escalateAfter: ['PT1H'] }));
  ({ dataSource, cast } = world);
});

afterAll(async () => {
  await world?.stop();
});

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

it('hands out with content, moves owners and deadline, edits the text, and ends voided', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: new Date(Date.now() + 86_400_000) });
  const staff2 = cast.people.staff2;
  await act(handle, cast, 'assign', 'office', { instructions: '每周报送一次进展', dueAt: inSeconds(600) });
  expect(await measureRow(dataSource, measureId)).toMatchObject({ instructions: '每周报送一次进展' });

  await act(handle, cast, 'reassign', 'office', {
    leadDepartmentId: cast.otherDepartmentId,
    assigneeId: staff2.personId,
    reason: '职能调整',
  });
  const moved = await measureRow(dataSource, measureId);
  expect(moved).toMatchObject({ lead_department_id: cast.otherDepartmentId, assignee_id: staff2.personId });

  // The deadline moves to 6 s from now: the 4 s reminder of the new deadline fires, the old one's never.
  const original = moved.original_due_at;
  const due = inSeconds(6);
  await act(handle, cast, 'change_deadline', 'office', {
    dueAt: due,
    reason: '提前完成',
    approvedById: cast.people.leader.personId,
  });
  await waitFor(
    async () => (await auditRows(dataSource, measureId)).some((row: { action: string }) => row.action === 'reminder'),
    'the reminder of the new deadline',
  );
  const reminder = (await auditRows(dataSource, measureId)).find(
    (row: { action: string }) => row.action === 'reminder',
  );
  expect(reminder.detail.stageDueAt).toBe(new Date(due).toISOString());
  expect((await measureRow(dataSource, measureId)).original_due_at).toEqual(original);

  await act(handle, cast, 'edit_text', 'office', { text: '修订后的整改措施' });
  expect((await measureRow(dataSource, measureId)).text).toBe('修订后的整改措施');

  const refused = await refusal(act(handle, cast, 'void', 'staff2', { reason: '不想做了' }));
  expect(refused.type).toBe('FORBIDDEN');
  await act(handle, cast, 'void', 'office', { reason: '并入其他措施' });
  expect(await handle.result()).toMatchObject({ stage: 'voided' });
  expect(await measureRow(dataSource, measureId)).toMatchObject({ stage: 'voided' });
  expect((await handle.query(snapshotQuery)).state.stage).toBe('voided');
  expect((await auditRows(dataSource, measureId)).map((row: { action: string }) => row.action)).toEqual([
    'assign',
    'reassign',
    'change_deadline',
    'reminder',
    'edit_text',
    'void',
  ]);
  await saveHistory(handle, 'plan-upkeep-voided');
});

it('a 立行立改 measure created without a date is due immediateWithin after 交办', async () => {
  const policy = { ...cast.policy, immediateWithin: 'P3D' };
  const { handle } = await startMeasure(world, {
    kind: 'immediate',
    dueAt: new Date('2099-01-01'),
    policy,
    dueOnAssign: true,
  });
  const before = Date.now();
  const assigned = await act(handle, cast, 'assign', 'office', {});
  const due = Date.parse(assigned.dueAt);
  expect(due).toBeGreaterThanOrEqual(before + 3 * 86_400_000 - 1000);
  expect(due).toBeLessThanOrEqual(Date.now() + 3 * 86_400_000 + 1000);
  await handle.terminate('test finished');
});
