import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LOCAL_DAY_KINDS, LocalDayKind } from '@rectiflow/domain';
import { IsDateOnly } from '../inspections/date-only';
import { EnumField, TextField, Type } from '../common/validation';

/** The year of the calendar to show. */
export class CalendarYearQuery {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

/** The administrator's own day: a local holiday or an office closure (off), an extra working day (on). */
export class AddCalendarDayDto {
  @ApiProperty({ format: 'date', example: '2026-05-06' })
  @IsDateOnly()
  day: string;

  @EnumField(LOCAL_DAY_KINDS, {
    description: 'holiday: a local holiday (off); closure: the office closed (off); workday: an extra working day (on)',
  })
  kind: LocalDayKind;

  @TextField({ min: 1, max: 100, example: '办公楼停电检修' })
  name: string;
}

/** A year whose State Council arrangement the administrator has entered by hand as the office's own days. */
export class EnterCalendarYearDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @TextField({ min: 1, max: 100, example: '按国办发明电〔2026〕号通知录入' })
  note: string;
}

/** How many recorded changes to list. */
export class CalendarChangesQuery {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
