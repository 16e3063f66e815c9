import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '../../domain/roles';
import { Notification, TaskKind } from '../../domain/tasks';

/** `cancelled`: the case was terminated or transferred while the task was open. */
export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** Projection of the workflow's human tasks, kept in step by activities. */
@Entity({ name: 'tasks' })
export class TaskEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId: string;
  @Column({ type: 'text' }) kind: TaskKind;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ type: 'text' }) status: TaskStatus;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  /** False while the due time is an estimate: it reaches into a year whose schedule is not loaded. */
  @Column({ name: 'due_complete', type: 'boolean', default: true }) dueComplete: boolean;
  @Column({ name: 'due_missing_years', type: 'int', array: true, default: () => "'{}'" }) dueMissingYears: number[];
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy: string | null;
  @Column({ type: 'text', nullable: true }) decision: string | null;
  @Column({ type: 'text', nullable: true }) opinion: string | null;
  @Column({ type: 'jsonb', nullable: true }) notification: Notification | null;
}
