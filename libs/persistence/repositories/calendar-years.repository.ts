import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { YearSchedule } from '../../calendar/schedule';
import { CalendarYearEntity } from '../entities/calendar-year.entity';
import { workflowsToRearm } from '../estimated-deadlines';

/** Table `calendar_years`: every version of each year's schedule an administrator loaded; none is deleted. */
@Injectable()
export class CalendarYearsRepository {
  private readonly years: Repository<CalendarYearEntity>;

  constructor(private readonly db: DataSource) {
    this.years = db.getRepository(CalendarYearEntity);
  }

  /** The latest version of each loaded year (one indexed query). */
  latest(): Promise<CalendarYearEntity[]> {
    return this.db.query(
      `SELECT DISTINCT ON (year) year, version, schedule, loaded_by AS "loadedBy", loaded_at AS "loadedAt"
         FROM calendar_years ORDER BY year, version DESC`,
    );
  }

  /** Newest first. */
  versions(year: number): Promise<CalendarYearEntity[]> {
    return this.years.find({ where: { year }, order: { version: 'DESC' } });
  }

  /** Stores a new version of the year (the next number, the earlier ones kept); returns its number. */
  async add(schedule: YearSchedule, loadedBy: string): Promise<number> {
    const [row] = await this.db.query(
      `INSERT INTO calendar_years (year, version, schedule, loaded_by)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3 FROM calendar_years WHERE year = $1
       RETURNING version`,
      [schedule.year, JSON.stringify(schedule), loadedBy],
    );
    return row.version;
  }

  /** The running workflows holding a deadline estimated for that year (view `estimated_deadlines`). */
  workflowsEstimatedIn(year: number): Promise<string[]> {
    return workflowsToRearm(this.db, year);
  }
}
