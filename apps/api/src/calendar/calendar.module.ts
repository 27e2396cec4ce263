import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The working calendar: statutory holidays and 调休 from the data package, the office's own days. */
@Module({ imports: [MeasuresModule], controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
