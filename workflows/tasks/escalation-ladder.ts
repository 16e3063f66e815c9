import { activities } from '../activities';
import { describePeriod } from '#libs/calendar/period';
import { TASK_SPECS, TaskRef } from '#libs/domain/tasks';
import { EscalationRules, ladderFor, ladderRoleLabel } from '#libs/domain/escalation';
import { Deadline, DeadlineWatch } from './deadline-watch';

const { escalate } = activities;

/**
 * The profile's ladder after a task's due time: the chief, then the supervisor, each told once (the
 * escalation id is the task's and the rung's) unless the task is done first. The rungs count
 * on the case clock, so a suspension holds them too.
 */
export async function climbLadder(
  rules: EscalationRules,
  deadlines: DeadlineWatch,
  ref: TaskRef,
  deadline: Deadline,
  done: () => boolean,
): Promise<void> {
  const label = TASK_SPECS[ref.kind].label;
  // "期限届满后 N 个工作日" counts from the day after the task's last day.
  const from = deadlines.chainFrom(deadlines.dueFor(deadline)) ?? ref.dueAt!;
  for (const step of ladderFor(rules, ref.kind)) {
    if (await deadlines.until({ from, period: step.after }, done)) return;
    await escalate({
      id: `${ref.id}:overdue:${step.to}`,
      caseId: ref.caseId,
      agencyId: ref.agencyId,
      taskId: ref.id,
      kind: `escalated_to_${step.to}`,
      dueAt: ref.dueAt!,
      at: new Date().toISOString(),
      mustAct: [{ role: step.to }],
      legalBasis: rules.legalBasis,
      summary: `「${label}」期限届满后${describePeriod(step.after)}仍未办理，报告${ladderRoleLabel(step.to)}`,
    });
  }
}
