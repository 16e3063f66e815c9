import { countdown, type Countdown } from './time';

/** What the 待办 list needs of a task (the API's TaskResponse has these fields). */
export interface DueTask {
  kind: string;
  dueAt: string | null;
  overdue: boolean;
  openedAt: string;
}

export type TaskOrder = 'due' | 'opened';

/** A task's countdown; the API's `overdue` wins over the browser's clock, which may be off. */
export function taskCountdown(t: DueTask, now: Date): Countdown | null {
  if (!t.dueAt) return null;
  const c = countdown(t.dueAt, now);
  return t.overdue && !c.overdue ? { overdue: true, label: '逾期' } : c;
}

/**
 * The 待办 as shown: of one kind or all, only the overdue ones or all; by due time (soonest first,
 * tasks without a due time last) or by when they were opened (newest first).
 */
export function arrangeTasks<T extends DueTask>(tasks: readonly T[], o: { kind?: string; overdueOnly?: boolean; order: TaskOrder }): T[] {
  const shown = tasks.filter((t) => (!o.kind || t.kind === o.kind) && (!o.overdueOnly || t.overdue));
  const due = (t: T) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  return o.order === 'due'
    ? shown.sort((a, b) => due(a) - due(b) || Date.parse(a.openedAt) - Date.parse(b.openedAt))
    : shown.sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt));
}
