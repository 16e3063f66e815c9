import { CHINA_OFFSET_MS } from '#libs/calendar/dates';
import { DueResult } from '#libs/calendar/period';
import { YearSchedule } from '#libs/calendar/schedule';

/**
 * Instant as people read it, in China time to the minute. A day-based period ends at midnight:
 * shown as 24:00 of its last day, the way the law counts it, not 00:00 of the next day.
 */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso) + CHINA_OFFSET_MS;
  const midnight = ms % 86_400_000 === 0;
  const text = new Date(midnight ? ms - 1 : ms).toISOString().slice(0, 16).replace('T', ' ');
  return midnight ? `${text.slice(0, 10)} 24:00` : text;
}

/** The record line for a moved deadline: old and new due time, and why. */
export function describeRecomputation(
  label: string,
  before: { dueAt: string; complete: boolean },
  after: DueResult,
  schedule: YearSchedule,
): string {
  const was = `${chinaTime(before.dueAt)}${before.complete ? '' : '（估算）'}`;
  const now = `${chinaTime(after.due!)}${after.complete ? '' : '（仍为估算）'}`;
  return `「${label}」期限重新计算：原届满时间${was}，现为${now}；原因：已载入${schedule.year}年节假日安排（${schedule.source.documentNumber}）`;
}
