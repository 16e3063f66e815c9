import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CalendarStore } from './calendar.store';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarStore],
  exports: [CalendarStore],
})
export class CalendarModule {}
