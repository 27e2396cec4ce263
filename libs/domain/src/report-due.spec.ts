import { reportDue, reportReminders, reportTimerDue } from './report-due';
import type { WorkingCalendar } from './working-days';

/** 2026 国庆 (国办发明电〔2025〕7号): 10-01…10-07 off, Sunday 09-20 and Saturday 10-10 working. */
const calendar: WorkingCalendar = {
  version: 'test',
  years: [2026],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
  closures: [],
  openings: [],
};

describe('the 整改报告 due date (报送时限)', () => {
  it('is two calendar months after the feedback day by default, at the end of that day (China time)', () => {
    expect(reportDue('2026-01-15', {}, calendar)).toEqual({
      dueOn: '2026-03-15',
      dueAt: new Date('2026-03-15T15:59:59.000Z'),
    });
  });

  it('counts working days after the feedback day, over 国庆 and its 调休 Saturday', () => {
    // Feedback on Wed 09-30: Thu 10-08, Fri 10-09, Sat 10-10 (调休), Mon 10-12, Tue 10-13.
    expect(reportDue('2026-09-30', { reportWithin: { workingDays: 5 } }, calendar)).toEqual({
      dueOn: '2026-10-13',
      dueAt: new Date('2026-10-13T15:59:59.000Z'),
    });
  });

  it('takes a duration with a time part exactly (compressed tests)', () => {
    const { dueAt } = reportDue('2026-03-02', { reportWithin: 'PT30S' }, calendar);
    expect(dueAt.toISOString()).toBe('2026-03-01T16:00:30.000Z');
  });

  it('reminds before the due date, earliest first, and says what is due at a moment', () => {
    const dueAt = new Date('2026-10-13T15:59:59.000Z');
    const reminders = reportReminders(dueAt, { remindBefore: ['P1D', { workingDays: 3 }] }, calendar);
    expect(reminders.map((at) => at.toISOString())).toEqual([
      // Three working days before Tue 10-13's end leave Sat 10-10 (调休), Mon 10-12 and Tue 10-13 to go: the end of Fri 10-09.
      '2026-10-09T15:59:59.000Z',
      '2026-10-12T15:59:59.000Z',
    ]);
    expect(reportTimerDue(dueAt, reminders, new Date('2026-10-01T00:00:00Z'))).toBeNull();
    expect(reportTimerDue(dueAt, reminders, new Date('2026-10-10T00:00:00Z'))).toEqual({
      kind: 'reminder',
      at: reminders[0],
    });
    expect(reportTimerDue(dueAt, reminders, new Date('2026-10-13T00:00:00Z'))).toEqual({
      kind: 'reminder',
      at: reminders[1],
    });
    expect(reportTimerDue(dueAt, reminders, dueAt)).toEqual({ kind: 'overdue' });
  });
});
