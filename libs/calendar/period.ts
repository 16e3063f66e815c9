import { LegalCalendar } from './calendar';
import { InvalidDateError, addDays, addMonthsClamped, chinaDate, chinaDayStart, isChinaDate, parseStart, yearOf } from './dates';

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

  /** True for a working day; otherwise records the day as skipped (unless only looking ahead). */
  working(date: string, record = true): boolean {
    const info = this.calendar.day(date);
    if (!info.known) this.missing.add(yearOf(date));
    if (info.kind === 'workday') return true;
    if (info.kind === 'makeup_workday') {
      this.makeupCounted ||= record;
      return true;
    }
    if (record) this.skipped.push(info.holiday === undefined ? { date, kind: info.kind } : { date, kind: info.kind, holiday: info.holiday });
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

const LEGAL: PeriodRules = { mode: 'legal' };

/**
 * When a period runs out. Day-based units end at 24:00 China time of the last day (民法典 203),
 * returned as the next day's 00:00+08:00 instant. See legal-timelines.md "Counting periods".
 */
export function computeDue(
  calendar: LegalCalendar,
  start: PeriodStart,
  period: Period,
  pauses: Pause[] = [],
  rules: PeriodRules = LEGAL,
): DueResult {
  checkPeriod(period);
  const startAt = parseStart(start);
  const counter = new DayCounter(calendar);
  const basis: string[] = [];
  const result: Omit<DueResult, 'due' | 'complete' | 'missingYears' | 'paused'> = {
    start: startAt.toISOString(),
    period: { amount: period.amount, unit: period.unit },
    skipped: counter.skipped,
    basis,
  };
  let due: string | null;
  let paused: DueResult['paused'];

  if (period.unit === 'hour') {
    // 民法典 201 款二: hours run from the start instant itself; there is no "last day" to roll.
    basis.push(BASIS.hourExact);
    const endMs = startAt.getTime() + period.amount * HOUR_MS;
    paused = applyPauses(startAt.getTime(), endMs, pauses);
    if (paused.ms > 0 && !paused.open) basis.push(BASIS.paused);
    due = paused.open ? null : new Date(endMs + paused.ms).toISOString();
  } else {
    // 民法典 201 款一: the start day is not counted; counting begins the next China day.
    const startDay = chinaDate(startAt);
    result.startDay = startDay;
    basis.push(BASIS.startNotCounted);
    const raw = rawLastDay(counter, startDay, period, basis);
    const counted =
      rules.mode === 'legal'
        ? shiftThenRoll(counter, chinaDayStart(addDays(startDay, 1)).getTime(), raw, pauses, basis)
        : rollThenShift(counter, startAt.getTime(), raw, pauses, basis);
    paused = counted.paused;
    due = counted.due;
    if (counted.lastDay !== undefined) result.lastDay = counted.lastDay;
    if (counted.rolledFrom !== undefined) result.rolledFrom = counted.rolledFrom;
    if (counter.makeupCounted) basis.splice(basis.indexOf(BASIS.endOfDay), 0, BASIS.makeup);
  }

  const missingYears = [...counter.missing].sort((a, b) => a - b);
  if (missingYears.length > 0) basis.push(BASIS.missing(missingYears));
  if (paused.open) basis.push(BASIS.pauseOpen);
  const { start: from, startDay, period: p, skipped, lastDay, rolledFrom } = result;
  // Key order is what `npm run due` prints: the answer first, the working after.
  return {
    start: from,
    ...(startDay !== undefined && { startDay }),
    period: p,
    due,
    ...(lastDay !== undefined && { lastDay }),
    ...(rolledFrom !== undefined && { rolledFrom }),
    complete: missingYears.length === 0,
    missingYears,
    paused,
    skipped,
    basis,
  };
}

/** The last day of a day-based period before any pause or roll: counted working days, or the nominal day. */
function rawLastDay(counter: DayCounter, startDay: string, period: Period, basis: string[]): string {
  if (period.unit === 'workday') {
    basis.push(BASIS.workdays);
    let day = startDay;
    for (let counted = 0; counted < period.amount; ) {
      day = addDays(day, 1);
      if (counter.working(day)) counted++;
    }
    return day;
  }
  basis.push(BASIS.naturalDays);
  const nominal = period.unit === 'day' ? addDays(startDay, period.amount) : addMonthsClamped(startDay, period.amount);
  // 民法典 202: no corresponding day in the final month → that month's last day.
  if (period.unit === 'month' && nominal.slice(8) !== startDay.slice(8)) basis.push(BASIS.monthEnd);
  return nominal;
}

interface Counted {
  due: string | null;
  lastDay?: string;
  rolledFrom?: string;
  paused: DueResult['paused'];
}

/**
 * The law's order: the paused span is not part of the period, so it moves the raw end (24:00 of the
 * raw last day); the day on which the moved end falls is the last day (a day-based period ends at
 * 24:00, so part of a day counts as that day), and only that day is rolled off a rest day or holiday
 * (民法典 203). Paused time counts from when counting begins, 00:00 of the day after the start day,
 * and a pause stops the clock if it begins before the end the period would have without it.
 */
function shiftThenRoll(counter: DayCounter, countingFromMs: number, raw: string, pauses: Pause[], basis: string[]): Counted {
  const rawEndMs = chinaDayStart(addDays(raw, 1)).getTime();
  // Without the pauses the period would run until the rolled end: a pause that begins before it stops a running clock.
  const runningEndMs = pauses.length ? chinaDayStart(addDays(counter.roll(raw, false), 1)).getTime() : rawEndMs;
  const paused = applyPauses(countingFromMs, runningEndMs, pauses);
  if (paused.open) return { due: null, paused };
  const shifted = paused.ms > 0 ? chinaDate(new Date(rawEndMs + paused.ms - 1)) : raw;
  if (paused.ms > 0) basis.push(BASIS.paused);
  const lastDay = counter.roll(shifted);
  if (lastDay !== shifted) basis.push(paused.ms > 0 ? BASIS.pausedThenRoll : BASIS.roll);
  basis.push(BASIS.endOfDay);
  const out: Counted = { due: chinaDayStart(addDays(lastDay, 1)).toISOString(), lastDay, paused };
  if (lastDay !== shifted) out.rolledFrom = shifted;
  return out;
}

/** Before the 2026-12 patch: roll the raw end, then add the paused time exactly, without a second roll. */
function rollThenShift(counter: DayCounter, startMs: number, raw: string, pauses: Pause[], basis: string[]): Counted {
  const lastDay = counter.roll(raw);
  if (lastDay !== raw) basis.push(BASIS.roll);
  basis.push(BASIS.endOfDay);
  const dueMs = chinaDayStart(addDays(lastDay, 1)).getTime();
  const paused = applyPauses(startMs, dueMs, pauses);
  if (paused.open) return { due: null, paused };
  if (paused.ms > 0) basis.push(BASIS.paused, BASIS.pausedNoRoll);
  const out: Counted = { due: new Date(dueMs + paused.ms).toISOString(), paused };
  out.lastDay = paused.ms > 0 ? chinaDate(new Date(dueMs + paused.ms - 1)) : lastDay;
  if (lastDay !== raw) out.rolledFrom = raw;
  return out;
}

/**
 * What a period chained on `earlier` counts from: the last day of a day-based period (a date: "自期限
 * 届满之日起" runs from that day, 行政强制法 53), or the instant an hour period ran out. Null while
 * a pause stops the earlier one.
 */
export function chainedStart(earlier: DueResult): PeriodStart | null {
  if (earlier.due === null) return null;
  return earlier.lastDay ?? earlier.due;
}

/**
 * Total paused time that stops this period's clock. Overlapping pauses are merged (time is
 * stopped once, not twice); time before counting begins does not count. Pauses are taken in order
 * against the running end: one that begins after the period has already run out cannot revive it.
 * An open pause that begins before the running end stops the clock: no due until it closes.
 */
function applyPauses(countingFromMs: number, endMs: number, pauses: Pause[]): { ms: number; open: boolean } {
  const spans = pauses
    .map((p) => {
      const from = parseStart(p.from).getTime();
      const to = p.to === undefined ? Infinity : pauseEnd(p.to);
      if (to < from) throw new RangeError(`中止结束时间早于开始时间：${p.from} — ${p.to}`);
      return { from: Math.max(from, countingFromMs), to };
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
    if (s.from >= endMs + ms) break;
    if (s.to === Infinity) return { ms, open: true };
    ms += s.to - s.from;
  }
  return { ms, open: false };
}

/**
 * A pause written "FROM/TO" (the CLI's --pause, the API's pause=): each side a China date or an
 * ISO instant; "FROM/" is open. Throws InvalidDateError naming what is wrong.
 */
export function parsePause(text: string): Pause {
  const parts = text.split('/');
  if (parts.length !== 2 || parts[0] === '') throw new InvalidDateError(text, '中止期间须写作 起/止，止可省略表示尚未结束');
  const [from, to] = parts;
  parseStart(from);
  if (to === '') return { from };
  if (pauseEnd(to) < parseStart(from).getTime()) throw new InvalidDateError(text, '中止结束早于开始');
  return { from, to };
}

/** A pause's end: an instant as given; a China date means the end of that day (24:00), the day included. */
function pauseEnd(to: string): number {
  return isChinaDate(to) ? chinaDayStart(addDays(to, 1)).getTime() : parseStart(to).getTime();
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
