import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvFileEntity, CaseDefectEntity, EvidenceRecordEntity } from '#libs/persistence/entities/evidence.entity';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import { UserEntity } from '#libs/persistence/entities/user.entity';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { CoerciveMeasureEntity } from '#libs/persistence/entities/coercive-measure.entity';
import { AvStorage } from './av-storage';
import { ConfidentialityService } from './confidentiality.service';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';
import { InvestigationController } from './investigation.controller';
import { InvestigationService } from './investigation.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([EvidenceRecordEntity, AvFileEntity, CaseDefectEntity, TaskEntity, UserEntity, CoerciveMeasureEntity]),
    CasesModule,
    CalendarModule,
  ],
  controllers: [InvestigationController, MeasuresController],
  providers: [InvestigationService, MeasuresService, AvStorage, ConfidentialityService],
  exports: [AvStorage, ConfidentialityService],
})
export class InvestigationModule {}
