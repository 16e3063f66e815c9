/**
 * A legal period as profile data. Only exact hours exist so far (the back-report after an
 * emergency start); natural and working days arrive with the legal calendar.
 */
export interface Period {
  value: number;
  unit: 'hours';
}

const HOUR_MS = 3_600_000;

/** Due instant of a period in hours: exact, no roll to a working day; the start hour is not counted. */
export function dueAfter(start: Date, period: Period): Date {
  return new Date(start.getTime() + period.value * HOUR_MS);
}

export function describePeriod(period: Period): string {
  return `${period.value}小时`;
}
