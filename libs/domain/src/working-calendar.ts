import { isCalendarDay, shiftDay, WorkingCalendar } from './working-days';

/** One named day of the statutory arrangement (`2025-10-01`, 国庆节). */
export interface StatutoryDay {
  day: string;
  name: string;
}

/** The State Council's arrangements as a data package carries them. */
export interface StatutoryCalendar {
  /** Where the data comes from and its version, e.g. `chinese-days@1.5.7`. */
  source: string;
  /** Years with a published arrangement in the data. */
  years: number[];
  holidays: StatutoryDay[];
  /** 调休 working weekend days. */
  workdays: StatutoryDay[];
}

/** The office's own days: a local holiday and an office closure are days off, an extra working day is on. */
export const LOCAL_DAY_KINDS = ['holiday', 'closure', 'workday'] as const;
export type LocalDayKind = (typeof LOCAL_DAY_KINDS)[number];

export interface LocalDay {
  day: string;
  kind: LocalDayKind;
  name: string;
}

/** Calendar slices span at most this many days (ten years: the longest policy duration is five). */
export const LONGEST_CALENDAR_SLICE_DAYS = 3700;

/** Why a slice's range is refused, or null. */
export function calendarRangeProblem(from: unknown, to: unknown): string | null {
  if (!isCalendarDay(from)) return `from must be a day written YYYY-MM-DD (got ${JSON.stringify(from)})`;
  if (!isCalendarDay(to)) return `to must be a day written YYYY-MM-DD (got ${JSON.stringify(to)})`;
  if (to < from) return `to (${to}) is before from (${from})`;
  if (to > shiftDay(from, LONGEST_CALENDAR_SLICE_DAYS))
    return `a calendar slice spans at most ${LONGEST_CALENDAR_SLICE_DAYS} days`;
  return null;
}

/** The calendar's version: the statutory data's source and the number of the last local change. */
export function calendarVersion(statutory: Pick<StatutoryCalendar, 'source'>, lastLocalChange: number): string {
  return `${statutory.source}+local.${lastLocalChange}`;
}

/**
 * The working calendar for the days from `from` to `to` (inclusive): the statutory days and the local
 * days within them, the covered years that meet the range (the data's, and those whose arrangement
 * the administrator entered by hand: `enteredYears`), and the version of the whole calendar.
 */
export function calendarSlice(
  statutory: StatutoryCalendar,
  local: readonly LocalDay[],
  version: string,
  from: string,
  to: string,
  enteredYears: readonly number[] = [],
): WorkingCalendar {
  const problem = calendarRangeProblem(from, to);
  if (problem) throw new RangeError(problem);
  const within = (day: string) => day >= from && day <= to;
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const sorted = (days: string[]) => [...new Set(days)].sort();
  return {
    version,
    years: [...new Set([...statutory.years, ...enteredYears])]
      .filter((year) => year >= first && year <= last)
      .sort((a, b) => a - b),
    holidays: sorted(statutory.holidays.map((entry) => entry.day).filter(within)),
    workdays: sorted(statutory.workdays.map((entry) => entry.day).filter(within)),
    closures: sorted(local.filter((entry) => entry.kind !== 'workday' && within(entry.day)).map((entry) => entry.day)),
    openings: sorted(local.filter((entry) => entry.kind === 'workday' && within(entry.day)).map((entry) => entry.day)),
    from,
    to,
  };
}
