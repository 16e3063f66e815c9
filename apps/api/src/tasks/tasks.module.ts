import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EscalationEntity } from '#libs/persistence/entities/escalation.entity';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import { CasesModule } from '../cases/cases.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [TypeOrmModule.forFeature([TaskEntity, EscalationEntity]), CasesModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
