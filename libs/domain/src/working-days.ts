import { addDuration, isDuration } from './duration';

/**
 * Working days on the PRC calendar (工作日): weekends off, the State Council's statutory holidays off,
 * its 调休 make-up weekend days on, and the office's own days (a local holiday or closure off, an
 * extra working day on). Pure: the calendar is a plain JSON value handed in, never imported, so a
 * running workflow gets it through an activity result in its history and replays to the same instant
 * after the calendar has changed.
 *
 * Counting rules (all in China time, UTC+8, which has no daylight saving):
 * - `n` working days from an instant end at the end of the nth working day, 23:59:59 China time —
 *   the same instant as a deadline written as a date. The day of `from` is not counted (次日起算)
 *   unless `from` falls before that working day's start (09:00), so 5 working days from a Friday
 *   15:00 end on the following Friday 23:59:59, and 1 working day after a deadline at the end of a
 *   Tuesday ends at the end of Wednesday.
 * - Backwards (a reminder `n` working days before a due instant) the day of the instant is not
 *   counted either: 1 working day before the end of a Tuesday is the end of Monday.
 * - A year the calendar does not cover (not yet published, or outside the slice's range) falls back
 *   to weekends only (the office's own days still count), and the answer says `covered: false`.
 */
export interface WorkingCalendar {
  /** Changes whenever the data changes: the package's version and the local days' change number. */
  version: string;
  /** Years whose statutory arrangement is known (published and in the data). */
  years: number[];
  /** Statutory rest days, YYYY-MM-DD (the whole holiday spans, weekend days within them included). */
  holidays: string[];
  /** 调休: weekend days that are working days by the State Council's arrangement. */
  workdays: string[];
  /** The office's own days off: a local holiday, an office closure. */
  closures: string[];
  /** The office's own extra working days. */
  openings: string[];
  /** A slice of the calendar covers only these days (inclusive); days outside count as uncovered. */
  from?: string;
  to?: string;
}

/** A policy duration: ISO-8601 (`P5D`, calendar time) or a count of working days (`{ "workingDays": 5 }`). */
export type PolicyDuration = string | { workingDays: number };

export interface WorkingTimeOptions {
  /** The hour a working day starts, China time (default 9). */
  startHour?: number;
  /** The calendar's offset from UTC in minutes (default +480, China time). */
  utcOffsetMinutes?: number;
}

export interface WorkingDaysResult {
  at: Date;
  /** Every day counted lies in a covered year (and in the slice): false means the weekends-only fallback was used. */
  covered: boolean;
}

export const CHINA_UTC_OFFSET_MINUTES = 480;
export const WORKING_DAY_START_HOUR = 9;
/** The most working days a policy may count (about four years). */
export const MOST_WORKING_DAYS = 1000;
/** No count walks further than this many days (a calendar closed for ever must not loop). */
const LONGEST_WALK_DAYS = 3700;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day (YYYY-MM-DD) of an instant in the calendar's time zone. */
export function calendarDay(instant: Date, utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day moved by a number of days. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A real calendar day written YYYY-MM-DD (not 2025-02-30). */
export function isCalendarDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    ? new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
    : false;
}

/** The instant of a time of day (hours since midnight, 24 = the day's end) on a calendar day. */
function instantOn(day: string, hours: number, options: WorkingTimeOptions): Date {
  const offset = options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  return new Date(Date.parse(`${day}T00:00:00Z`) + hours * 3_600_000 - offset * 60_000);
}

/** The end of a day as a deadline written as a date means it: 23:59:59 local time. */
export function endOfDay(day: string, options: WorkingTimeOptions = {}): Date {
  return new Date(instantOn(day, 24, options).getTime() - 1000);
}

/** Membership tests over a calendar, built once per call of the functions below. */
class Lookup {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  private readonly closures: Set<string>;
  private readonly openings: Set<string>;
  private readonly years: Set<number>;

  constructor(private readonly calendar: WorkingCalendar) {
    this.holidays = new Set(calendar.holidays);
    this.workdays = new Set(calendar.workdays);
    this.closures = new Set(calendar.closures);
    this.openings = new Set(calendar.openings);
    this.years = new Set(calendar.years);
  }

  inRange(day: string): boolean {
    return (!this.calendar.from || day >= this.calendar.from) && (!this.calendar.to || day <= this.calendar.to);
  }

  covered(day: string): boolean {
    return this.inRange(day) && this.years.has(Number(day.slice(0, 4)));
  }

  working(day: string): boolean {
    const inRange = this.inRange(day);
    if (inRange && this.openings.has(day)) return true;
    if (inRange && this.closures.has(day)) return false;
    if (this.covered(day)) {
      if (this.workdays.has(day)) return true;
      if (this.holidays.has(day)) return false;
    }
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}

function dayOf(day: string | Date): string {
  if (day instanceof Date) return calendarDay(day);
  if (!isCalendarDay(day)) throw new RangeError(`"${day}" is not a day written YYYY-MM-DD`);
  return day;
}

/** Whether a day (YYYY-MM-DD, or the China day of an instant) is a working day. */
export function isWorkingDay(calendar: WorkingCalendar, day: string | Date): boolean {
  return new Lookup(calendar).working(dayOf(day));
}

/** Whether the calendar knows the statutory arrangement of a day (its year published, the day in the slice). */
export function isDayCovered(calendar: WorkingCalendar, day: string | Date): boolean {
  return new Lookup(calendar).covered(dayOf(day));
}

/** Whether the calendar holds the State Council's arrangement for a year. */
export function isYearCovered(calendar: WorkingCalendar, year: number): boolean {
  return calendar.years.includes(year);
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MOST_WORKING_DAYS)
    throw new RangeError(`a count of working days must be a whole number from 0 to ${MOST_WORKING_DAYS} (got ${n})`);
}

