import { TASK_SPECS, TaskRef } from '#libs/domain/tasks';
import { ROLE_LABELS } from '#libs/domain/roles';
import { EscalationEntity } from '#libs/persistence/entities/escalation.entity';
import { NotificationEntity } from '#libs/persistence/entities/notification.entity';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import type { CaseHead } from '#libs/persistence/repositories/cases.repository';
import { EscalationResponse, NotificationResponse, TaskResponse } from './tasks.response';

/** `head`: the case's 案号 and parties' names, read with the page (CasesRepository.caseHeads). */
export function toTaskView(t: TaskEntity, head: CaseHead): TaskResponse {
  return {
    id: t.id,
    caseId: t.caseId,
    caseNumber: head.caseNumber,
    partyNames: head.partyNames,
    kind: t.kind,
    kindLabel: TASK_SPECS[t.kind].label,
    role: t.role,
    roleLabel: ROLE_LABELS[t.role],
    decisions: TASK_SPECS[t.kind].decisions,
    assigneeId: t.assigneeId,
    status: t.status,
    dueAt: t.dueAt?.toISOString() ?? null,
    // The same shape as every deadline (libs/domain/deadlines.ts): false while dueAt is an estimate.
    complete: t.dueComplete,
    missingYears: t.dueMissingYears,
    overdue: t.status === 'open' && !!t.dueAt && t.dueAt.getTime() < Date.now(),
    openedAt: t.openedAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
    completedBy: t.completedBy,
    decision: t.decision,
    opinion: t.opinion,
    notification: t.notification,
  };
}

export function toEscalationView(e: EscalationEntity, caseNumber: string | null): EscalationResponse {
  return {
    id: e.id,
    caseId: e.caseId,
    caseNumber,
    taskId: e.taskId,
    kind: e.kind,
    dueAt: e.dueAt.toISOString(),
    escalatedAt: e.escalatedAt.toISOString(),
    mustAct: e.mustAct,
    legalBasis: e.legalBasis,
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
  };
}

export function toNotificationView(n: NotificationEntity, caseNumber: string | null): NotificationResponse {
  return { id: n.id, caseId: n.caseId, caseNumber, taskId: n.taskId, message: n.message, sentAt: n.sentAt.toISOString() };
}

/** The domain's view of a projected task, for the pure completion rules. */
export function toRef(t: TaskEntity): TaskRef {
  return {
    id: t.id,
    caseId: t.caseId,
    agencyId: t.agencyId,
    kind: t.kind,
    role: t.role,
    assigneeId: t.assigneeId ?? undefined,
    openedAt: t.openedAt.toISOString(),
  };
}
