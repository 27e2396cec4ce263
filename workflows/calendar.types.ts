import type { WorkingCalendar } from '../libs/domain/src';

/** The range of days a workflow asks the working calendar for (inclusive, YYYY-MM-DD, China time). */
export interface WorkingCalendarRequest {
  from: string;
  to: string;
}

/**
 * The worker's calendar activity, as a workflow proxies it. Its answer is recorded in the workflow's
 * history, so a replay computes the same working-day deadlines even after the calendar changed.
 * A bad range fails at once (non-retryable, type INVALID_INPUT); a database outage is retried.
 */
export interface CalendarActivities {
  workingCalendar(request: WorkingCalendarRequest): Promise<WorkingCalendar>;
}
