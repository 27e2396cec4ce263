import { addDuration } from './duration';

/**
 * Sanity bounds on dates and durations people type. A measure due in 1990 or 9999, or a review
 * window of P1000Y, is a typing slip that would otherwise sit in a workflow's timers for ever.
 * Deadlines: from 2000 (old ledgers are imported with their historical dates) to the end of 2100.
 */
export const EARLIEST_DEADLINE = '2000-01-01T00:00:00.000Z';
export const LATEST_DEADLINE = '2100-12-31T15:59:59.999Z';
/** No timer in a policy waits longer than this (the longest real one is the look-back, 90 days by default). */
export const LONGEST_POLICY_DURATION = 'P5Y';

export function deadlineProblem(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return 'is not a valid date';
  if (time < Date.parse(EARLIEST_DEADLINE)) return 'is before 2000-01-01; check the year';
  if (time > Date.parse(LATEST_DEADLINE)) return 'is after 2100-12-31; check the year';
  return null;
}

/** A policy duration longer than LONGEST_POLICY_DURATION (measured from the Unix epoch). */
export function durationTooLong(duration: string): boolean {
  const origin = new Date(0);
  return addDuration(origin, duration).getTime() > addDuration(origin, LONGEST_POLICY_DURATION).getTime();
}
