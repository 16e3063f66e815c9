import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '../../domain/roles';
import { Notification, TaskKind } from '../../domain/tasks';

export type TaskStatus = 'open' | 'completed';

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
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy: string | null;
  @Column({ type: 'text', nullable: true }) decision: string | null;
  @Column({ type: 'text', nullable: true }) opinion: string | null;
  @Column({ type: 'jsonb', nullable: true }) notification: Notification | null;
}
