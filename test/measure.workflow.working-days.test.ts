/**
 * Working days inside a measure's workflow, against a real Temporal dev server, worker and
 * PostgreSQL: a review limit of working days skips an office closure; a calendar change reaches the
 * running measure through the calendar_changed Update (audited) and moves its limit; and the history
 * recorded before the change replays unchanged after it (the calendar is in the history, not read
 * on replay). The history is kept for the replay test.
 */
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { calendarDay, calendarRange, isWorkingDay, resolveDuration, shiftDay } from '@rectiflow/domain';
import { CalendarRepository, readWorkingCalendar } from '@rectiflow/persistence';
import { calendarChangedUpdate, snapshotQuery } from '@rectiflow/workflows/measure.contract';
import { auditRows, Cast, measureRow, startMeasure, startWorkflowWorld, WorkflowWorld } from './support/fixtures';
import { saveHistory } from './support/histories';
import { env, fastPolicy } from './support/stack';
import { act, submitEvidence } from './support/workflow-actions';

let world: WorkflowWorld;
let dataSource: DataSource;
let cast: Cast;
let calendars: CalendarRepository;

beforeAll(async () => {
  world = await startWorkflowWorld('working-days');
  ({ dataSource, cast } = world);
  calendars = new CalendarRepository(dataSource);
});

afterAll(async () => {
  await world?.stop();
});

const today = () => calendarDay(new Date());
const current = () => {
  const { from, to } = calendarRange(new Date());
  return readWorkingCalendar(calendars, from, to);
};

/** The office closes on a day (as the administrator does through the API: the day and its change record). */
async function closeOn(day: string): Promise<void> {
  await dataSource.transaction(async (tx) => {
    await calendars.lockChanges(tx);
    await calendars.insertDay({ day, kind: 'closure', name: '测试停工' }, cast.people.office.personId, tx);
    await calendars.recordChange('add', { day, kind: 'closure', name: '测试停工' }, cast.people.office.personId, tx);
  });
}

/** The next working day after `day` on the calendar as it stands. */
async function nextWorkingDay(day: string): Promise<string> {
  const calendar = await current();
  let next = shiftDay(day, 1);
  while (!isWorkingDay(calendar, next)) next = shiftDay(next, 1);
  return next;
}

it('counts a working-day review limit past a closure, re-plans on a calendar change, and replays the old history', async () => {
  const firstClosure = await nextWorkingDay(today());
  await closeOn(firstClosure);
  const policy = fastPolicy({ reviewWithin: { workingDays: 2 }, remindBefore: [], escalateAfter: ['PT1H'] });
  const { measureId, handle } = await startMeasure(world, { dueAt: new Date(Date.now() + 86_400_000), policy });
  await act(handle, cast, 'assign', 'office', {});
  const submitted = await submitEvidence(world, handle, measureId);
  const submittedAt = new Date((await handle.query(snapshotQuery)).state.stageEnteredAt);
  const withClosure = resolveDuration(await current(), submittedAt, { workingDays: 2 });
  const calendarDays = new Date(submittedAt.getTime() + 2 * 86_400_000);
  expect(submitted.stageDueAt).toBe(withClosure.toISOString());
  // The limit is working days, not two calendar days, and the closure moved it on.
  expect(withClosure.getTime()).toBeGreaterThan(calendarDays.getTime());
  const history = await handle.fetchHistory();

  // The office closes one more day inside the limit: the running measure takes it, audited.
  await closeOn(await nextWorkingDay(firstClosure));
  const answer = await handle.executeUpdate(calendarChangedUpdate);
  expect(answer.changed).toBe(true);
  const moved = resolveDuration(await current(), submittedAt, { workingDays: 2 });
  expect(moved.getTime()).toBeGreaterThan(withClosure.getTime());
  expect((await handle.query(snapshotQuery)).state.stageDueAt).toBe(moved.toISOString());
  expect(new Date((await measureRow(dataSource, measureId)).stage_due_at).toISOString()).toBe(moved.toISOString());
  const trail = await auditRows(dataSource, measureId);
  expect(trail.find((row: { action: string }) => row.action === 'calendar_changed')?.detail).toMatchObject({
    stageDueAt: moved.toISOString(),
  });

  // The history from before the change replays cleanly against today's calendar.
  await Worker.runReplayHistory({ workflowBundle: { codePath: env().workflowBundle } }, history, measureId);
  await saveHistory(handle, 'working-days-review');
  await handle.terminate('test finished');
});

it('takes an action that came with the start while the working calendar is still being fetched', async () => {
  // Before, the handlers were set only after the calendar's activity: the SDK rejected an Update of
  // the first task with "No registered handler" (seen in CI as a flaky 交办 right after creation).
  const policy = fastPolicy({ reviewWithin: { workingDays: 2 }, remindBefore: [], escalateAfter: ['PT1H'] });
  const { handle, firstResult } = await startMeasure(world, {
    dueAt: new Date(Date.now() + 86_400_000),
    policy,
    withAction: { action: 'assign', who: 'office', input: {} },
  });
  expect(firstResult).toMatchObject({ action: 'assign', stage: 'rectify', seq: 1 });
  const { state } = await handle.query(snapshotQuery);
  expect(state.calendar?.version).toEqual((await current()).version);
  await saveHistory(handle, 'working-days-action-with-start');
  await handle.terminate('test finished');
});

it("re-plans an open 督办单's working-day reply deadline on a calendar change, from when its reply period began", async () => {
  const policy = fastPolicy({
    supervisionReplyWithin: { workingDays: 2 },
    reviewWithin: { workingDays: 2 },
    remindBefore: [],
    escalateAfter: ['PT1H'],
  });
  const { handle } = await startMeasure(world, { dueAt: new Date(Date.now() + 86_400_000), policy });
  await act(handle, cast, 'assign', 'office', {});
  await act(handle, cast, 'supervise', 'supervisor', { reason: '进度滞后' });
  const issued = (await handle.query(snapshotQuery)).state.supervision!;
  expect(issued.replyDueAt).toBe(
    resolveDuration(await current(), new Date(issued.replyFrom!), { workingDays: 2 }).toISOString(),
  );

  await closeOn(await nextWorkingDay(today()));
  expect((await handle.executeUpdate(calendarChangedUpdate)).changed).toBe(true);
  const replanned = (await handle.query(snapshotQuery)).state.supervision!;
  const expected = resolveDuration(await current(), new Date(issued.replyFrom!), { workingDays: 2 });
  expect(expected.getTime()).toBeGreaterThan(new Date(issued.replyDueAt).getTime());
  expect(replanned.replyDueAt).toBe(expected.toISOString());
  await saveHistory(handle, 'working-days-supervision-replan');
  await handle.terminate('test finished');
});
