import { statutoryCalendar } from '@rectiflow/persistence/calendar/statutory-days';
import { addDuration } from './duration';
import { calendarSlice, calendarRangeProblem, calendarVersion, LocalDay } from './working-calendar';
import {
  addWorkingDays,
  addWorkingDaysDetailed,
  calendarDay,
  isDayCovered,
  isPolicyDuration,
  isWorkingDay,
  isYearCovered,
  nextWorkingStart,
  resolveDuration,
  resolveDurationDetailed,
  subtractWorkingDays,
  weekendsOnlyCalendar,
  WorkingCalendar,
} from './working-days';

const statutory = statutoryCalendar();
const calendar = (local: LocalDay[] = [], from = '2024-01-01', to = '2027-12-31'): WorkingCalendar =>
  calendarSlice(statutory, local, calendarVersion(statutory, local.length), from, to);
const china = (text: string) => new Date(`${text}+08:00`);
const days = (from: string, to: string) => {
  const list: string[] = [];
  for (let day = from; day <= to; day = calendarDay(new Date(Date.parse(`${day}T12:00:00+08:00`) + 86_400_000)))
    list.push(day);
  return list;
};

describe('the statutory data of the pinned package', () => {
  it('covers 2025 and 2026 and not yet 2027', () => {
    expect(statutory.source).toBe('chinese-days@1.5.7');
    expect(statutory.years).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(statutory.years).not.toContain(2027);
  });
});

describe('2025', () => {
  const cal = calendar();
  it('春节 1/28–2/4 is off, with the 调休 Sunday 1/26 and Saturday 2/8 working', () => {
    expect(days('2025-01-28', '2025-02-04').filter((day) => isWorkingDay(cal, day))).toEqual([]);
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true);
    expect(isWorkingDay(cal, '2025-01-27')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-05')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-09')).toBe(false);
  });
  it('国庆 and 中秋 10/1–10/8 is off, with the 调休 Sunday 9/28 and Saturday 10/11 working', () => {
    expect(days('2025-10-01', '2025-10-08').filter((day) => isWorkingDay(cal, day))).toEqual([]);
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-09')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-12')).toBe(false);
  });
  it('has the other holidays and the 4/27 调休 Sunday', () => {
    for (const day of ['2025-01-01', '2025-04-04', '2025-05-01', '2025-05-05', '2025-06-02'])
      expect({ day, working: isWorkingDay(cal, day) }).toEqual({ day, working: false });
    expect(isWorkingDay(cal, '2025-04-27')).toBe(true);
  });
  it('counts 5 working days from 2025-09-30 across 国庆 to the end of 10/14 (the 调休 Saturday 10/11 counts)', () => {
    expect(addWorkingDays(cal, china('2025-09-30T10:00:00'), 5)).toEqual(china('2025-10-14T23:59:59'));
    // Before 09:00 the day itself is a whole working day and counts.
    expect(addWorkingDays(cal, china('2025-09-30T08:00:00'), 5)).toEqual(china('2025-10-13T23:59:59'));
    expect(addWorkingDaysDetailed(cal, china('2025-09-30T10:00:00'), 5).covered).toBe(true);
  });
  it('counts 5 working days from a Friday 15:00 to the end of the next Friday', () => {
    expect(addWorkingDays(cal, china('2025-03-07T15:00:00'), 5)).toEqual(china('2025-03-14T23:59:59'));
  });
  it('counts from a deadline at the end of a day to the end of the next working day', () => {
    expect(addWorkingDays(cal, china('2025-03-11T23:59:59'), 1)).toEqual(china('2025-03-12T23:59:59'));
    expect(addWorkingDays(cal, china('2025-09-30T23:59:59'), 1)).toEqual(china('2025-10-09T23:59:59'));
  });
  it('counts backwards for reminders, skipping the holiday', () => {
    expect(subtractWorkingDays(cal, china('2025-10-09T23:59:59'), 1)).toEqual(china('2025-09-30T23:59:59'));
    expect(subtractWorkingDays(cal, china('2025-10-13T23:59:59'), 2)).toEqual(china('2025-10-10T23:59:59'));
  });
  it('moves a timer on a Sunday to Monday 09:00 China time, and one in 国庆 to 10/9 09:00', () => {
    expect(nextWorkingStart(cal, china('2025-03-09T14:00:00'))).toEqual(china('2025-03-10T09:00:00'));
    expect(nextWorkingStart(cal, new Date('2025-03-08T16:00:00Z'))).toEqual(china('2025-03-10T09:00:00'));
    expect(nextWorkingStart(cal, china('2025-10-05T00:00:00'))).toEqual(china('2025-10-09T09:00:00'));
    // A working day (the 调休 Saturday too) keeps its timer where it is.
    expect(nextWorkingStart(cal, china('2025-10-11T20:00:00'))).toEqual(china('2025-10-11T20:00:00'));
    expect(nextWorkingStart(cal, china('2025-03-10T07:00:00'))).toEqual(china('2025-03-10T07:00:00'));
  });
});

