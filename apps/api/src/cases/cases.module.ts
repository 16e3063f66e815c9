import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CaseRefs } from './case-refs';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  providers: [CasesService, CaseRefs],
  exports: [CasesService, CaseRefs],
})
export class CasesModule {}
