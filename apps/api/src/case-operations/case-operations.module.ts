import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { CaseOperationsController } from './case-operations.controller';
import { CaseOperationsService } from './case-operations.service';

@Module({
  imports: [CasesModule, CalendarModule],
  controllers: [CaseOperationsController],
  providers: [CaseOperationsService],
})
export class CaseOperationsModule {}
