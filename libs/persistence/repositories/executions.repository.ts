import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { ExecutionEntity } from '../entities/execution.entity';

/** The `executions` projection: whether a case's execution started, its state and last view. */
@Injectable()
export class ExecutionsRepository {
  private readonly executions: Repository<ExecutionEntity>;

  constructor(db: DataSource) {
    this.executions = db.getRepository(ExecutionEntity);
  }

  findOfCase(caseId: string): Promise<Pick<ExecutionEntity, 'state' | 'view'> | null> {
    return this.executions.findOne({ select: { state: true, view: true }, where: { caseId } });
  }
}
