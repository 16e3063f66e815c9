import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CaseRefs } from './case-refs';
import { CasesService } from './cases.service';
import { OfficerCertificates } from './officer-certificates';

@Module({
  controllers: [CasesController],
  providers: [CasesService, CaseRefs, OfficerCertificates],
  exports: [CasesService, CaseRefs, OfficerCertificates],
})
export class CasesModule {}
