import { LegalCalendar } from './calendar';
import { addDays, addMonthsClamped, chinaDate, chinaDayStart, parseStart, yearOf } from './dates';

/**
 * Period arithmetic for legal deadlines (民法典 第二百条至第二百零四条; 行政处罚法 第八十五条;
 * 行政强制法 第六十九条). Pure and deterministic: "now" is never read here.
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

/** A stop of the clock (testing, appraisal, review…). ISO instants; an open pause has no `to`. */
export interface Pause {
  from: string;
  to?: string;
}

export interface DueResult {
  /** The start as an ISO instant. */
  start: string;
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
  /** The last day before it was rolled to the next working day. */
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
  pausedNoRoll: '中止顺延后的届满时间不再另行按节假日顺延',
  pauseOpen: '期间中止尚未结束，计时暂停，届满时间待恢复后确定',
  missing: (years: number[]) => `所跨年度（${years.join('、')}）尚未公布节假日安排，按周末估算`,
} as const;

const HOUR_MS = 3_600_000;
const HOURS_PER_DAY = 24;
// Guards against data errors (a runaway loop in a workflow), far above any statutory period.
const MAX_WORKDAYS = 3_660;
const MAX_ROLL_DAYS = 62;

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

/** Classifies days for one computation, remembering unscheduled years and make-up days met. */
class DayCounter {
  readonly missing = new Set<number>();
  readonly skipped: DueResult['skipped'] = [];
  makeupCounted = false;

  constructor(private readonly calendar: LegalCalendar) {}

  /** True for a working day; otherwise records the day as skipped. */
  working(date: string): boolean {
    const info = this.calendar.day(date);
    if (!info.known) this.missing.add(yearOf(date));
    if (info.kind === 'workday') return true;
    if (info.kind === 'makeup_workday') {
      this.makeupCounted = true;
      return true;
    }
    this.skipped.push(info.holiday === undefined ? { date, kind: info.kind } : { date, kind: info.kind, holiday: info.holiday });
    return false;
  }

  /**
   * 民法典 第二百零三条: a last day on a 法定休假日 (holidays and weekly rest days alike) moves to the
   * day after the rest ends, i.e. the next working day; a make-up working day is a working day.
   */
  roll(lastDay: string): string {
    let day = lastDay;
    for (let i = 0; !this.working(day); i++) {
      if (i >= MAX_ROLL_DAYS) throw new RangeError(`${lastDay} 之后 ${MAX_ROLL_DAYS} 日内没有工作日，节假日数据有误`);
      day = addDays(day, 1);
    }
    return day;
  }
}

function checkPeriod(period: Period): void {
  if (!Number.isSafeInteger(period.amount) || period.amount < 1) {
    throw new RangeError(`期间长度须为正整数：${String(period.amount)}`);
  }
  if (!PERIOD_UNITS.includes(period.unit)) {
    throw new RangeError(`未知的期间单位：${String(period.unit)}`);
  }
  if (period.unit === 'workday' && period.amount > MAX_WORKDAYS) {
    throw new RangeError(`工作日期间过长：${period.amount}`);
  }
}

/**
 * When a period runs out. Day-based units end at 24:00 China time of the last day (民法典 203),
 * returned as the next day's 00:00+08:00 instant. See legal-timelines.md "Counting periods".
 */
