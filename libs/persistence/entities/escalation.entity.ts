import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MustAct } from '../../domain/record';

/** A deadline that ran out: who must act, recorded when the timer fired. */
@Entity({ name: 'escalations' })
export class EscalationEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId: string | null;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'escalated_at', type: 'timestamptz' }) escalatedAt: Date;
  @Column({ name: 'must_act', type: 'jsonb' }) mustAct: MustAct[];
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis: string;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
