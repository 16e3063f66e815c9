import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CASE_OPERATION_LABELS, CaseOperationKind, operationRefusal } from '#libs/domain/case-operations';
import { Actor } from '#libs/domain/roles';
import { CaseOperationInput, caseOperationRequestedUpdate } from '#libs/messages/case-operations';
import { escalationRules } from '#libs/domain/escalation';
import { CalendarStore } from '../calendar/calendar.store';
import { clockView } from '../cases/cases.mapper';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { CaseOperationDto } from './case-operations.dto';

interface OperationRow {
  id: string;
  kind: CaseOperationKind;
  reason: string;
  legal_basis: string | null;
  transfer: unknown;
  requested_by: string;
  requested_at: Date;
  status: string;
  decided_by: string | null;
  decided_at: Date | null;
  opinion: string | null;
  receipt: unknown;
}

@Injectable()
export class CaseOperationsService {
  constructor(
    private readonly cases: CasesService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly db: DataSource,
    private readonly calendar: CalendarStore,
  ) {}

  /**
   * Records the request and opens the chief's task. One operation at a time per case: the
   * database's unique index is the last word when two requests race.
   */
  async request(actor: Actor, caseId: string, dto: CaseOperationDto, key?: string) {
    const c = await this.cases.findForActor(actor, caseId);
    if (dto.kind === 'transfer' && !dto.transfer) {
      throw new ApiException('VALIDATION_FAILED', [{ field: 'transfer', code: 'REQUIRED', message: '移送须写明移送对象' }]);
    }
    const operationId = key ? derivedUuid(actor.id, 'case-operation', caseId, key) : randomUUID();
    const [open] = await this.db.query(
      `SELECT id FROM case_operations WHERE case_id = $1 AND id <> $2 AND (status = 'pending' OR (kind = 'transfer' AND status = 'approved'))`,
      [caseId, operationId],
    );
    const refusal = operationRefusal(dto.kind, { status: c.status, suspended: !!c.clock.suspended, pendingOperation: !!open });
    if (refusal) throw new ApiException(refusal);
    try {
      await this.db.query(
        `INSERT INTO case_operations (id, case_id, agency_id, kind, reason, legal_basis, transfer, requested_by, requested_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), 'pending') ON CONFLICT (id) DO NOTHING`,
        [operationId, caseId, c.agencyId, dto.kind, dto.reason, dto.legalBasis ?? null, dto.transfer ? JSON.stringify(dto.transfer) : null, actor.id],
      );
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new ApiException('CASE_OPERATION_PENDING');
      throw e;
    }
    const profile = this.cases.profileOf(c);
    const input: CaseOperationInput = {
      operationId, caseId, agencyId: c.agencyId, kind: dto.kind, reason: dto.reason, legalBasis: dto.legalBasis,
      transfer: dto.transfer && { ...dto.transfer }, by: actor, handlingOfficerId: c.handlingOfficerId,
      profile: { regulationTitle: profile.regulation.title, archiving: profile.archiving }, calendar: await this.calendar.schedules(), escalation: escalationRules(profile),
    };
    const state = await this.workflows.updateWithStart('caseOperation', input, caseOperationRequestedUpdate);
    return { operationId, kind: dto.kind, kindLabel: CASE_OPERATION_LABELS[dto.kind], status: 'pending', task: state.openTasks[0] ?? null };
  }

  /** The case's operations, newest first, with the chief's decision and a transfer's receipt. */
  async list(actor: Actor, caseId: string) {
    const c = await this.cases.findForActor(actor, caseId);
    const rows: OperationRow[] = await this.db.query('SELECT * FROM case_operations WHERE case_id = $1 ORDER BY requested_at DESC, id', [caseId]);
    return {
      clock: { ...clockView(c.clock), pauses: c.clock.pauses.map(({ from, to }) => ({ from, to: to ?? null })) },
      items: rows.map((r) => ({
        id: r.id, kind: r.kind, kindLabel: CASE_OPERATION_LABELS[r.kind], reason: r.reason, legalBasis: r.legal_basis, transfer: r.transfer,
        requestedBy: r.requested_by, requestedAt: r.requested_at.toISOString(), status: r.status, decidedBy: r.decided_by,
        decidedAt: r.decided_at?.toISOString() ?? null, opinion: r.opinion, receipt: r.receipt,
      })),
    };
  }
}
