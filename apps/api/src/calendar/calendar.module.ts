import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The working calendar: statutory holidays and 调休 from the data package, the office's own days. */
@Module({ controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
