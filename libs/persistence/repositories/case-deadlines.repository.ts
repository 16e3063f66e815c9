import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { CaseDeadlineEntity } from '../entities/case-deadline.entity';

/** The case-level deadlines the decision stage keeps (`case_deadlines`). */
@Injectable()
export class CaseDeadlinesRepository {
  private readonly deadlines: Repository<CaseDeadlineEntity>;

  constructor(db: DataSource) {
    this.deadlines = db.getRepository(CaseDeadlineEntity);
  }

  /** Soonest first. */
  deadlinesOfCase(caseId: string, skip: number, take: number): Promise<[CaseDeadlineEntity[], number]> {
    return this.deadlines.findAndCount({ where: { caseId }, order: { dueAt: 'ASC', kind: 'ASC' }, skip, take });
  }

  /** The decision stage began (the case was filed): its deadline is kept. */
  started(caseId: string): Promise<boolean> {
    return this.deadlines.existsBy({ caseId, kind: 'decision' });
  }
}
