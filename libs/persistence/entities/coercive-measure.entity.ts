import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeasureDecision, MeasureKind, MeasureView } from '../../messages/investigation';

/** Projection of a coercive measure, written by its workflow's activities. */
@Entity({ name: 'coercive_measures' })
export class CoerciveMeasureEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) kind: MeasureKind;
  @Column({ type: 'text' }) object: string;
  @Column({ name: 'taken_at', type: 'timestamptz' }) takenAt: Date;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'last_day', type: 'date', nullable: true }) lastDay: string | null;
  @Column({ name: 'due_complete', type: 'boolean' }) dueComplete: boolean;
  @Column({ name: 'due_missing_years', type: 'int', array: true, default: () => "'{}'" }) dueMissingYears: number[];
  @Column({ type: 'text' }) status: MeasureView['status'];
  @Column({ type: 'boolean' }) extended: boolean;
  @Column({ type: 'jsonb' }) pauses: MeasureView['pauses'];
  @Column({ type: 'text', nullable: true }) decision: MeasureDecision | null;
  @Column({ name: 'record_id', type: 'uuid', nullable: true }) recordId: string | null;
  @Column({ name: 'family_notified', type: 'jsonb', nullable: true }) familyNotified: MeasureView['familyNotified'];
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
