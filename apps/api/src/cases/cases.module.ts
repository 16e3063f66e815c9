import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseRecordEntity } from '#libs/persistence/entities/case-record.entity';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { CasesController } from './cases.controller';
import { CaseRefs } from './case-refs';
import { CasesService } from './cases.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, CaseRecordEntity])],
  controllers: [CasesController],
  providers: [CasesService, CaseRefs],
  exports: [CasesService, CaseRefs],
})
export class CasesModule {}
