import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A case-level deadline as its workflow keeps it (kind 'decision': 行政处罚法 60). */
@Entity({ name: 'case_deadlines' })
export class CaseDeadlineEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ type: 'text' }) kind: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'due_complete', type: 'boolean' }) dueComplete: boolean;
  @Column({ name: 'due_missing_years', type: 'int', array: true, default: () => "'{}'" }) dueMissingYears: number[];
  @Column({ type: 'boolean' }) extended: boolean;
  @Column({ type: 'text' }) state: 'running' | 'overdue' | 'met';
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
