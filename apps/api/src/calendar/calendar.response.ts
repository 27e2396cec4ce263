import { ApiProperty } from '@nestjs/swagger';
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

/** A year entered by hand: who, when, after what. */
export class EnteredYearResponse {
  @Res.int()
  year: number;

  @Res.text()
  note: string;

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

  // Written out: a named enum cannot be nullable in the document (openapi-typescript wants a type beside nullable).
  @ApiProperty({
    type: 'string',
    enum: ['package', 'office'],
    nullable: true,
    required: true,
    description: 'package: in the data package; office: entered by hand by the administrator; null: not covered',
  })
  coveredBy: 'package' | 'office' | null;

  @Res.one(() => EnteredYearResponse, { nullable: true, description: 'the administrator’s entry of this year, if any' })
  entered: EnteredYearResponse | null;

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

/** The answer to entering a year or taking the entry back: the year and the calendar's new version. */
export class CalendarYearChangeResponse {
  @Res.text()
  version: string;

  @Res.one(() => EnteredYearResponse)
  entered: EnteredYearResponse;
}

/** A recorded change to the administrator's days and years. */
export class CalendarChangeResponse {
  @Res.int({ description: 'the change number: the local part of the version it made' })
  id: number;

  @Res.enum(['add', 'remove', 'cover', 'uncover'], 'CalendarChangeAction', {
    description: 'add/remove a day; cover/uncover a year entered by hand',
  })
  action: string;

  @Res.date({ description: 'the day (a year: its 1 January)' })
  day: string;

  @Res.enum([...LOCAL_DAY_KINDS, 'year'], 'CalendarChangeKind')
  kind: string;

  @Res.text({ description: "the day's name, or the year's note" })
  name: string;

  @Res.id()
  actorId: string;

  @Res.text()
  actorName: string;

  @Res.dateTime()
  occurredAt: string;
}

/** The answer to a re-plan: how many running measures took a changed calendar. */
export class CalendarReplanResponse {
  @Res.int({
    description: 'running measures whose calendar version moved and whose working-day limits were re-planned',
  })
  replanned: number;
}
