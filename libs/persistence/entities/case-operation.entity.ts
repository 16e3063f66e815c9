import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseOperationKind, TransferReceipt, TransferTarget } from '../../domain/case-operations';

export type CaseOperationStatus = 'pending' | 'approved' | 'rejected' | 'completed';

/** A request to suspend, resume, terminate or transfer a case, with the chief's decision and a transfer's receipt. */
@Entity({ name: 'case_operations' })
export class CaseOperationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ type: 'text' }) kind: CaseOperationKind;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'legal_basis', type: 'text', nullable: true }) legalBasis: string | null;
  @Column({ type: 'jsonb', nullable: true }) transfer: { target: TransferTarget; recipient: string } | null;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ type: 'text' }) status: CaseOperationStatus;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) opinion: string | null;
  @Column({ type: 'jsonb', nullable: true }) receipt: TransferReceipt | null;
}
