/**
 * The vocabulary of period arithmetic (see period.ts): units, periods, pauses, starts, the result
 * of a computation, how pauses meet the roll, and the Chinese statements of the rules applied.
 */

export type PeriodUnit = 'hour' | 'day' | 'workday' | 'month';

/** Every unit, for validators of API input and profile data. */
export const PERIOD_UNITS: readonly PeriodUnit[] = ['hour', 'day', 'workday', 'month'];

/**
 * A legal period as profile data. `day` is natural days; whether a short period in days means
 * working days (行政处罚法 85: 二、三、五、七日; 行政强制法 69: 十日以内) is decided in the
 * profile by choosing `workday`, never guessed here.
 */
export interface Period {
  /** A positive integer. */
  amount: number;
  unit: PeriodUnit;
}

/**
 * A stop of the clock (testing, appraisal, review, a suspension…). Each side is an ISO instant or a
 * China date: a date `from` means 00:00 of that day and a date `to` means 24:00 of that day, so
 * `{ from: '2026-10-01', to: '2026-10-10' }` stops ten whole days. An open pause has no `to`.
 */
export interface Pause {
  from: string;
  to?: string;
}

/**
 * What a period counts from, and the caller says which by its form:
 * - an instant (a Date, or an ISO string with a time and an offset): an event that happened at a
 *   moment. Hours run from that moment; days from the day after its China date (民法典 201).
 * - a China date ('YYYY-MM-DD'): an event the law places on a day, not at a moment. A document
 *   deemed served "于 D 24:00" is served on D; a period "自期限届满之日起" runs from the last day of
 *   the earlier one (see `chainedStart`). Days count from D+1. Hours from a date run from its 00:00.
 */
export type PeriodStart = Date | string;

export interface DueResult {
  /** The start as an ISO instant (00:00 China time for a date start). */
  start: string;
  /** For day/workday/month: the China date of the start day, which is not counted. */
  startDay?: string;
  period: Period;
  /** The instant the period runs out (ISO), or null while an open pause stops the clock. */
  due: string | null;
  /** For day/workday/month: the China date of the last day (after any pause shift). */
  lastDay?: string;
  /** False when a day that had to be classified lies in a year without a published schedule. */
  complete: boolean;
  missingYears: number[];
  paused: { ms: number; open: boolean };
  /** Rest days and holidays passed over: skipped while counting working days, or by the roll. */
  skipped: { date: string; kind: 'rest_day' | 'holiday'; holiday?: string }[];
  /** The last day before it was rolled to the next working day (after any pause shift). */
  rolledFrom?: string;
  /** Chinese statements of the rules applied, for the case record. */
  basis: string[];
}

export const BASIS = {
  startNotCounted: '起算日不计入期间',
  hourExact: '按小时计算的期间，自起算时刻起连续计算，不因节假日顺延',
  naturalDays: '期间内的法定节假日和休息日照常计算',
  workdays: '按工作日计算的期间，不含法定节假日和休息日',
  roll: '期间届满日为法定节假日或休息日的，以其后的第一个工作日为届满日',
  makeup: '调休上班日按工作日计算',
  monthEnd: '按月计算的期间，到期月无对应日的，以该月末日为届满日',
  endOfDay: '期间最后一日的截止时间为二十四时',
  paused: '期间中止的时间不计入期间，届满时间相应顺延',
  pausedThenRoll: '扣除中止期间顺延后，届满日为法定节假日或休息日的，再顺延至其后的第一个工作日',
  pausedNoRoll: '中止顺延后的届满时间不再另行按节假日顺延',
  pauseOpen: '期间中止尚未结束，计时暂停，届满时间待恢复后确定',
  missing: (years: number[]) => `所跨年度（${years.join('、')}）尚未公布节假日安排，按周末估算`,
} as const;

/** How pauses meet the roll. Cases started before 2026-12 computed `legacy` and replay that way. */
export interface PeriodRules {
  /**
   * `legal` (default): a pause moves the raw end (the last day before any roll) by the paused span,
   * and only then is a last day on a rest day or holiday rolled (民法典 203; 行政强制法 25 款三).
   * `legacy`: the end was rolled first and the pause added after, never rolled again; paused time
   * counted from the start instant even on the start day, which is not counted.
   */
  mode: 'legal' | 'legacy';
}

/** A period's end once pauses and the roll are applied (the day-based units). */
export interface Counted {
  due: string | null;
  lastDay?: string;
  rolledFrom?: string;
  paused: DueResult['paused'];
}

/** A period as the record reads it: 30日, 5个工作日, 24小时, 3个月. */
export function describePeriod(period: Period): string {
  switch (period.unit) {
    case 'hour':
      return `${period.amount}小时`;
    case 'day':
      return `${period.amount}日`;
    case 'workday':
      return `${period.amount}个工作日`;
    case 'month':
      return `${period.amount}个月`;
  }
}
