import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { SummaryController } from './summary.controller';
import { SummaryService } from './summary.service';

@Module({ imports: [CasesModule, CalendarModule], controllers: [SummaryController], providers: [SummaryService] })
export class SummaryModule {}
