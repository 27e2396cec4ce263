import { resolvePolicy } from './policy';
import { onCalendar, parsePolicyDuration, policyTime, timerInstant, usesWorkingDays } from './policy-time';
import { initialState } from './initial-state';
import { DEFAULT_POLICY } from './policy';
import { stageSchedule } from './schedule';
import type { WorkingCalendar } from './working-days';

/** 2025 国庆: 10/1–10/8 off, 9/28 and 10/11 working. */
const calendar: WorkingCalendar = {
  version: 'test-1',
  years: [2025],
  holidays: [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
  workdays: ['2025-09-28', '2025-10-11'],
  closures: [],
  openings: [],
};

describe('policy durations in working days', () => {
  it('accepts { workingDays } where it may count them and refuses it elsewhere, naming the field', () => {
    const ok = resolvePolicy({ reviewWithin: { workingDays: 5 }, remindBefore: [{ workingDays: 1 }, 'P1D'] });
    expect(ok.errors).toEqual([]);
    expect(usesWorkingDays(ok.policy)).toBe(true);
    expect(usesWorkingDays(DEFAULT_POLICY)).toBe(false);
    const refused = resolvePolicy({ lookBackAfter: { workingDays: 5 } as never, reviewWithin: { workingDays: -1 } });
    expect(refused.errors).toEqual([
      'policy.reviewWithin must be an ISO-8601 duration or { "workingDays": n } (n from 0 to 1000) (got {"workingDays":-1})',
      'policy.lookBackAfter must be an ISO-8601 duration (got {"workingDays":5})',
    ]);
  });

  it('counts 5 working days from 2025-09-30 across 国庆 to the end of 10-14, and calendar time as before', () => {
    const state = { calendar };
    expect(policyTime(state, new Date('2025-09-30T02:00:00Z'), { workingDays: 5 }).toISOString()).toBe(
      '2025-10-14T15:59:59.000Z',
    );
    expect(policyTime(state, new Date('2025-09-30T02:00:00Z'), 'P5D').toISOString()).toBe('2025-10-05T02:00:00.000Z');
  });

  it('moves a timer falling on a holiday to 09:00 China time (or the policy’s hour) of the next working day, only with a calendar', () => {
    expect(timerInstant({ calendar }, new Date('2025-10-03T04:00:00Z')).toISOString()).toBe('2025-10-09T01:00:00.000Z');
    expect(timerInstant({}, new Date('2025-10-03T04:00:00Z')).toISOString()).toBe('2025-10-03T04:00:00.000Z');
    // The hour is the policy's when it names one (08:00 China time is 00:00 UTC); a working day keeps its instant.
    const early = { calendar, policy: { workdayStartHour: 8 } };
    expect(timerInstant(early, new Date('2025-10-03T04:00:00Z')).toISOString()).toBe('2025-10-09T00:00:00.000Z');
    expect(timerInstant(early, new Date('2025-10-09T04:00:00Z')).toISOString()).toBe('2025-10-09T04:00:00.000Z');
    expect(resolvePolicy({ workdayStartHour: 8 }).errors).toEqual([]);
    for (const bad of [24, -1, 8.5, '9'])
      expect(resolvePolicy({ workdayStartHour: bad as number }).errors).toEqual([
        expect.stringContaining('policy.workdayStartHour must be a whole hour from 0 to 23'),
      ]);
  });

  it('re-plans a review limit and an open 督办单 reply on a changed calendar, and reads the form notation 5WD', () => {
    const state = {
      ...initialState(
        {
          measureId: 'm',
          inspectionId: 'i',
          kind: 'deadline',
          policy: { ...DEFAULT_POLICY, reviewWithin: { workingDays: 2 } },
          participants: { leadDepartmentId: 'd', cooperatingDepartmentIds: [], responsibleLeaderId: 'l' },
          dueAt: '2025-12-31T15:59:59.000Z',
        },
        new Date('2025-09-29T02:00:00Z'),
      ),
      stage: 'review' as const,
      stageEnteredAt: '2025-09-29T02:00:00.000Z',
      calendar,
    };
    // Entered Monday 10:00: Tuesday would be day 1, but the office closes then; 国庆 follows; Thu 10-09 and Fri 10-10.
    const closed = onCalendar(state, { ...calendar, version: 'test-2', closures: ['2025-09-30'] });
    expect(closed.stageDueAt).toBe('2025-10-10T15:59:59.000Z');
    expect(stageSchedule(closed).every((event) => event.key.includes('2025-10-10T15:59:59.000Z'))).toBe(true);
    // Without the supervision option (a workflow before its patch), an open 督办单 keeps its deadline.
    const notice = {
      issuedAt: '2025-09-26T02:00:00.000Z',
      issuedBy: 's',
      reason: '滞后',
      replyDueAt: '2025-09-30T15:59:59.000Z',
      replyFrom: '2025-09-29T02:00:00.000Z',
      status: 'open' as const,
      answer: null,
    };
    const supervised = {
      ...state,
      stage: 'rectify' as const,
      policy: { ...state.policy, supervisionReplyWithin: { workingDays: 2 } },
      supervision: notice,
    };
    const changed = { ...calendar, version: 'test-2', closures: ['2025-09-30'] };
    expect(onCalendar(supervised, changed).supervision?.replyDueAt).toBe(notice.replyDueAt);
    // With it: counted again from when the reply period began (sent back Monday 10:00), past the closure and 国庆.
    expect(onCalendar(supervised, changed, { supervision: true }).supervision?.replyDueAt).toBe(
      '2025-10-10T15:59:59.000Z',
    );
    // A notice from before replyFrom was kept counts from its issue (Friday 10:00: the 调休 Sunday 9-28, Monday 9-29).
    const older = { ...supervised, supervision: { ...notice, replyFrom: undefined } };
    expect(onCalendar(older, changed, { supervision: true }).supervision?.replyDueAt).toBe('2025-09-29T15:59:59.000Z');
    // A calendar-time reply limit is not re-planned.
    const calendarTime = { ...supervised, policy: { ...supervised.policy, supervisionReplyWithin: 'P3D' } };
    expect(onCalendar(calendarTime, changed, { supervision: true }).supervision?.replyDueAt).toBe(notice.replyDueAt);
    expect(parsePolicyDuration('5WD')).toEqual({ workingDays: 5 });
    expect(parsePolicyDuration('3工作日')).toEqual({ workingDays: 3 });
    expect(parsePolicyDuration(' P5D ')).toBe('P5D');
  });
});
