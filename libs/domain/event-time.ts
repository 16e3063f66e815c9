import { CHINA_OFFSET_MS, chinaDate } from '../calendar/dates';
import type { EventTimeRefusal } from './refusals/event-time';

/**
 * Officers often enter an event after it happened, so an event's own time is what counts.
 * It may not lie ahead of now, nor before the step it depends on. These rules are pure: the API and
 * the workflow validators call them wherever the earlier step's time is known, and refuse with the
 * error they return (one stable code each).
 */

/**
 * How far ahead of the server's clock an entered time may be. An officer's phone or PC may run a few
 * minutes fast and a time typed "now" to the minute may round up; five minutes covers both without
 * letting a time that has not yet come through.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** A field error: `field` is the path in the request (`handedOver.at`), `label` its Chinese name. */
export interface EventTimeError {
  field: string;
  code: EventTimeRefusal;
  message: string;
}

/** An event's time: an ISO instant, or a China date 'YYYY-MM-DD' for a date-only field (决定日期). */
export type EventTime = string;

const isDate = (t: EventTime) => /^\d{4}-\d{2}-\d{2}$/.test(t);

/** As people read it: a date as is, an instant in China time to the minute. */
export function showEventTime(t: EventTime): string {
  if (isDate(t)) return t;
  return new Date(Date.parse(t) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Later than now (beyond the allowed skew)? A date-only field is in the future when its date is after
 * today's China date (a decision dated today is fine at any hour).
 */
export function inFuture(field: string, label: string, at: EventTime, now: number): EventTimeError | null {
  const ahead = isDate(at) ? at > chinaDate(new Date(now)) : Date.parse(at) > now + CLOCK_SKEW_MS;
  return ahead ? { field, code: 'TIME_IN_FUTURE', message: `${label}（${showEventTime(at)}）不能晚于当前时间` } : null;
}

/** The earlier step an event depends on, and when it happened. */
export interface Step {
  label: string;
  at: EventTime;
}

/**
 * Before the step it depends on? Where either side is a date only, China dates are compared (a
 * decision dated the day of its approval is on time whatever the hour); otherwise instants.
 */
export function beforeStep(field: string, label: string, at: EventTime, step: Step | null | undefined): EventTimeError | null {
  if (!step) return null;
  const early = isDate(at) || isDate(step.at) ? dayOf(at) < dayOf(step.at) : Date.parse(at) < Date.parse(step.at);
  return early
    ? { field, code: 'EVENT_BEFORE_STEP', message: `${label}（${showEventTime(at)}）不能早于${step.label}（${showEventTime(step.at)}）` }
    : null;
}

const dayOf = (t: EventTime) => (isDate(t) ? t : chinaDate(new Date(t)));

/** The latest of several steps (the one an event must follow), ignoring those not taken. */
export function latestStep(...steps: (Step | null | undefined)[]): Step | null {
  const known = steps.filter((s): s is Step => !!s);
  return known.reduce<Step | null>((a, s) => (!a || dayOrInstant(s.at) > dayOrInstant(a.at) ? s : a), null);
}

/** A date counts as its first instant, China time. */
const dayOrInstant = (t: EventTime) => (isDate(t) ? Date.parse(`${t}T00:00:00+08:00`) : Date.parse(t));
