import { Injectable, Logger } from '@nestjs/common';
import { calendarVersion, LocalDay } from '@rectiflow/domain';
import { CalendarRepository, statutoryCalendar, UnitOfWork } from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { isDateOnly } from '../inspections/date-only';
import { MeasureWorkflowsService } from '../measures/measure-workflows.service';

/**
 * The working calendar: the State Council's days from the pinned data package and the
 * administrator's own days. Each change is one transaction that records it in calendar_change (who,
 * when, what) and so gives the calendar a new version; then every running measure whose policy
 * counts working days is told (the calendar_changed Update): it fetches the calendar again through
 * the worker's activity and re-plans its timers, audited in its trail.
 */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);

  constructor(
    private readonly calendars: CalendarRepository,
    private readonly work: UnitOfWork,
    private readonly workflows: MeasureWorkflowsService,
  ) {}

  /** The change is committed; the running measures that count working days re-plan on it. */
  private async replan<T>(change: Promise<T>): Promise<T> {
    const result = await change;
    const changed = await this.workflows.calendarChanged().catch((error: Error) => {
      this.logger.warn(`running measures were not re-planned on the new calendar: ${error.message}`);
      return 0;
    });
    if (changed) this.logger.log(`${changed} running measure(s) re-planned on the new calendar`);
    return result;
  }

  /**
   * Every running measure on working days fetches the calendar again; those whose version moved (a
   * day changed, or a new data package after a deployment) re-plan and record it. Answers how many.
   */
  replanRunning(): Promise<number> {
    return this.workflows.calendarChanged();
  }

  async year(year: number) {
    const statutory = statutoryCalendar();
    const prefix = `${year}-`;
    const local = await this.calendars.localDays(`${year}-01-01`, `${year}-12-31`);
    const entered = local.years.find((entry) => entry.year === year) ?? null;
    const coveredBy = statutory.years.includes(year) ? 'package' : entered ? 'office' : null;
    return {
      year,
      version: calendarVersion(statutory, local.lastChange),
      source: statutory.source,
      covered: coveredBy !== null,
      coveredBy,
      entered,
      holidays: statutory.holidays.filter((entry) => entry.day.startsWith(prefix)),
      workdays: statutory.workdays.filter((entry) => entry.day.startsWith(prefix)),
      localDays: local.days,
    };
  }

  addDay(actor: RequestActor, day: LocalDay) {
    return this.replan(
      this.work.run(async (tx) => {
        await this.calendars.lockChanges(tx);
        if (!(await this.calendars.insertDay(day, actor.personId, tx))) {
          const existing = await this.calendars.findDay(day.day, tx);
          throw new DomainError(
            ErrorCode.Conflict,
            `${day.day} already has a day of the office's own (${existing?.kind} ${existing?.name}); remove it first`,
          );
        }
        const change = await this.calendars.recordChange('add', day, actor.personId, tx);
        return {
          version: calendarVersion(statutoryCalendar(), change),
          day: await this.calendars.findDay(day.day, tx),
        };
      }),
    );
  }

  removeDay(actor: RequestActor, day: string) {
    if (!isDateOnly(day)) throw new DomainError(ErrorCode.InvalidInput, 'day must be a date written YYYY-MM-DD');
    return this.replan(
      this.work.run(async (tx) => {
        await this.calendars.lockChanges(tx);
        const existing = await this.calendars.findDay(day, tx);
        const removed = existing ? await this.calendars.deleteDay(day, tx) : null;
        if (!existing || !removed) throw new DomainError(ErrorCode.NotFound, `${day} has no day of the office's own`);
        const change = await this.calendars.recordChange('remove', removed, actor.personId, tx);
        return { version: calendarVersion(statutoryCalendar(), change), day: existing };
      }),
    );
  }

  /**
   * The administrator has entered a year's State Council arrangement as the office's own days before
   * the data package carries it: the year counts as covered. Refused for a year the package covers.
   */
  enterYear(actor: RequestActor, year: number, note: string) {
    if (statutoryCalendar().years.includes(year))
      throw new DomainError(
        ErrorCode.Conflict,
        `${year} is in the data package (${statutoryCalendar().source}) already`,
      );
    return this.replan(
      this.work.run(async (tx) => {
        await this.calendars.lockChanges(tx);
        if (!(await this.calendars.insertYear(year, note, actor.personId, tx)))
          throw new DomainError(ErrorCode.Conflict, `${year} was entered by hand already`);
        const change = await this.calendars.recordChange(
          'cover',
          { day: `${year}-01-01`, kind: 'year', name: note },
          actor.personId,
          tx,
        );
        return {
          version: calendarVersion(statutoryCalendar(), change),
          entered: await this.calendars.findYear(year, tx),
        };
      }),
    );
  }

  /** Takes back the entry of a year: it counts weekends only again (with the office's days) until the package carries it. */
  removeYear(actor: RequestActor, yearText: string) {
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 2000 && year <= 2100))
      throw new DomainError(ErrorCode.InvalidInput, 'year must be a whole number from 2000 to 2100');
    return this.replan(
      this.work.run(async (tx) => {
        await this.calendars.lockChanges(tx);
        const entered = await this.calendars.findYear(year, tx);
        if (!entered || !(await this.calendars.deleteYear(year, tx)))
          throw new DomainError(ErrorCode.NotFound, `${year} was not entered by hand`);
        const change = await this.calendars.recordChange(
          'uncover',
          { day: `${year}-01-01`, kind: 'year', name: entered.note },
          actor.personId,
          tx,
        );
        return { version: calendarVersion(statutoryCalendar(), change), entered };
      }),
    );
  }

  changes(limit: number) {
    return this.calendars.changes(limit);
  }
}
