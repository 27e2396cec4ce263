import { addDuration } from './duration';
import type { MeasureState } from './measure-state';
import type { TimerPolicy } from './policy';
import {
  nextWorkingStart,
  PolicyDuration,
  resolveDuration,
  weekendsOnlyCalendar,
  WorkingCalendar,
} from './working-days';

/**
 * Policy time for one measure: ISO-8601 durations in calendar time; `{ workingDays: n }` on the
 * working calendar the workflow fetched into the measure's state (its history), never on an
 * imported table, so a replay computes the same instant after the calendar changed. Without one
 * (it was never fetched), working days fall back to weekends only.
 */
export function policyTime(
  state: Pick<MeasureState, 'calendar'>,
  from: Date,
  duration: PolicyDuration,
  sign: 1 | -1 = 1,
): Date {
  if (typeof duration === 'string') return addDuration(from, duration, sign);
  return resolveDuration(state.calendar ?? weekendsOnlyCalendar(), from, duration, sign);
}

/**
 * Where a timer falls: on a measure with a working calendar, a non-working day moves to the start of
 * the next working day (the policy's workdayStartHour, 09:00 China time unless it says otherwise).
 */
export function timerInstant(
  state: Pick<MeasureState, 'calendar'> & { policy?: Pick<TimerPolicy, 'workdayStartHour'> },
  at: Date,
): Date {
  if (!state.calendar) return at;
  const startHour = state.policy?.workdayStartHour;
  return nextWorkingStart(state.calendar, at, startHour === undefined ? {} : { startHour });
}

/** A policy offset as the trail writes it: `P7D`, or `5WD` for five working days. */
export function offsetLabel(duration: PolicyDuration): string {
  return typeof duration === 'string' ? duration : `${duration.workingDays}WD`;
}

/** The text notation of a form field back to a duration: `5WD` (or `5 工作日`) is five working days, anything else as typed. */
export function parsePolicyDuration(text: string): PolicyDuration {
  const working = /^\s*(\d+)\s*(?:WD|工作日|个工作日)\s*$/i.exec(text);
  return working ? { workingDays: Number(working[1]) } : text.trim();
}

/** Whether any duration of the policy counts working days (the workflow then fetches the calendar). */
export function usesWorkingDays(policy: TimerPolicy): boolean {
  const values: unknown[] = [
    ...policy.remindBefore,
    ...policy.escalateAfter,
    ...(policy.immediateEscalateAfter ?? []),
    policy.reviewWithin,
    policy.signOffWithin,
    policy.lookBackWithin,
    policy.yellowWithin,
    policy.supervisionReplyWithin,
  ];
  return values.some((value) => typeof value === 'object' && value !== null);
}

export type { WorkingCalendar };

/**
 * A measure on a changed calendar: the calendar replaced, and the current stage's limit recomputed
 * from when the stage began where it counts working days (review, 销号); with `supervision`, an open
 * 督办单's working-day reply deadline too, from when its reply period began. The timers follow, since
 * their keys carry the due dates.
 */
export function onCalendar(
  state: MeasureState,
  calendar: WorkingCalendar,
  options: { supervision?: boolean } = {},
): MeasureState {
  const next: MeasureState = { ...state, calendar };
  const notice = state.supervision;
  const replyWithin = state.policy.supervisionReplyWithin;
  if (options.supervision && notice?.status === 'open' && typeof replyWithin === 'object' && replyWithin !== null)
    next.supervision = {
      ...notice,
      replyDueAt: policyTime(next, new Date(notice.replyFrom ?? notice.issuedAt), replyWithin).toISOString(),
    };
  const limit =
    state.stage === 'review'
      ? state.policy.reviewWithin
      : state.stage === 'signoff'
        ? state.policy.signOffWithin
        : null;
  if (limit !== null && typeof limit === 'object')
    next.stageDueAt = policyTime(next, new Date(state.stageEnteredAt), limit).toISOString();
  return next;
}

/** The days a workflow asks the calendar for: from last year to five years ahead (China time). */
export function calendarRange(now: Date): { from: string; to: string } {
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  return { from: `${year - 1}-01-01`, to: `${year + 5}-12-31` };
}
