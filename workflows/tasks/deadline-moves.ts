import { condition } from '@temporalio/workflow';
import { DueResult } from '#libs/calendar/period';
import { DueTime } from '#libs/domain/deadlines';
import { YearSchedule } from '#libs/calendar/schedule';
import { DeadlineWatch } from './deadline-watch';
import { chinaTime } from './deadline-text';

/** One deadline computed again: what it was (absent if it had no due time shown) and what it is now. */
export interface Move {
  label: string;
  before?: DueTime;
  after: DueTime;
}

/** Whether a deadline computed again differs from what was shown: its due time or its certainty. */
export function hasMoved(before: DueTime | undefined, after: DueTime): boolean {
  return !before || before.dueAt !== after.dueAt || before.complete !== after.complete;
}

/** The record line for deadlines computed again after a year's schedule arrived: old and new due time of each, and why. */
export function describeMoves(moves: Move[], schedule: YearSchedule | undefined): string {
  const each = moves.map(({ label, before, after }) => {
    const was = before ? `原届满时间${chinaTime(before.dueAt)}${before.complete ? '' : '（估算）'}，` : '';
    return `「${label}」期限重新计算：${was}现为${chinaTime(after.dueAt)}${after.complete ? '' : '（仍为估算）'}`;
  });
  const why = schedule ? `；原因：已载入${schedule.year}年节假日安排（${schedule.source.documentNumber}）` : '';
  return `${each.join('；')}${why}`;
}

/** What the record's details carry for the same moves, keyed by the deadline's kind. */
export function movesDetails<K extends string>(moves: (Move & { kind: K })[], schedule: YearSchedule | undefined) {
  return {
    moved: Object.fromEntries(moves.map((m) => [m.kind, { before: m.before ?? null, after: m.after }])),
    year: schedule?.year ?? null,
  };
}

/**
 * Waits until a deadline kept outside the board's tasks runs out, or `done()`: true when done
 * first. Like `DeadlineWatch.until`, but each recomputation is handed to `moved` (awaited, so it can
 * project and record) with whether a year's schedule arrived since the last one. With
 * `clock: false` the case clock (suspensions) does not move it: a period of the party's or a legal
 * fact (deemed service) runs on while the agency's work stands still; only a schedule moves it.
 */
export async function untilDue(
  deadlines: DeadlineWatch,
  compute: () => DueResult,
  done: () => boolean,
  moved: (due: DueResult, calendarChanged: boolean) => Promise<void>,
  clock = true,
): Promise<boolean> {
  let schedules = deadlines.calendarNow;
  let due = compute();
  await moved(due, false);
  for (;;) {
    const seen = deadlines.clockVersion;
    const changed = () => done() || deadlines.clockVersion !== seen;
    if (due.due === null) await condition(changed);
    else if (!(await condition(changed, Math.max(Date.parse(due.due) - Date.now(), 0)))) return false;
    if (done()) return true;
    const calendarChanged = deadlines.calendarNow !== schedules;
    if (!calendarChanged && !clock) continue;
    schedules = deadlines.calendarNow;
    due = compute();
    await moved(due, calendarChanged);
  }
}
