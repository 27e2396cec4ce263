/**
 * When the 整改报告 is due (报送时限) and when its reminders fall: `reportWithin` (default P2M) after
 * the feedback day, on the working calendar when it counts working days. Read by the API (the
 * report's due date) and the worker's sweep (reminders, overdue); never by a workflow.
 */
import { addDuration } from './duration';
import type { TimerPolicy } from './policy';
import { calendarDay, endOfDay, PolicyDuration, resolveDuration, WorkingCalendar } from './working-days';

export const DEFAULT_REPORT_WITHIN = 'P2M';

export interface ReportDue {
  /** The day (China time) the report is due. */
  dueOn: string;
  /** The instant: the end of that day, or the exact instant for a duration with a time part (compressed tests). */
  dueAt: Date;
}

/** Whether the report's timers need the working calendar. */
export function reportUsesWorkingDays(policy: Pick<TimerPolicy, 'reportWithin' | 'remindBefore'>): boolean {
  return [policy.reportWithin, ...(policy.remindBefore ?? [])].some(
    (value) => typeof value === 'object' && value !== null,
  );
}

/**
 * The due date from the feedback day (YYYY-MM-DD). A calendar duration counts from the start of the
 * feedback day and the report is due at the end of the day it lands on (P2M from 1 月 15 日: 3 月 15
 * 日); working days are counted after the feedback day, to the end of the nth; a duration with hours
 * or seconds is taken exactly from the day's start.
 */
export function reportDue(
  feedbackOn: string,
  policy: Pick<TimerPolicy, 'reportWithin'>,
  calendar: WorkingCalendar,
): ReportDue {
  const within: PolicyDuration = policy.reportWithin ?? DEFAULT_REPORT_WITHIN;
  const dayEnd = endOfDay(feedbackOn);
  const dayStart = new Date(dayEnd.getTime() + 1000 - 86_400_000);
  if (typeof within === 'string') {
    const landed = addDuration(dayStart, within);
    if (within.includes('T')) return { dueOn: calendarDay(landed), dueAt: landed };
    const dueOn = calendarDay(landed);
    return { dueOn, dueAt: endOfDay(dueOn) };
  }
  const dueAt = resolveDuration(calendar, dayEnd, within);
  return { dueOn: calendarDay(dueAt), dueAt };
}

/** The reminder instants before the due date (the policy's remindBefore), earliest first. */
export function reportReminders(
  dueAt: Date,
  policy: Pick<TimerPolicy, 'remindBefore'>,
  calendar: WorkingCalendar,
): Date[] {
  return (policy.remindBefore ?? [])
    .map((before) => resolveDuration(calendar, dueAt, before, -1))
    .sort((a, b) => a.getTime() - b.getTime());
}

/** What the report's timers call for at `now`: the latest reminder passed, or overdue, or nothing yet. */
export function reportTimerDue(
  dueAt: Date,
  reminders: Date[],
  now: Date,
): { kind: 'overdue' } | { kind: 'reminder'; at: Date } | null {
  if (now.getTime() >= dueAt.getTime()) return { kind: 'overdue' };
  const passed = reminders.filter((at) => at.getTime() <= now.getTime());
  return passed.length ? { kind: 'reminder', at: passed[passed.length - 1] } : null;
}
