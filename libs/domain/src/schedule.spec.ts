import { addDuration, parseDuration } from './duration';
import { initialState } from './initial-state';
import { MeasureState } from './measure-state';
import { DEFAULT_POLICY, resolvePolicy } from './policy';
import { applyTimer, colourOf, planTimers, stageSchedule } from './schedule';

const entered = new Date('2025-03-01T00:00:00Z');

function rectifying(dueAt: string, overrides: Partial<MeasureState> = {}): MeasureState {
  const base = initialState(
    {
      measureId: 'm',
      inspectionId: 'i',
      kind: 'deadline',
      policy: DEFAULT_POLICY,
      participants: { leadDepartmentId: 'd', cooperatingDepartmentIds: [], responsibleLeaderId: 'l' },
      dueAt,
    },
    entered,
  );
  return { ...base, stage: 'rectify', stageDueAt: dueAt, ...overrides };
}

describe('durations', () => {
  it('parses ISO-8601 durations', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
    });
    expect(() => parseDuration('7 days')).toThrow(/not an ISO-8601 duration/);
    expect(() => parseDuration('P')).toThrow();
    expect(() => parseDuration('PT')).toThrow();
  });

  it('adds months on the calendar, clamping to the end of the month', () => {
    expect(addDuration(new Date('2025-01-31T00:00:00Z'), 'P1M').toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(addDuration(new Date('2025-03-10T00:00:00Z'), 'P7D', -1).toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(addDuration(new Date('2025-03-10T00:00:00Z'), 'PT1.5S').toISOString()).toBe('2025-03-10T00:00:01.500Z');
  });
});

describe('policy', () => {
  it('fills defaults and names every invalid field', () => {
    expect(resolvePolicy({ reviewWithin: 'PT30S' }).policy.lookBackAfter).toBe('P90D');
    const { errors } = resolvePolicy({
      reviewWithin: '5 days',
      escalateAfter: ['P7D', 'P1D'],
      remindBefore: 'P1D' as never,
    });
    expect(errors.join('\n')).toMatch(/policy.reviewWithin/);
    expect(errors.join('\n')).toMatch(/policy.remindBefore/);
    expect(resolvePolicy({ escalateAfter: ['P7D', 'P1D'] }).errors).toEqual([
      'policy.escalateAfter must be in ascending order',
    ]);
    expect(resolvePolicy({ escalateAfter: ['P1D', 'P2D', 'P3D', 'P4D', 'P5D'] }).errors[0]).toMatch(/at most 4/);
  });
});

describe('timer schedule', () => {
  it('reminds 7 and 1 days before and escalates at due, +7, +14, +21 days up the ladder', () => {
    const events = stageSchedule(rectifying('2025-04-30T00:00:00.000Z'));
    expect(events.map((event) => [event.kind, event.at, event.audience])).toEqual([
      ['reminder', '2025-04-23T00:00:00.000Z', 'owner'],
      ['reminder', '2025-04-29T00:00:00.000Z', 'owner'],
      ['escalation', '2025-04-30T00:00:00.000Z', 'owner'],
      ['escalation', '2025-05-07T00:00:00.000Z', 'responsible_leader'],
      ['escalation', '2025-05-14T00:00:00.000Z', 'group_head'],
      ['escalation', '2025-05-21T00:00:00.000Z', 'supervisor'],
    ]);
  });

  it('waits for the next event and fires nothing early', () => {
    const plan = planTimers(rectifying('2025-04-30T00:00:00.000Z'), new Set(), new Date('2025-03-02T00:00:00Z'));
    expect(plan.fire).toEqual([]);
    expect(plan.next?.at).toBe('2025-04-23T00:00:00.000Z');
  });

  it('sends only the latest of several missed reminders, and none from before the stage began', () => {
    const state = rectifying('2025-03-05T00:00:00.000Z');
    const plan = planTimers(state, new Set(), new Date('2025-03-04T12:00:00Z'));
    expect(plan.fire.map((event) => event.offset)).toEqual(['P1D']);
    expect(plan.skip.map((event) => event.offset)).toEqual(['P7D']);
  });

  it('fires every escalation level that is due (each has its own audience)', () => {
    const plan = planTimers(rectifying('2025-03-05T00:00:00.000Z'), new Set(), new Date('2025-03-20T00:00:00Z'));
    expect(plan.fire.filter((event) => event.kind === 'escalation').map((event) => event.level)).toEqual([1, 2, 3]);
    expect(plan.next?.level).toBe(4);
  });

  it('a moved deadline gives new timer keys, so handled ones do not hide the new schedule', () => {
    const before = stageSchedule(rectifying('2025-03-05T00:00:00.000Z'));
    const after = stageSchedule(rectifying('2025-04-05T00:00:00.000Z'));
    const handled = new Set(before.map((event) => event.key));
    expect(after.every((event) => !handled.has(event.key))).toBe(true);
  });

  it('the look-back falls due, then escalates against its own deadline', () => {
    const lookback = rectifying('2025-03-05T00:00:00.000Z', {
      stage: 'lookback',
      stageDueAt: '2025-06-01T00:00:00.000Z',
    });
    expect(stageSchedule(lookback).map((event) => event.kind)).toEqual(['look_back_due']);
    const due = applyTimer(lookback, stageSchedule(lookback)[0], new Date('2025-06-01T00:00:00Z'));
    expect(due).toMatchObject({ lookBackDue: true, stageDueAt: '2025-06-15T00:00:00.000Z' });
    expect(stageSchedule(due).filter((event) => event.kind === 'escalation')[0].at).toBe('2025-06-15T00:00:00.000Z');
  });
});

describe('colour (红黄绿灯)', () => {
  const state = rectifying('2025-04-30T00:00:00.000Z');
  it.each([
    ['2025-04-01T00:00:00Z', 'green'],
    ['2025-04-23T00:00:00Z', 'yellow'],
    ['2025-04-29T23:59:59Z', 'yellow'],
    ['2025-04-30T00:00:01Z', 'red'],
  ])('at %s it is %s', (at, colour) => {
    expect(colourOf(state, new Date(at))).toBe(colour);
  });
  it('a signed-off measure waiting for its look-back is green', () => {
    expect(colourOf({ ...state, stage: 'lookback', lookBackDue: false }, new Date('2026-01-01T00:00:00Z'))).toBe(
      'green',
    );
  });
});