describe('2026 (国办发明电〔2025〕7号)', () => {
  const cal = calendar();
  it('has 元旦 1/1–1/3 with 1/4 working', () => {
    expect(days('2026-01-01', '2026-01-03').filter((day) => isWorkingDay(cal, day))).toEqual([]);
    expect(isWorkingDay(cal, '2026-01-04')).toBe(true);
  });
  it('has 春节 2/15–2/23 with the Saturdays 2/14 and 2/28 working', () => {
    expect(days('2026-02-15', '2026-02-23').filter((day) => isWorkingDay(cal, day))).toEqual([]);
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-24')).toBe(true);
  });
  it('has 清明, 劳动节 with 5/9 working, 端午 and 中秋', () => {
    for (const day of ['2026-04-06', '2026-05-01', '2026-05-05', '2026-06-19', '2026-09-25'])
      expect({ day, working: isWorkingDay(cal, day) }).toEqual({ day, working: false });
    expect(isWorkingDay(cal, '2026-05-09')).toBe(true);
  });
  it('has 国庆 10/1–10/7 with the Sunday 9/20 and the Saturday 10/10 working', () => {
    expect(days('2026-10-01', '2026-10-07').filter((day) => isWorkingDay(cal, day))).toEqual([]);
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true);
    expect(addWorkingDays(cal, china('2026-09-30T15:00:00'), 3)).toEqual(china('2026-10-10T23:59:59'));
  });
});

describe('a year not yet published', () => {
  const cal = calendar();
  it('falls back to weekends only and says it is not covered', () => {
    expect(isYearCovered(cal, 2026)).toBe(true);
    expect(isYearCovered(cal, 2027)).toBe(false);
    expect(isDayCovered(cal, '2027-01-01')).toBe(false);
    expect(isWorkingDay(cal, '2027-01-01')).toBe(true); // a Friday: 元旦 is not known yet
    expect(isWorkingDay(cal, '2027-01-02')).toBe(false);
    const across = addWorkingDaysDetailed(cal, china('2026-12-30T10:00:00'), 3);
    expect(across).toEqual({ at: china('2027-01-04T23:59:59'), covered: false });
    expect(addWorkingDaysDetailed(cal, china('2026-12-21T10:00:00'), 3).covered).toBe(true);
  });
  it('treats days outside a slice as uncovered', () => {
    const slice = calendar([], '2025-09-01', '2025-10-31');
    expect(slice.years).toEqual([2025]);
    expect(slice.holidays.every((day) => day >= '2025-09-01' && day <= '2025-10-31')).toBe(true);
    expect(isDayCovered(slice, '2025-10-01')).toBe(true);
    expect(isDayCovered(slice, '2025-11-03')).toBe(false);
    expect(isWorkingDay(slice, '2025-12-31')).toBe(true);
    expect(addWorkingDaysDetailed(slice, china('2025-10-30T10:00:00'), 2).covered).toBe(false);
  });
  it("counts as covered once the administrator entered the year's arrangement by hand", () => {
    const local: LocalDay[] = [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }];
    const entered = calendarSlice(statutory, local, 'v', '2026-12-01', '2027-12-31', [2027, 2031]);
    expect(entered.years).toEqual([2026, 2027]);
    expect(isYearCovered(entered, 2027)).toBe(true);
    expect(addWorkingDaysDetailed(entered, china('2026-12-30T10:00:00'), 2)).toEqual({
      at: china('2027-01-04T23:59:59'),
      covered: true,
    });
  });
  it('weekendsOnlyCalendar covers nothing', () => {
    const cal2 = weekendsOnlyCalendar();
    expect(isWorkingDay(cal2, '2025-10-01')).toBe(true);
    expect(isDayCovered(cal2, '2025-10-01')).toBe(false);
  });
});

