import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { InvestigationModule } from '../investigation/investigation.module';
import { ArchivingController } from './archiving.controller';
import { ArchivingService } from './archiving.service';
import { CaseFileRepository } from '#libs/persistence/repositories/case-file.repository';

@Module({
  imports: [CasesModule, CalendarModule, InvestigationModule],
  controllers: [ArchivingController],
  providers: [ArchivingService, CaseFileRepository],
})
export class ArchivingModule {}
