import { activities } from '../activities';
import { TaskRef } from '#libs/domain/tasks';
import { MustAct } from '#libs/domain/record';
import { CaseState } from '#libs/messages/tasks';

const { escalate } = activities;

export interface OverdueSpec {
  kind: string;
  legalBasis: string;
  summary: string;
  mustAct: MustAct[];
}

/**
 * The `onOverdue` of a task deadline: records the escalation naming who must act, flags the case
 * overdue; the task stays open. One escalation per task (its id is the task's).
 */
export function escalateWhenOverdue(state: CaseState, agencyId: string, spec: OverdueSpec) {
  return async (task: TaskRef): Promise<void> => {
    state.overdue = true;
    await escalate({
      id: `${task.id}:overdue`,
      caseId: state.caseId,
      agencyId,
      taskId: task.id,
      dueAt: task.dueAt!,
      at: new Date().toISOString(),
      ...spec,
    });
  };
}
