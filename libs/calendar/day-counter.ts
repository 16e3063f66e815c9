import { LegalCalendar } from './calendar';
import { addDays, yearOf } from './dates';
import type { DueResult } from './period-types';

// Guards against data errors (a runaway loop in a workflow), far above any statutory period.
const MAX_ROLL_DAYS = 62;

/** Classifies days for one computation, remembering unscheduled years and make-up days met. */
export class DayCounter {
  readonly missing = new Set<number>();
  readonly skipped: DueResult['skipped'] = [];
  makeupCounted = false;

  constructor(private readonly calendar: LegalCalendar) {}

  /** True for a working day; otherwise records the day as skipped (unless only looking ahead). */
  working(date: string, record = true): boolean {
    const info = this.calendar.day(date);
    if (!info.known) this.missing.add(yearOf(date));
    if (info.kind === 'workday') return true;
    if (info.kind === 'makeup_workday') {
      this.makeupCounted ||= record;
      return true;
    }
    if (record)
      this.skipped.push(info.holiday === undefined ? { date, kind: info.kind } : { date, kind: info.kind, holiday: info.holiday });
    return false;
  }

  /**
   * 民法典 第二百零三条: a last day on a 法定休假日 (holidays and weekly rest days alike) moves to the
   * day after the rest ends, i.e. the next working day; a make-up working day is a working day.
   */
  roll(lastDay: string, record = true): string {
    let day = lastDay;
    for (let i = 0; !this.working(day, record); i++) {
      if (i >= MAX_ROLL_DAYS) throw new RangeError(`${lastDay} 之后 ${MAX_ROLL_DAYS} 日内没有工作日，节假日数据有误`);
      day = addDays(day, 1);
    }
    return day;
  }
}
