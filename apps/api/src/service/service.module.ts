import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceAddressEntity, ServiceEntity } from '#libs/persistence/entities/service.entity';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import { CasesModule } from '../cases/cases.module';
import { ServiceController } from './service.controller';
import { ServiceRepository } from './service.repository';
import { ServiceService } from './service.service';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceEntity, ServiceAddressEntity, TaskEntity]), CasesModule],
  controllers: [ServiceController],
  providers: [ServiceService, ServiceRepository],
})
export class ServiceModule {}
