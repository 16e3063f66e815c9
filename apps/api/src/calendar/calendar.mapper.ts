import { DueResult } from '#libs/calendar/period';
import { YearSchedule } from '#libs/calendar/schedule';
import { CalendarDueResponse, YearInForceResponse, YearScheduleResponse, YearVersionResponse } from './calendar.response';
import { YearVersion } from './calendar.store';

export function toDueView(r: DueResult, calendarYears: number[]): CalendarDueResponse {
  return {
    start: r.start,
    startDay: r.startDay,
    period: { amount: r.period.amount, unit: r.period.unit },
    due: r.due,
    lastDay: r.lastDay,
    complete: r.complete,
    missingYears: r.missingYears,
    paused: { ms: r.paused.ms, open: r.paused.open },
    skipped: r.skipped.map((d) => ({ date: d.date, kind: d.kind, holiday: d.holiday })),
    rolledFrom: r.rolledFrom,
    basis: r.basis,
    calendarYears,
  };
}

function toScheduleView(s: YearSchedule): YearScheduleResponse {
  return {
    year: s.year,
    source: { title: s.source.title, documentNumber: s.source.documentNumber, issuedOn: s.source.issuedOn, note: s.source.note },
    holidays: s.holidays.map((h) => ({ name: h.name, days: h.days })),
    makeupWorkdays: s.makeupWorkdays,
  };
}

export function toYearInForceView(v: YearVersion): YearInForceResponse {
  return { year: v.year, version: v.version, loadedBy: v.loadedBy, loadedAt: v.loadedAt, source: toScheduleView(v.schedule).source };
}

export function toYearVersionView(v: YearVersion): YearVersionResponse {
  return { year: v.year, version: v.version, schedule: toScheduleView(v.schedule), loadedBy: v.loadedBy, loadedAt: v.loadedAt };
}
