import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseOperationEntity } from '#libs/persistence/entities/case-operation.entity';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { CaseOperationsController } from './case-operations.controller';
import { CaseOperationsRepository } from './case-operations.repository';
import { CaseOperationsService } from './case-operations.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseOperationEntity]), CasesModule, CalendarModule],
  controllers: [CaseOperationsController],
  providers: [CaseOperationsService, CaseOperationsRepository],
})
export class CaseOperationsModule {}
