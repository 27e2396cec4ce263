/**
 * Input that must never freeze a measure, against a real Temporal dev server, worker and PostgreSQL:
 * text the database cannot store is refused before the Update is accepted; an accepted action the
 * database refuses anyway fails the Update at once and is undone; a reused key with another request
 * is refused; and the submitter of the evidence cannot 销号 it.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { snapshotQuery } from '@rectiflow/workflows/measure.contract';
import { auditRows, Cast, measureRow, startMeasure, startWorkflowWorld, WorkflowWorld } from './support/fixtures';
import { saveHistory } from './support/histories';
import { act, refusal, submitEvidence } from './support/workflow-actions';

let world: WorkflowWorld;
let dataSource: DataSource;
let cast: Cast;

beforeAll(async () => {
  world = await startWorkflowWorld('hardening');
  ({ dataSource, cast } = world);
});

afterAll(async () => {
  await world?.stop();
});

const later = () => new Date(Date.now() + 48 * 3_600_000);

it('refuses a NUL, a control character or a lone surrogate in any text before accepting the Update', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: later() });
  await act(handle, cast, 'assign', 'office', {});
  const nul = await refusal(
    act(handle, cast, 'request_extension', 'staff', { requestedDueAt: '2099-01-01T00:00:00Z', reason: 'a\u0000b' }),
  );
  expect(nul).toEqual({ type: 'INVALID_INPUT', message: 'reason contains the control character U+0000 at position 2' });
  const surrogate = await refusal(act(handle, cast, 'supervise', 'supervisor', { reason: '进度\ud800滞后' }));
  expect(surrogate.message).toMatch(/reason contains a lone UTF-16 surrogate U\+D800/);
  // The measure still answers: the next valid action is seq 2, right after the assignment.
  const extension = await act(handle, cast, 'request_extension', 'staff', {
    requestedDueAt: '2099-01-01T00:00:00Z',
    reason: '审批未完成',
  });
  expect(extension.seq).toBe(2);
  expect((await auditRows(dataSource, measureId)).map((row: { seq: number }) => row.seq)).toEqual([1, 2]);
  await handle.terminate('test finished');
});

it('an accepted action the database refuses fails at once, is undone, and the measure goes on', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: later() });
  // A department id that exists nowhere passes the workflow's checks (the API checks it; this goes round the API).
  const rejected = await refusal(act(handle, cast, 'assign', 'office', { leadDepartmentId: randomUUID() }));
  expect(rejected.type).toBe('INVALID_INPUT');
  expect(rejected.message).toMatch(/^the action was not recorded: the database refused it \(23503/);
  const snapshot = await handle.query(snapshotQuery);
  expect(snapshot).toMatchObject({
    seq: 0,
    state: { stage: 'assign', participants: { leadDepartmentId: cast.leadDepartmentId } },
  });
  expect(await auditRows(dataSource, measureId)).toHaveLength(0);
  expect(await measureRow(dataSource, measureId)).toMatchObject({ stage: 'assign', last_seq: 0 });
  // The same key now works with a valid request (nothing was remembered for it), as seq 1.
  expect(await act(handle, cast, 'assign', 'office', {})).toMatchObject({ stage: 'rectify', seq: 1 });
  await saveHistory(handle, 'projection-rejected-undone');
  await handle.terminate('test finished');
});

it('refuses a repeated idempotency key carrying a different request', async () => {
  const { handle } = await startMeasure(world, { dueAt: later() });
  const first = await act(handle, cast, 'assign', 'office', {}, 'same-key', 'hash-a');
  expect(await act(handle, cast, 'assign', 'office', {}, 'same-key', 'hash-a')).toEqual(first);
  const conflict = await refusal(
    act(handle, cast, 'assign', 'office', { dueAt: '2099-01-01T00:00:00Z' }, 'same-key', 'hash-b'),
  );
  expect(conflict).toEqual({
    type: 'IDEMPOTENCY_CONFLICT',
    message: 'idempotency key "same-key" was already used for a different request ("assign") on this measure',
  });
  expect((await handle.query(snapshotQuery)).seq).toBe(1);
  await handle.terminate('test finished');
});

it('the submitter of the evidence may not sign it off; another leader may', async () => {
  const { measureId, handle } = await startMeasure(world, { dueAt: later(), responsibleLeader: 'staff' });
  await act(handle, cast, 'assign', 'office', {});
  await submitEvidence(world, handle, measureId, 'staff', '已整改');
  await act(handle, cast, 'review', 'reviewer', { decision: 'approve' });
  const own = await refusal(act(handle, cast, 'sign_off', 'staff', { decision: 'approve' }));
  expect(own).toMatchObject({
    type: 'FORBIDDEN',
    message: expect.stringMatching(/submitted this round's evidence and may not sign it off/),
  });
  expect(await act(handle, cast, 'sign_off', 'groupHead', { decision: 'approve' })).toMatchObject({
    stage: 'lookback',
  });
  await saveHistory(handle, 'submitter-sign-off-refused');
  await handle.terminate('test finished');
});
