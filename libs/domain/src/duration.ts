/**
 * ISO-8601 durations (`P1Y2M10DT2H30M5.5S`, `P3W`), the unit every timer policy is written in.
 * Calendar parts (years, months, weeks, days) are added on the UTC calendar so that `P1M` from
 * 31 January lands on the last day of February rather than drifting by a fixed 30 days.
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

export class InvalidDurationError extends Error {}

export function parseDuration(text: string): Duration {
  const match = typeof text === 'string' ? PATTERN.exec(text.trim()) : null;
  if (!match) {
    throw new InvalidDurationError(`"${text}" is not an ISO-8601 duration such as P7D, PT30S or P1M`);
  }
  const number = (index: number) => (match[index] ? Number(match[index].replace(',', '.')) : 0);
  return {
    years: number(1),
    months: number(2),
    weeks: number(3),
    days: number(4),
    hours: number(5),
    minutes: number(6),
    seconds: number(7),
  };
}

export function isDuration(text: unknown): boolean {
  return typeof text === 'string' && PATTERN.test(text.trim());
}

/** Adds (sign 1) or subtracts (sign -1) a duration to an instant; returns a new Date. */
export function addDuration(instant: Date, text: string, sign: 1 | -1 = 1): Date {
  const duration = parseDuration(text);
  const result = new Date(instant.getTime());
  if (duration.years || duration.months) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + sign * (duration.years * 12 + duration.months));
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  const days = duration.weeks * 7 + duration.days;
  if (days) result.setUTCDate(result.getUTCDate() + sign * days);
  const milliseconds = ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
  return new Date(result.getTime() + sign * Math.round(milliseconds));
}
