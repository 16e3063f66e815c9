import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvFileEntity, CaseDefectEntity, EvidenceRecordEntity } from '../../../../libs/persistence/entities/evidence.entity';
import { TaskEntity } from '../../../../libs/persistence/entities/task.entity';
import { UserEntity } from '../../../../libs/persistence/entities/user.entity';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { AvStorage } from './av-storage';
import { InvestigationController } from './investigation.controller';
import { InvestigationService } from './investigation.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([EvidenceRecordEntity, AvFileEntity, CaseDefectEntity, TaskEntity, UserEntity]),
    CasesModule,
    CalendarModule,
  ],
  controllers: [InvestigationController],
  providers: [InvestigationService, AvStorage],
})
export class InvestigationModule {}
