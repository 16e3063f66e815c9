import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExecutionEntity } from '#libs/persistence/entities/execution.entity';
import { CasesModule } from '../cases/cases.module';
import { ExecutionController } from './execution.controller';
import { ExecutionRepository } from './execution.repository';
import { ExecutionService } from './execution.service';

@Module({
  imports: [TypeOrmModule.forFeature([ExecutionEntity]), CasesModule],
  controllers: [ExecutionController],
  providers: [ExecutionService, ExecutionRepository],
})
export class ExecutionModule {}
