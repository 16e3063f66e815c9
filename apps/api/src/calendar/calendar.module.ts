import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarYearEntity } from '#libs/persistence/entities/calendar-year.entity';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CalendarStore } from './calendar.store';

@Module({
  imports: [TypeOrmModule.forFeature([CalendarYearEntity])],
  controllers: [CalendarController],
  providers: [CalendarService, CalendarStore],
  exports: [CalendarStore],
})
export class CalendarModule {}
