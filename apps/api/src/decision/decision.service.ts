import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { Repository } from 'typeorm';
import { Actor } from '../../../../libs/domain/roles';
import { requestDecisionExtensionUpdate, workflowIdForDecision } from '../../../../libs/messages/decision';
import { CaseDeadlineEntity } from '../../../../libs/persistence/entities/case-deadline.entity';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { DecisionExtensionDto } from './decision.dto';

@Injectable()
export class DecisionService {
  constructor(
    private readonly cases: CasesService,
    private readonly temporal: Client,
    @InjectRepository(CaseDeadlineEntity) private readonly deadlines: Repository<CaseDeadlineEntity>,
  ) {}

  async list(actor: Actor, caseId: string) {
    await this.cases.findForActor(actor, caseId);
    const rows = await this.deadlines.find({ where: { caseId }, order: { dueAt: 'ASC' } });
    return rows.map((d) => ({ kind: d.kind, dueAt: d.dueAt.toISOString(), complete: d.dueComplete, extended: d.extended, state: d.state }));
  }

  /** The same request twice is one request: the Update ID derives from the person, the case and the reason. */
  async requestExtension(actor: Actor, caseId: string, dto: DecisionExtensionDto) {
    await this.cases.findForActor(actor, caseId);
    if (!(await this.deadlines.existsBy({ caseId, kind: 'decision' }))) throw new ApiException('DECISION_NOT_STARTED');
    return this.temporal.workflow.getHandle(workflowIdForDecision(caseId)).executeUpdate(requestDecisionExtensionUpdate, {
      args: [{ reason: dto.reason, by: actor }],
      updateId: derivedUuid(actor.id, 'decision-extension', caseId, dto.reason),
    });
  }
}
