import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ServiceController } from './service.controller';
import { ServicesRepository } from '#libs/persistence/repositories/services.repository';
import { ServiceService } from './service.service';

@Module({
  imports: [CasesModule],
  controllers: [ServiceController],
  providers: [ServiceService, ServicesRepository],
})
export class ServiceModule {}
