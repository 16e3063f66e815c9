import type { DueResult } from '../calendar/period';

/**
 * One shape for every deadline the system shows: when it runs out, and whether that is certain.
 * `complete: false` while the period reaches a year whose holiday schedule is not yet published
 * (国务院办公厅 publishes each year's in the autumn before): the date is an estimate on weekends
 * only, and moves when the year is loaded.
 */
export interface DueTime {
  dueAt: string;
  complete: boolean;
  missingYears: number[];
}

/**
 * Every kind of deadline a stage view exposes under `deadlines`, with its label. Task deadlines
 * (the archive task among them) are on the task itself, in the same shape; the decision deadline
 * is the case-level one. A new kind is added here first: its view must then carry the flag.
 */
export const DEADLINE_KINDS = {
  decision: '作出处理决定的期限',
  measure_end: '查封、扣押、冻结的期限',
  service_attempt: '本次送达应有结果的期限',
  deemed_service: '公告送达视为送达的时间',
  must_serve_by: '当事人不在场时的送达期限',
  payment: '缴纳罚款的期限',
  review: '申请行政复议的期限',
  lawsuit: '提起行政诉讼的期限',
  court_window: '申请人民法院强制执行的期限',
  court_earliest: '可以申请人民法院强制执行的最早时间',
  statement: '陈述、申辩的期限',
  hearing_request: '申请听证的期限',
} as const;

export type DeadlineKind = keyof typeof DEADLINE_KINDS;
export type DueTimes = { [K in DeadlineKind]?: DueTime };

/** The shape of a computed period (its due time must exist: a paused period has none to show). */
export function dueTime(r: Pick<DueResult, 'due' | 'complete' | 'missingYears'>): DueTime {
  return { dueAt: r.due!, complete: r.complete, missingYears: [...r.missingYears] };
}

/** "（估算）" after a due time that is an estimate, for the record's lines. */
export function estimateMark(d: { complete: boolean }): string {
  return d.complete ? '' : '（估算）';
}

/** What a record entry announcing or moving a deadline carries in its details. */
export function dueDetails(d: DueTime): { dueAt: string; complete: boolean; missingYears: number[] } {
  return { dueAt: d.dueAt, complete: d.complete, missingYears: d.missingYears };
}
