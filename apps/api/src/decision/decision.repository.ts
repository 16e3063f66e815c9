import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CaseDeadlineEntity } from '#libs/persistence/entities/case-deadline.entity';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import type { TaskKind } from '#libs/domain/tasks';

/** The case-level deadlines the decision stage keeps, and its open tasks. */
@Injectable()
export class DecisionRepository {
  constructor(
    @InjectRepository(CaseDeadlineEntity) private readonly deadlines: Repository<CaseDeadlineEntity>,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
  ) {}

  /** Soonest first. */
  deadlinesOfCase(caseId: string): Promise<CaseDeadlineEntity[]> {
    return this.deadlines.find({ where: { caseId }, order: { dueAt: 'ASC' } });
  }

  /** The decision stage began (the case was filed): its deadline is kept. */
  started(caseId: string): Promise<boolean> {
    return this.deadlines.existsBy({ caseId, kind: 'decision' });
  }

  openTask(caseId: string, kind: TaskKind): Promise<TaskEntity | null> {
    return this.tasks.findOneBy({ caseId, kind, status: 'open' });
  }
}
