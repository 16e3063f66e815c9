/**
 * China calendar dates ('YYYY-MM-DD') and instants. Pure: no clock, no time-zone database.
 *
 * Asia/Shanghai has kept a fixed UTC+08:00 offset with no daylight saving time since 1991 (the
 * last DST summer ended in September 1991), so adding eight hours is exact for every date a case
 * can touch and we need no tz data (which the Temporal workflow sandbox would not guarantee).
 */

export const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must carry its offset: a bare local time would be ambiguous between servers.
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Weekday numbers as in Date#getUTCDay: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export class InvalidDateError extends Error {
  constructor(
    readonly input: unknown,
    reason: string,
  ) {
    super(`无效的日期或时间：${String(input)}（${reason}）`);
    this.name = 'InvalidDateError';
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDate(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatUtcDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** True for a real calendar date written exactly 'YYYY-MM-DD' (rejects 2025-02-30, 2025-1-1). */
export function isChinaDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function parts(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new InvalidDateError(date, '须为 YYYY-MM-DD 格式的真实日期');
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Midnight UTC of the date's own digits: the arithmetic base for date-only operations. */
function utcMidnight(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

/** The China date on which an instant falls. */
export function chinaDate(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new InvalidDateError(instant, '无效的时刻');
  return formatUtcDate(t + CHINA_OFFSET_MS);
}

/** The instant at which a China date begins (00:00+08:00). */
export function chinaDayStart(date: string): Date {
  return new Date(utcMidnight(date) - CHINA_OFFSET_MS);
}

export function yearOf(date: string): number {
  return parts(date)[0];
}

export function addDays(date: string, days: number): string {
  return formatUtcDate(utcMidnight(date) + days * DAY_MS);
}

export function weekday(date: string): Weekday {
  return new Date(utcMidnight(date)).getUTCDay() as Weekday;
}

export function isWeekend(date: string): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/**
 * Same day of the month `months` later, or that month's last day when it has no such day.
 * 民法典 第二百零二条: 到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。
 */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The start of a period, from what a caller recorded:
 * - a Date (must be valid);
 * - 'YYYY-MM-DD': a China date, meaning 00:00 China time of that day;
 * - an ISO 8601 instant with 'Z' or '±HH:MM' (fractions beyond milliseconds are truncated).
 * Anything else is rejected rather than guessed at: a wrong start moves every legal deadline.
 */
export function parseStart(input: Date | string): Date {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new InvalidDateError(input, '无效的时刻');
    return new Date(input.getTime());
  }
  if (typeof input !== 'string') throw new InvalidDateError(input, '须为日期字符串或时刻');
  if (DATE_RE.test(input)) return chinaDayStart(input);
  const m = INSTANT_RE.exec(input);
  if (!m) throw new InvalidDateError(input, '须为 YYYY-MM-DD 或带时区的 ISO 8601 时刻');
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) {
    throw new InvalidDateError(input, '日期或时间超出范围');
  }
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const oh = Number(m[8].slice(1, 3));
    const om = Number(m[8].slice(4, 6));
    if (oh > 23 || om > 59) throw new InvalidDateError(input, '时区偏移超出范围');
    offsetMin = sign * (oh * 60 + om);
  }
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000);
}