describe("the office's own days", () => {
  const local: LocalDay[] = [
    { day: '2025-03-12', kind: 'closure', name: '停电检修' },
    { day: '2025-03-13', kind: 'holiday', name: '地方节日' },
    { day: '2025-03-15', kind: 'workday', name: '集中办公' },
    { day: '2025-10-11', kind: 'closure', name: '调休日停止办公' },
    { day: '2027-01-01', kind: 'holiday', name: '元旦（待国务院公布）' },
  ];
  const cal = calendar(local);
  it('closures and local holidays are off, extra days on, even over a 调休 day or an uncovered year', () => {
    expect(cal.closures).toEqual(['2025-03-12', '2025-03-13', '2025-10-11', '2027-01-01']);
    expect(cal.openings).toEqual(['2025-03-15']);
    expect(isWorkingDay(cal, '2025-03-12')).toBe(false);
    expect(isWorkingDay(cal, '2025-03-13')).toBe(false);
    expect(isWorkingDay(cal, '2025-03-15')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(false);
    expect(isWorkingDay(cal, '2027-01-01')).toBe(false);
    expect(addWorkingDays(cal, china('2025-03-11T15:00:00'), 2)).toEqual(china('2025-03-15T23:59:59'));
  });
  it('a version names the data and the last local change', () => {
    expect(cal.version).toBe('chinese-days@1.5.7+local.5');
  });
});

describe('policy durations', () => {
  const cal = calendar();
  it('resolves ISO-8601 as calendar time and { workingDays } on the calendar', () => {
    const from = china('2025-09-30T10:00:00');
    expect(resolveDuration(cal, from, 'P5D')).toEqual(addDuration(from, 'P5D'));
    expect(resolveDuration(cal, from, 'P1D', -1)).toEqual(addDuration(from, 'P1D', -1));
    expect(resolveDuration(cal, from, { workingDays: 5 })).toEqual(china('2025-10-14T23:59:59'));
    expect(resolveDuration(cal, from, { workingDays: 0 })).toEqual(from);
    expect(resolveDurationDetailed(cal, from, { workingDays: 1 }, -1)).toEqual({
      at: china('2025-09-29T23:59:59'),
      covered: true,
    });
    expect(() => resolveDuration(cal, from, { workingDays: 1.5 })).toThrow(RangeError);
    expect(() => resolveDuration(cal, from, { workingDays: 5, days: 1 } as never)).toThrow(RangeError);
  });
  it('tells a policy duration from anything else', () => {
    expect(isPolicyDuration('P5D')).toBe(true);
    expect(isPolicyDuration({ workingDays: 5 })).toBe(true);
    for (const value of [{ workingDays: -1 }, { workingDays: 1001 }, { workingDays: '5' }, {}, [], null, '5d'])
      expect({ value, ok: isPolicyDuration(value) }).toEqual({ value, ok: false });
  });
  it('refuses a count that can never end', () => {
    const closed: WorkingCalendar = { ...weekendsOnlyCalendar(), closures: days('2025-01-01', '2036-12-31') };
    expect(() => addWorkingDays(closed, china('2025-01-01T10:00:00'), 1)).toThrow(/no 1 working days/);
  });
  it('refuses a bad slice range', () => {
    expect(calendarRangeProblem('2025-01-01', '2025-12-31')).toBeNull();
    expect(calendarRangeProblem('2025-02-30', '2025-12-31')).toMatch(/from must be a day/);
    expect(calendarRangeProblem('2025-12-31', '2025-01-01')).toMatch(/before from/);
    expect(calendarRangeProblem('2025-01-01', '2045-01-01')).toMatch(/at most/);
  });
});
