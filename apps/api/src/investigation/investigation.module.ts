import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { AvStorage } from './av-storage';
import { AvUploadService } from './av-upload.service';
import { ConfidentialityService } from './confidentiality.service';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';
import { InvestigationController } from './investigation.controller';
import { InvestigationService } from './investigation.service';

@Module({
  imports: [CasesModule, CalendarModule],
  controllers: [InvestigationController, MeasuresController],
  providers: [InvestigationService, AvUploadService, MeasuresService, AvStorage, ConfidentialityService],
  exports: [AvStorage, ConfidentialityService],
})
export class InvestigationModule {}
