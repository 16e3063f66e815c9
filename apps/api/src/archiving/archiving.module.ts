import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { InvestigationModule } from '../investigation/investigation.module';
import { ArchivingController } from './archiving.controller';
import { ArchivingService } from './archiving.service';
import { CaseFileExportController } from './case-file-export.controller';
import { CaseFileExportService } from './case-file-export.service';

@Module({
  imports: [CasesModule, CalendarModule, InvestigationModule],
  controllers: [ArchivingController, CaseFileExportController],
  providers: [ArchivingService, CaseFileExportService],
})
export class ArchivingModule {}
