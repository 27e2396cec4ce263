/** Days as the papers write them: stored as YYYY-MM-DD (China time), printed as 2024年6月19日. */

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day of an instant in China time (UTC+8), as YYYY-MM-DD. */
export function chinaDay(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD as 2024年6月19日 ('' for none). */
export function chineseDay(day: string | null | undefined): string {
  if (!day) return '';
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** A day some calendar months later; the 31st of a shorter month becomes its last day (12-31 + 2 → 02-28/29). */
export function addMonthsToDay(day: string, months: number): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, last));
  return target.toISOString().slice(0, 10);
}

/** A day some calendar days later. */
export function addDaysToDay(day: string, days: number): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}