/**
 * `n` working days from `from` (sign 1) or before it (sign -1), with whether every day counted was
 * covered. See the counting rules at the top of this file.
 */
export function addWorkingDaysDetailed(
  calendar: WorkingCalendar,
  from: Date,
  n: number,
  options: WorkingTimeOptions = {},
  sign: 1 | -1 = 1,
): WorkingDaysResult {
  checkCount(n);
  if (n === 0) return { at: new Date(from.getTime()), covered: true };
  const lookup = new Lookup(calendar);
  const offset = options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  let day = calendarDay(from, offset);
  let covered = lookup.covered(day);
  let counted = 0;
  const start = instantOn(day, options.startHour ?? WORKING_DAY_START_HOUR, options);
  if (sign === 1 && from.getTime() < start.getTime() && lookup.working(day)) counted = 1;
  for (let walked = 0; counted < n; walked += 1) {
    if (walked > LONGEST_WALK_DAYS)
      throw new RangeError(`no ${n} working days within ${LONGEST_WALK_DAYS} days of ${day}`);
    day = shiftDay(day, sign);
    covered = covered && lookup.covered(day);
    if (lookup.working(day)) counted += 1;
  }
  return { at: endOfDay(day, options), covered };
}

/** `n` working days from an instant: the end (23:59:59 China time) of the nth working day. */
export function addWorkingDays(
  calendar: WorkingCalendar,
  from: Date,
  n: number,
  options: WorkingTimeOptions = {},
): Date {
  return addWorkingDaysDetailed(calendar, from, n, options, 1).at;
}

/** `n` working days before an instant: the end of the nth working day before the instant's day. */
export function subtractWorkingDays(
  calendar: WorkingCalendar,
  from: Date,
  n: number,
  options: WorkingTimeOptions = {},
): Date {
  return addWorkingDaysDetailed(calendar, from, n, options, -1).at;
}

/**
 * Where a timer falling at `instant` goes: unchanged on a working day; on a non-working day, to the
 * start (09:00 China time) of the next working day.
 */
export function nextWorkingStart(calendar: WorkingCalendar, instant: Date, options: WorkingTimeOptions = {}): Date {
  const lookup = new Lookup(calendar);
  let day = calendarDay(instant, options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES);
  if (lookup.working(day)) return new Date(instant.getTime());
  for (let walked = 0; !lookup.working(day); walked += 1) {
    if (walked > LONGEST_WALK_DAYS) throw new RangeError(`no working day within ${LONGEST_WALK_DAYS} days of ${day}`);
    day = shiftDay(day, 1);
  }
  return instantOn(day, options.startHour ?? WORKING_DAY_START_HOUR, options);
}

/** `{ "workingDays": n }` with a whole n from 0 to MOST_WORKING_DAYS and nothing else. */
export function isWorkingDaysDuration(value: unknown): value is { workingDays: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const n = (value as { workingDays?: unknown }).workingDays;
  return (
    keys.length === 1 &&
    keys[0] === 'workingDays' &&
    Number.isInteger(n) &&
    (n as number) >= 0 &&
    (n as number) <= MOST_WORKING_DAYS
  );
}

/** An ISO-8601 duration string or a count of working days. */
export function isPolicyDuration(value: unknown): value is PolicyDuration {
  return isDuration(value) || isWorkingDaysDuration(value);
}

/** A policy duration from (sign 1) or before (sign -1) an instant, with whether the calendar covered it. */
export function resolveDurationDetailed(
  calendar: WorkingCalendar,
  from: Date,
  duration: PolicyDuration,
  sign: 1 | -1 = 1,
  options: WorkingTimeOptions = {},
): WorkingDaysResult {
  if (typeof duration === 'string') return { at: addDuration(from, duration, sign), covered: true };
  if (!isWorkingDaysDuration(duration))
    throw new RangeError(`${JSON.stringify(duration)} is neither an ISO-8601 duration nor { "workingDays": n }`);
  return addWorkingDaysDetailed(calendar, from, duration.workingDays, options, sign);
}

/** A policy duration from (sign 1) or before (sign -1) an instant: `addDuration` for ISO-8601, working days otherwise. */
export function resolveDuration(
  calendar: WorkingCalendar,
  from: Date,
  duration: PolicyDuration,
  sign: 1 | -1 = 1,
  options: WorkingTimeOptions = {},
): Date {
  return resolveDurationDetailed(calendar, from, duration, sign, options).at;
}

/** A calendar with no statutory data: weekends only, nothing covered (for tests and as the last fallback). */
export function weekendsOnlyCalendar(version = 'weekends-only'): WorkingCalendar {
  return { version, years: [], holidays: [], workdays: [], closures: [], openings: [] };
}
