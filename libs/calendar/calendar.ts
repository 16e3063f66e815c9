import { isChinaDate, InvalidDateError, isWeekend, yearOf } from './dates';
import { ScheduleIssue, validateSchedule, YearSchedule } from './schedule';

export type DayKind = 'workday' | 'makeup_workday' | 'rest_day' | 'holiday';

export interface DayInfo {
  kind: DayKind;
  /** Name of the 放假 block, for holiday days. */
  holiday?: string;
  /** False when the year has no published schedule: the kind is then a weekends-only estimate. */
  known: boolean;
}

/** Thrown when a calendar is built from a schedule that fails validateSchedule. */
export class ScheduleInvalidError extends Error {
  constructor(
    readonly year: unknown,
    readonly issues: ScheduleIssue[],
  ) {
    super(`${String(year)} 年节假日安排无效：${issues.map((i) => `${i.path} ${i.message}`).join('；')}`);
    this.name = 'ScheduleInvalidError';
  }
}

interface YearIndex {
  holidays: Map<string, string>;
  makeup: Set<string>;
}

/**
 * The legal working-day calendar: which China dates are working days under the State Council's
 * yearly schedules (including 调休 make-up working days). Immutable once built.
 */
export class LegalCalendar {
  private readonly byYear = new Map<number, YearIndex>();

  /**
   * Schedules in publication order: a later version of a year replaces an earlier one (a
   * corrected or re-issued notice), so the last schedule given for a year wins. Invalid schedules
   * are refused, because a wrong holiday silently moves legal deadlines.
   */
  constructor(schedules: readonly YearSchedule[]) {
    for (const s of schedules) {
      const issues = validateSchedule(s);
      if (issues.length > 0) throw new ScheduleInvalidError(s?.year, issues);
      const holidays = new Map<string, string>();
      for (const h of s.holidays) for (const d of h.days) holidays.set(d, h.name);
      this.byYear.set(s.year, { holidays, makeup: new Set(s.makeupWorkdays) });
    }
  }

  /** Years with a published schedule, ascending. */
  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.byYear.has(year);
  }

  /**
   * How a China date counts. A make-up working day is a working day; a holiday day is not, even
   * on a weekday; otherwise Monday–Friday work and Saturday–Sunday rest (国务院关于职工工作时间的规定
   * 第七条). Without a schedule for the year the answer is the weekends-only estimate, known: false.
   */
  day(date: string): DayInfo {
    if (!isChinaDate(date)) throw new InvalidDateError(date, '须为 YYYY-MM-DD 格式的真实日期');
    const index = this.byYear.get(yearOf(date));
    if (index) {
      if (index.makeup.has(date)) return { kind: 'makeup_workday', known: true };
      const name = index.holidays.get(date);
      if (name !== undefined) return { kind: 'holiday', holiday: name, known: true };
    }
    return { kind: isWeekend(date) ? 'rest_day' : 'workday', known: index !== undefined };
  }

  isWorkingDay(date: string): boolean {
    const { kind } = this.day(date);
    return kind === 'workday' || kind === 'makeup_workday';
  }
}