export function computeDue(
  calendar: LegalCalendar,
  start: Date | string,
  period: Period,
  pauses: Pause[] = [],
): DueResult {
  checkPeriod(period);
  const startAt = parseStart(start);
  const counter = new DayCounter(calendar);
  const basis: string[] = [];
  let dueMs: number;
  let lastDay: string | undefined;
  let rolledFrom: string | undefined;

  if (period.unit === 'hour') {
    // 民法典 201 款二: hours run from the start instant itself; there is no "last day" to roll.
    basis.push(BASIS.hourExact);
    dueMs = startAt.getTime() + period.amount * HOUR_MS;
  } else {
    // 民法典 201 款一: the start day is not counted; counting begins the next China day.
    const startDay = chinaDate(startAt);
    basis.push(BASIS.startNotCounted);
    if (period.unit === 'workday') {
      basis.push(BASIS.workdays);
      let day = startDay;
      for (let counted = 0; counted < period.amount; ) {
        day = addDays(day, 1);
        if (counter.working(day)) counted++;
      }
      lastDay = day;
    } else {
      basis.push(BASIS.naturalDays);
      const nominal =
        period.unit === 'day' ? addDays(startDay, period.amount) : addMonthsClamped(startDay, period.amount);
      // 民法典 202: no corresponding day in the final month → that month's last day.
      if (period.unit === 'month' && nominal.slice(8) !== startDay.slice(8)) basis.push(BASIS.monthEnd);
      lastDay = counter.roll(nominal);
      if (lastDay !== nominal) {
        rolledFrom = nominal;
        basis.push(BASIS.roll);
      }
    }
    if (counter.makeupCounted) basis.push(BASIS.makeup);
    basis.push(BASIS.endOfDay);
    dueMs = chinaDayStart(addDays(lastDay, 1)).getTime();
  }

  const missingYears = [...counter.missing].sort((a, b) => a - b);
  if (missingYears.length > 0) basis.push(BASIS.missing(missingYears));

  const shift = applyPauses(startAt.getTime(), dueMs, pauses);
  let due: string | null = null;
  if (shift.open) {
    basis.push(BASIS.pauseOpen);
    lastDay = undefined;
  } else {
    if (shift.ms > 0) {
      // Reading: a pause gives back exactly the time it took, so the shifted due is not rolled
      // again. The 203 roll already fixed the end of the period itself; rolling the shifted
      // instant once more would grant extra days no rule provides.
      basis.push(BASIS.paused, BASIS.pausedNoRoll);
      if (lastDay !== undefined) lastDay = chinaDate(new Date(dueMs + shift.ms - 1));
    }
    due = new Date(dueMs + shift.ms).toISOString();
  }

  const result: DueResult = {
    start: startAt.toISOString(),
    period: { amount: period.amount, unit: period.unit },
    due,
    complete: missingYears.length === 0,
    missingYears,
    paused: shift,
    skipped: counter.skipped,
    basis,
  };
  if (lastDay !== undefined) result.lastDay = lastDay;
  if (rolledFrom !== undefined) result.rolledFrom = rolledFrom;
  return result;
}

/**
 * Total paused time that stops this period's clock. Overlapping pauses are merged (time is
 * stopped once, not twice); time before the start does not count. Pauses are taken in order
 * against the running due: one that begins after the period has already run out cannot revive it.
 * An open pause that begins before the running due stops the clock: no due until it closes.
 */
function applyPauses(startMs: number, dueMs: number, pauses: Pause[]): { ms: number; open: boolean } {
  const spans = pauses
    .map((p) => {
      const from = parseStart(p.from).getTime();
      const to = p.to === undefined ? Infinity : parseStart(p.to).getTime();
      if (to < from) throw new RangeError(`中止结束时间早于开始时间：${p.from} — ${p.to}`);
      return { from: Math.max(from, startMs), to };
    })
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);

  const merged: { from: number; to: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }

  let ms = 0;
  for (const s of merged) {
    if (s.from >= dueMs + ms) break;
    if (s.to === Infinity) return { ms, open: true };
    ms += s.to - s.from;
  }
  return { ms, open: false };
}

/**
 * The instant a period in hours or natural days before `end` (a reminder before a deadline: an
 * exact span, no working-day counting, no roll).
 */
export function periodBefore(end: Date | string, p: Period): Date {
  if (p.unit !== 'hour' && p.unit !== 'day') throw new RangeError(`periodBefore: unit ${p.unit} is not exact`);
  const hours = p.unit === 'hour' ? p.amount : p.amount * HOURS_PER_DAY;
  return new Date(new Date(end).getTime() - hours * HOUR_MS);
}
