import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CASE_OPERATION_LABELS, operationRefusal } from '#libs/domain/case-operations';
import { Actor } from '#libs/domain/roles';
import { CaseOperationInput, caseOperationRequestedUpdate } from '#libs/messages/case-operations';
import { escalationRules } from '#libs/domain/escalation';
import { CalendarStore } from '../calendar/calendar.store';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { CaseOperationDto } from './case-operations.dto';
import { CaseOperationsRepository } from '#libs/persistence/repositories/case-operations.repository';
import { CaseOperationRequestResponse, CaseOperationsResponse, mapCaseClock, mapCaseOperation } from './case-operations.response';
import { mapTaskRef } from '../common/stage-responses';

@Injectable()
export class CaseOperationsService {
  constructor(
    private readonly cases: CasesService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly operations: CaseOperationsRepository,
    private readonly calendar: CalendarStore,
  ) {}

  /**
   * Records the request and opens the chief's task. One operation at a time per case: the
   * database's unique index is the last word when two requests race.
   */
  async request(actor: Actor, caseId: string, dto: CaseOperationDto, key?: string): Promise<CaseOperationRequestResponse> {
    const c = await this.cases.findForActor(actor, caseId);
    if (dto.kind === 'transfer' && !dto.transfer) {
      throw new ApiException('VALIDATION_FAILED', [{ field: 'transfer', code: 'REQUIRED', message: '移送须写明移送对象' }]);
    }
    const operationId = key ? derivedUuid(actor.id, 'case-operation', caseId, key) : randomUUID();
    const pendingOperation = await this.operations.anotherOpen(caseId, operationId);
    const refusal = operationRefusal(dto.kind, { status: c.status, suspended: !!c.clock.suspended, pendingOperation });
    if (refusal) throw new ApiException(refusal);
    const added = await this.operations.addPending({
      id: operationId,
      caseId,
      agencyId: c.agencyId,
      kind: dto.kind,
      reason: dto.reason,
      legalBasis: dto.legalBasis ?? null,
      transfer: dto.transfer ? { ...dto.transfer } : null,
      requestedBy: actor.id,
    });
    if (added === 'another_open') throw new ApiException('CASE_OPERATION_PENDING');
    const profile = await this.cases.profileOf(c);
    const input: CaseOperationInput = {
      operationId,
      caseId,
      agencyId: c.agencyId,
      kind: dto.kind,
      reason: dto.reason,
      legalBasis: dto.legalBasis,
      transfer: dto.transfer && { ...dto.transfer },
      by: actor,
      handlingOfficerId: c.handlingOfficerId,
      profile: { regulationTitle: profile.regulation.title, archiving: profile.archiving },
      calendar: await this.calendar.schedules(),
      escalation: escalationRules(profile),
    };
    const state = await this.workflows.updateWithStart('caseOperation', input, caseOperationRequestedUpdate);
    const task = state.openTasks[0];
    return {
      operationId,
      kind: dto.kind,
      kindLabel: CASE_OPERATION_LABELS[dto.kind],
      status: 'pending',
      task: task ? mapTaskRef(task) : null,
    };
  }

  /** The case's operations, newest first, with the chief's decision and a transfer's receipt. */
  async list(actor: Actor, caseId: string): Promise<CaseOperationsResponse> {
    const c = await this.cases.findForActor(actor, caseId);
    return { clock: mapCaseClock(c.clock), items: (await this.operations.ofCase(caseId)).map(mapCaseOperation) };
  }
}
