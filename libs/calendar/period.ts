import { LegalCalendar } from './calendar';
import { addDays, addMonthsClamped, chinaDate, chinaDayStart, parseStart } from './dates';
import { DayCounter } from './day-counter';
import { rollThenShift } from './legacy-roll';
import { applyPauses } from './pauses';
import { BASIS, Counted, DueResult, Pause, Period, PeriodRules, PeriodStart, PERIOD_UNITS } from './period-types';

/**
 * Period arithmetic for legal deadlines (民法典 第二百条至第二百零四条; 行政处罚法 第八十五条;
 * 行政强制法 第六十九条). Pure and deterministic: "now" is never read here.
 */

// The vocabulary lives in period-types.ts, pauses in pauses.ts: importers keep this one path.
export { BASIS, PERIOD_UNITS, describePeriod } from './period-types';
export type { DueResult, Pause, Period, PeriodRules, PeriodStart, PeriodUnit } from './period-types';
export { parsePause } from './pauses';

const HOUR_MS = 3_600_000;
const HOURS_PER_DAY = 24;
// Guards against data errors (a runaway loop in a workflow), far above any statutory period.
const MAX_WORKDAYS = 3_660;

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
    for (let counted = 0; counted < period.amount;) {
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
 * The instant a period in hours or natural days before `end` (a reminder before a deadline: an
 * exact span, no working-day counting, no roll).
 */
export function periodBefore(end: Date | string, p: Period): Date {
  if (p.unit !== 'hour' && p.unit !== 'day') throw new RangeError(`periodBefore: unit ${p.unit} is not exact`);
  const hours = p.unit === 'hour' ? p.amount : p.amount * HOURS_PER_DAY;
  return new Date(new Date(end).getTime() - hours * HOUR_MS);
}
