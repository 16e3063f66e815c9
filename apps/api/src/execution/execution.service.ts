import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { Actor } from '#libs/domain/roles';
import {
  ExecutionView,
  applyToCourtUpdate,
  decideCompulsoryExecutionUpdate,
  draftDemandNoticeUpdate,
  recordCompulsoryResultUpdate,
  executionQuery,
  recordCourtResultUpdate,
  recordDemandStatementUpdate,
  recordPaymentUpdate,
  recordRemedyUpdate,
} from '#libs/messages/execution';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { notInFuture } from '../common/times';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import {
  CompulsoryExecutionDto,
  CompulsoryResultDto,
  CourtApplicationDto,
  CourtResultDto,
  DemandNoticeDto,
  DemandStatementDto,
  PaymentDto,
  RemedyDto,
} from './execution.dto';
import { ExecutionsRepository } from '#libs/persistence/repositories/executions.repository';
import { ExecutionResponse, mapExecution } from './execution.response';

/** Execution of a served decision: each change goes to its workflow as an Update (the authority). */
@Injectable()
export class ExecutionService {
  constructor(
    private readonly cases: CasesService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly executions: ExecutionsRepository,
  ) {}

  /** Live while it runs (the surcharge computed at `on`, default now); from the projection once ended. */
  async view(actor: Actor, caseId: string, on?: string): Promise<ExecutionResponse> {
    const row = await this.row(actor, caseId);
    if (row.state === 'ended') return mapExecution(row.view);
    return mapExecution(await this.workflows.read({ kind: 'execution', caseId }, executionQuery, on ?? new Date().toISOString()));
  }

  payment(actor: Actor, caseId: string, dto: PaymentDto) {
    notInFuture(dto, 'paidAt');
    return this.send(
      actor,
      caseId,
      recordPaymentUpdate,
      { paidAt: dto.paidAt, amountFen: Math.round(dto.amountYuan * 100), receipt: dto.receipt, by: actor },
      'payment',
    );
  }

  remedy(actor: Actor, caseId: string, dto: RemedyDto) {
    notInFuture(dto, 'at');
    return this.send(actor, caseId, recordRemedyUpdate, { ...dto, by: actor }, 'remedy');
  }

  demandNotice(actor: Actor, caseId: string, dto: DemandNoticeDto) {
    return this.send(actor, caseId, draftDemandNoticeUpdate, { ...dto, by: actor }, 'demand-notice');
  }

  demandStatement(actor: Actor, caseId: string, dto: DemandStatementDto) {
    notInFuture(dto, 'receivedAt');
    return this.send(actor, caseId, recordDemandStatementUpdate, { ...dto, by: actor }, 'demand-statement');
  }

  courtApplication(actor: Actor, caseId: string, dto: CourtApplicationDto) {
    notInFuture(dto, 'appliedAt');
    return this.send(actor, caseId, applyToCourtUpdate, { ...dto, by: actor }, 'court-application');
  }

  courtResult(actor: Actor, caseId: string, dto: CourtResultDto) {
    notInFuture(dto, 'at');
    return this.send(actor, caseId, recordCourtResultUpdate, { ...dto, by: actor }, 'court-result');
  }

  compulsory(actor: Actor, caseId: string, dto: CompulsoryExecutionDto) {
    notInFuture(dto, 'decidedAt');
    return this.send(actor, caseId, decideCompulsoryExecutionUpdate, { ...dto, by: actor }, 'compulsory');
  }

  compulsoryResult(actor: Actor, caseId: string, dto: CompulsoryResultDto) {
    notInFuture(dto, 'at');
    return this.send(actor, caseId, recordCompulsoryResultUpdate, { ...dto, by: actor }, 'compulsory-result');
  }

  private async row(actor: Actor, caseId: string): Promise<{ state: string; view: ExecutionView }> {
    await this.cases.findForActor(actor, caseId);
    const row = await this.executions.findOfCase(caseId);
    if (!row) throw new ApiException('EXECUTION_NOT_STARTED');
    return row;
  }

  /** To the case's execution workflow; the same request twice is one change. */
  private async send<A extends { by: Actor }>(
    actor: Actor,
    caseId: string,
    update: UpdateDefinition<ExecutionView, [A]>,
    arg: A,
    what: string,
  ): Promise<ExecutionResponse> {
    const row = await this.row(actor, caseId);
    if (row.state === 'ended') throw new ApiException('EXECUTION_ENDED');
    return mapExecution(await this.workflows.command({ kind: 'execution', caseId }, update, arg, what, caseId));
  }
}
