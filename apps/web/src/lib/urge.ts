import { TASK_SPECS, type TaskKind } from '#libs/domain/tasks';

/** What the page needs of an escalation (the API's EscalationResponse has these fields). */
export interface Escalation {
  caseId: string;
  taskId: string | null;
  kind: string;
  dueAt: string;
  legalBasis: string;
  resolvedAt: string | null;
}

export interface Urgeable {
  taskId: string;
  label: string;
  dueAt: string;
  legalBasis: string;
}

/**
 * The case's overdue tasks still open, once each: a task's escalations are its `<kind>_overdue` at the due
 * time and then one per rung of the profile's ladder (`escalated_to_chief`, …), which name no task kind.
 */
export function urgeable(escalations: readonly Escalation[], caseId: string): Urgeable[] {
  const byTask = new Map<string, Urgeable>();
  for (const e of escalations) {
    if (e.caseId !== caseId || !e.taskId || e.resolvedAt) continue;
    const kind = e.kind.endsWith('_overdue') ? e.kind.slice(0, -'_overdue'.length) : null;
    const label = kind ? TASK_SPECS[kind as TaskKind]?.label : undefined;
    const known = byTask.get(e.taskId);
    if (!known || (label && known.label === '逾期任务'))
      byTask.set(e.taskId, { taskId: e.taskId, label: label ?? known?.label ?? '逾期任务', dueAt: e.dueAt, legalBasis: e.legalBasis });
  }
  return [...byTask.values()].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
