import { CASE_SOURCE_LABELS, CASE_STATUS_LABELS } from '#libs/domain/case';
import { CaseClock } from '#libs/domain/case-operations';
import { CaseRecordEntity } from '#libs/persistence/entities/case-record.entity';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { CaseResponse, ClockResponse, RecordEntryResponse } from './cases.response';

export function toCaseView(c: CaseEntity): CaseResponse {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    decisionNumber: c.decisionNumber,
    agencyId: c.agencyId,
    profileVersion: c.profileVersion,
    source: c.source,
    sourceLabel: CASE_SOURCE_LABELS[c.source],
    emergency: c.emergency,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    stage: c.stage,
    procedure: c.procedure,
    handlingOfficerId: c.handlingOfficerId,
    overdue: c.overdue,
    clock: clockView(c.clock),
    form: c.form as unknown as Record<string, unknown>,
    startedAt: c.startedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    endedAt: c.endedAt?.toISOString() ?? null,
  };
}

/** Whether the case clock stands still (中止), since when and why. */
export function clockView(clock: CaseClock): ClockResponse {
  return clock.suspended ? { stopped: true, since: clock.suspended.since, reason: clock.suspended.reason } : { stopped: false };
}

export function toRecordView(r: CaseRecordEntity): RecordEntryResponse {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actorId ? { id: r.actorId, name: r.actorName, role: r.actorRole } : null,
    action: r.action,
    summary: r.summary,
    legalBasis: r.legalBasis,
    details: r.details,
  };
}
