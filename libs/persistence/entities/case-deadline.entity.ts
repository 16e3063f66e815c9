import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DeadlineEnd = 'met' | 'met_late' | 'terminated' | 'transferred';

/** A case-level deadline as its workflow keeps it (kind 'decision': 行政处罚法 60). */
@Entity({ name: 'case_deadlines' })
export class CaseDeadlineEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ type: 'text' }) kind: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'due_complete', type: 'boolean' }) dueComplete: boolean;
  @Column({ name: 'due_missing_years', type: 'int', array: true, default: () => "'{}'" }) dueMissingYears: number[];
  @Column({ type: 'boolean' }) extended: boolean;
  /** `stopped`: the case was terminated or transferred before the deadline was met. */
  @Column({ type: 'text' }) state: 'running' | 'paused' | 'overdue' | 'met' | 'stopped';
  /** How it ended: met on time, met after its due time, or stopped by the case's termination or transfer. */
  @Column({ type: 'text', nullable: true }) ended: DeadlineEnd | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
