import { readFileSync } from 'node:fs';
import type { StatutoryCalendar, StatutoryDay } from '@rectiflow/domain';

/**
 * The State Council's holiday arrangements (放假安排) as the `chinese-days` package carries them
 * (MIT; pinned in package.json, so an upgrade is a reviewed change that also changes the calendar's
 * version). Its `dist/chinese-days.json` maps each statutory rest day and each 调休 working day to
 * "English name,中文名,days": read once, never at a workflow's import time.
 */
const PACKAGE = 'chinese-days';

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function named(entries: Record<string, string>): StatutoryDay[] {
  return Object.entries(entries)
    .map(([day, label]) => ({ day, name: label.split(',')[1] ?? label }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

let cached: StatutoryCalendar | null = null;

/** The statutory calendar from the pinned package (years 2004 to its last published year). */
export function statutoryCalendar(): StatutoryCalendar {
  if (cached) return cached;
  const version = (JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as { version: string })
    .version;
  const data = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/dist/chinese-days.json`), 'utf8')) as PackageData;
  const holidays = named(data.holidays);
  const workdays = named(data.workdays);
  // A year is covered when the package holds its arrangement: every published year has holidays.
  const years = [...new Set(holidays.map((entry) => Number(entry.day.slice(0, 4))))].sort((a, b) => a - b);
  cached = { source: `${PACKAGE}@${version}`, years, holidays, workdays };
  return cached;
}
