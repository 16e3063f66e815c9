import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ExecutionController } from './execution.controller';
import { ExecutionsRepository } from '#libs/persistence/repositories/executions.repository';
import { ExecutionService } from './execution.service';

@Module({
  imports: [CasesModule],
  controllers: [ExecutionController],
  providers: [ExecutionService, ExecutionsRepository],
})
export class ExecutionModule {}
