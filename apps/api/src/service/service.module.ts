import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ServiceController } from './service.controller';
import { ServiceService } from './service.service';

@Module({
  imports: [CasesModule],
  controllers: [ServiceController],
  providers: [ServiceService],
})
export class ServiceModule {}
