import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ExecutionEntity } from '#libs/persistence/entities/execution.entity';

/** The `executions` projection: whether a case's execution started, its state and last view. */
@Injectable()
export class ExecutionRepository {
  constructor(@InjectRepository(ExecutionEntity) private readonly executions: Repository<ExecutionEntity>) {}

  findOfCase(caseId: string): Promise<Pick<ExecutionEntity, 'state' | 'view'> | null> {
    return this.executions.findOne({ select: { state: true, view: true }, where: { caseId } });
  }
}
