import { Injectable } from '@nestjs/common';
import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { YearSchedule } from '#libs/calendar/schedule';
import { CalendarYearsRepository } from '#libs/persistence/repositories/calendar-years.repository';

export interface YearVersion {
  year: number;
  /** 0 is the schedule shipped with lawtrail; loaded versions count from 1. */
  version: number;
  schedule: YearSchedule;
  loadedBy: string | null;
  loadedAt: string | null;
}

/**
 * The working-day calendar in force: the shipped years, overridden by the latest version an
 * administrator loaded. Read from the database each time (one indexed query), so every API
 * instance sees a newly loaded year at once.
 */
@Injectable()
export class CalendarStore {
  constructor(private readonly years: CalendarYearsRepository) {}

  async current(): Promise<YearVersion[]> {
    const loaded = await this.years.latest();
    const byYear = new Map<number, YearVersion>(
      BUILT_IN_SCHEDULES.map((s) => [s.year, { year: s.year, version: 0, schedule: s, loadedBy: null, loadedAt: null }]),
    );
    for (const r of loaded) {
      byYear.set(r.year, { ...r, loadedAt: new Date(r.loadedAt).toISOString() });
    }
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  async schedules(): Promise<YearSchedule[]> {
    return (await this.current()).map((v) => v.schedule);
  }

  async calendar(): Promise<LegalCalendar> {
    return new LegalCalendar(await this.schedules());
  }

  /** Every version of one year, newest first, the shipped one last. */
  async versions(year: number): Promise<YearVersion[]> {
    const rows = await this.years.versions(year);
    const shipped = BUILT_IN_SCHEDULES.find((s) => s.year === year);
    return [
      ...rows.map((r) => ({ year, version: r.version, schedule: r.schedule, loadedBy: r.loadedBy, loadedAt: r.loadedAt.toISOString() })),
      ...(shipped ? [{ year, version: 0, schedule: shipped, loadedBy: null, loadedAt: null }] : []),
    ];
  }

  /** Stores a new version; the previous ones are kept. Returns the version number. */
  add(schedule: YearSchedule, loadedBy: string): Promise<number> {
    return this.years.add(schedule, loadedBy);
  }

  /** The running workflows holding a deadline estimated for that year. */
  workflowsEstimatedIn(year: number): Promise<string[]> {
    return this.years.workflowsEstimatedIn(year);
  }
}
