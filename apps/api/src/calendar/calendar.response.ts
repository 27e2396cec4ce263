import { LOCAL_DAY_KINDS } from '@rectiflow/domain';
import { Res } from '../common/response-fields';

/** A day of the State Council's arrangement. */
export class StatutoryDayResponse {
  @Res.date()
  day: string;

  @Res.text({ description: 'the holiday it belongs to (春节, 国庆节…)' })
  name: string;
}

/** One of the administrator's days. */
export class LocalDayResponse {
  @Res.date()
  day: string;

  @Res.enum(LOCAL_DAY_KINDS, 'LocalDayKind', { description: 'holiday and closure are days off, workday is on' })
  kind: string;

  @Res.text()
  name: string;

  @Res.id()
  createdBy: string;

  @Res.text()
  createdByName: string;

  @Res.dateTime()
  createdAt: string;
}

/** A year of the working calendar. */
export class CalendarYearResponse {
  @Res.int()
  year: number;

  @Res.text({ description: 'changes with every change to the calendar (the data package or a local day)' })
  version: string;

  @Res.text({ description: 'the statutory data: package and version' })
  source: string;

  @Res.bool({
    description:
      "whether the State Council's arrangement of this year is in the data; if not, weekends only (and the local days)",
  })
  covered: boolean;

  @Res.many(() => StatutoryDayResponse, { description: 'statutory rest days (whole holiday spans)' })
  holidays: StatutoryDayResponse[];

  @Res.many(() => StatutoryDayResponse, { description: '调休: weekend days that are working days' })
  workdays: StatutoryDayResponse[];

  @Res.many(() => LocalDayResponse)
  localDays: LocalDayResponse[];
}

/** The answer to a change: the day and the calendar's new version. */
export class CalendarDayChangeResponse {
  @Res.text()
  version: string;

  @Res.one(() => LocalDayResponse)
  day: LocalDayResponse;
}

/** A recorded change to the administrator's days. */
export class CalendarChangeResponse {
  @Res.int({ description: 'the change number: the local part of the version it made' })
  id: number;

  @Res.enum(['add', 'remove'], 'CalendarChangeAction')
  action: string;

  @Res.date()
  day: string;

  @Res.enum(LOCAL_DAY_KINDS, 'LocalDayKind')
  kind: string;

  @Res.text()
  name: string;

  @Res.id()
  actorId: string;

  @Res.text()
  actorName: string;

  @Res.dateTime()
  occurredAt: string;
}
