import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExecutionView } from '../../messages/execution';

/** Projection of a case's execution workflow (执行), kept in step by activities. */
@Entity({ name: 'executions' })
export class ExecutionEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ type: 'text' }) state: ExecutionView['state'];
  @Column({ name: 'payment_due_at', type: 'timestamptz' }) paymentDueAt: Date;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @Column({ name: 'court_latest', type: 'timestamptz' }) courtLatest: Date;
  /** The workflow's view as of `version`: answered as it is once the execution ended. */
  @Column({ type: 'jsonb' }) view: ExecutionView;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
