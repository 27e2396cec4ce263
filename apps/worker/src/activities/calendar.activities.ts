import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { calendarRangeProblem, WorkingCalendar } from '@rectiflow/domain';
import { CalendarRepository, readWorkingCalendar } from '@rectiflow/persistence';
import type { CalendarActivities, WorkingCalendarRequest } from '@rectiflow/workflows/calendar.types';

/**
 * Hands a workflow the working calendar for a range of days: the pinned package's statutory holidays
 * and 调休 days with the administrator's days from PostgreSQL, and the calendar's version. Read-only;
 * what it answers goes into the workflow's history, which is how a calendar that changes reaches
 * running workflows without breaking their replay.
 */
@Injectable()
export class WorkingCalendarActivities implements CalendarActivities {
  constructor(private readonly calendars: CalendarRepository) {}

  async workingCalendar(request: WorkingCalendarRequest): Promise<WorkingCalendar> {
    const problem = calendarRangeProblem(request?.from, request?.to);
    if (problem) throw ApplicationFailure.create({ type: 'INVALID_INPUT', message: problem, nonRetryable: true });
    return readWorkingCalendar(this.calendars, request.from, request.to);
  }
}
