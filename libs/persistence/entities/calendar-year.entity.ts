import { Column, Entity, PrimaryColumn } from 'typeorm';
import { YearSchedule } from '../../calendar/schedule';

/** One version of a year's working-day schedule as loaded by an administrator; none is ever deleted. */
@Entity({ name: 'calendar_years' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' }) year: number;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'jsonb' }) schedule: YearSchedule;
  @Column({ name: 'loaded_by', type: 'uuid' }) loadedBy: string;
  @Column({ name: 'loaded_at', type: 'timestamptz' }) loadedAt: Date;
}
