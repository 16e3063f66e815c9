import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ServiceController } from './service.controller';
import { ServiceOfDocuments } from './service-of-documents';

@Module({
  imports: [CasesModule],
  controllers: [ServiceController],
  providers: [ServiceOfDocuments],
})
export class ServiceModule {}
