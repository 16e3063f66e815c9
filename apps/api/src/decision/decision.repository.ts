import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CaseDeadlineEntity } from '#libs/persistence/entities/case-deadline.entity';

/** The case-level deadlines the decision stage keeps (`case_deadlines`). */
@Injectable()
export class DecisionRepository {
  constructor(@InjectRepository(CaseDeadlineEntity) private readonly deadlines: Repository<CaseDeadlineEntity>) {}

  /** Soonest first. */
  deadlinesOfCase(caseId: string): Promise<CaseDeadlineEntity[]> {
    return this.deadlines.find({ where: { caseId }, order: { dueAt: 'ASC' } });
  }

  /** The decision stage began (the case was filed): its deadline is kept. */
  started(caseId: string): Promise<boolean> {
    return this.deadlines.existsBy({ caseId, kind: 'decision' });
  }
}
