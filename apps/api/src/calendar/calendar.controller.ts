import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentActor, RequestActor } from '../common/actor';
import { ApiErrors } from '../common/api-errors';
import { AddCalendarDayDto, CalendarChangesQuery, CalendarYearQuery, EnterCalendarYearDto } from './calendar.dto';
import {
  CalendarChangeResponse,
  CalendarDayChangeResponse,
  CalendarReplanResponse,
  CalendarYearChangeResponse,
  CalendarYearResponse,
} from './calendar.response';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({
    summary:
      'A year of the working calendar: statutory holidays, 调休 working days, the office’s own days, and whether the year is covered',
  })
  @ApiOkResponse({ type: CalendarYearResponse })
  @ApiErrors(400)
  year(@Query() query: CalendarYearQuery) {
    return this.calendar.year(query.year);
  }

  @Post('days')
  @AdminOnly()
  @ApiOperation({
    summary:
      'Add a day of the office’s own: a local holiday or closure (off) or an extra working day (system administrators)',
  })
  @ApiCreatedResponse({ type: CalendarDayChangeResponse })
  @ApiErrors(400, 409)
  add(@CurrentActor() actor: RequestActor, @Body() body: AddCalendarDayDto) {
    return this.calendar.addDay(actor, { day: body.day, kind: body.kind, name: body.name });
  }

  @Delete('days/:day')
  @AdminOnly()
  @ApiOperation({ summary: 'Remove a day of the office’s own (system administrators)' })
  @ApiParam({ name: 'day', example: '2026-05-06', schema: { type: 'string', format: 'date' } })
  @ApiOkResponse({ type: CalendarDayChangeResponse })
  @ApiErrors(400, 404)
  remove(@CurrentActor() actor: RequestActor, @Param('day') day: string) {
    return this.calendar.removeDay(actor, day);
  }

  @Post('years')
  @AdminOnly()
  @ApiOperation({
    summary:
      'Count a year the data package does not carry yet as covered, its State Council arrangement having been entered as the office’s own days (system administrators)',
  })
  @ApiCreatedResponse({ type: CalendarYearChangeResponse })
  @ApiErrors(400, 409)
  enterYear(@CurrentActor() actor: RequestActor, @Body() body: EnterCalendarYearDto) {
    return this.calendar.enterYear(actor, body.year, body.note);
  }

  @Delete('years/:year')
  @AdminOnly()
  @ApiOperation({ summary: 'Take back the entry of a year by hand (system administrators)' })
  @ApiParam({ name: 'year', example: 2027, schema: { type: 'integer', minimum: 2000, maximum: 2100 } })
  @ApiOkResponse({ type: CalendarYearChangeResponse })
  @ApiErrors(400, 404)
  removeYear(@CurrentActor() actor: RequestActor, @Param('year') year: string) {
    return this.calendar.removeYear(actor, year);
  }

  @Post('replan')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Tell every running measure that counts working days to fetch the calendar again (system administrators), e.g. after the data package was upgraded with a new year; a measure whose calendar did not change is left as it is',
  })
  @ApiOkResponse({ type: CalendarReplanResponse })
  @ApiErrors()
  async replan() {
    return { replanned: await this.calendar.replanRunning() };
  }

  @Get('changes')
  @AdminOnly()
  @ApiOperation({
    summary: 'The record of changes to the office’s own days and years, newest first (system administrators)',
  })
  @ApiOkResponse({ type: CalendarChangeResponse, isArray: true })
  @ApiErrors(400)
  changes(@Query() query: CalendarChangesQuery) {
    return this.calendar.changes(query.limit ?? 100);
  }
}
