import { calendarRangeProblem, calendarSlice, calendarVersion, WorkingCalendar } from '@rectiflow/domain';
import { CalendarRepository } from '../repositories/calendar.repository';
import { statutoryCalendar } from './statutory-days';

/**
 * The working calendar for a range of days: the pinned package's statutory days and the
 * administrator's days (and years entered by hand) from PostgreSQL, versioned by the package and the last local change.
 * What the worker's activity hands a workflow, and what the API shows.
 */
export async function readWorkingCalendar(
  calendars: CalendarRepository,
  from: string,
  to: string,
): Promise<WorkingCalendar> {
  const problem = calendarRangeProblem(from, to);
  if (problem) throw new RangeError(problem);
  const statutory = statutoryCalendar();
  const local = await calendars.localDays(from, to);
  return calendarSlice(
    statutory,
    local.days,
    calendarVersion(statutory, local.lastChange),
    from,
    to,
    local.years.map((entry) => entry.year),
  );
}
