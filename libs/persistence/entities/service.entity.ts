import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServedDocument, ServiceMethod } from '../../domain/service';
import type { ServiceView } from '../../messages/service';

/** Projection of one service (送达) workflow: a document served on one recipient, kept in step by activities. */
@Entity({ name: 'services' })
export class ServiceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ name: 'document_kind', type: 'text' }) documentKind: ServedDocument;
  @Column({ type: 'text' }) status: 'pending' | 'served';
  @Column({ name: 'served_at', type: 'timestamptz', nullable: true }) servedAt: Date | null;
  @Column({ type: 'text', nullable: true }) method: ServiceMethod | null;
  @Column({ type: 'boolean' }) deemed: boolean;
  @Column({ name: 'must_serve_by', type: 'timestamptz', nullable: true }) mustServeBy: Date | null;
  @Column({ type: 'boolean' }) overdue: boolean;
  /** The workflow's view as of `version`: what the API answers. */
  @Column({ type: 'jsonb' }) view: ServiceView;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** 送达地址确认书 (004 第二十二条): the address, contact and email the party confirmed, and consent to electronic service. */
@Entity({ name: 'service_addresses' })
export class ServiceAddressEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) address: string;
  @Column({ type: 'text', nullable: true }) contact: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ name: 'electronic_consent', type: 'boolean' }) electronicConsent: boolean;
  @Column({ name: 'confirmed_at', type: 'timestamptz' }) confirmedAt: Date;
  @Column({ name: 'signed_by', type: 'text' }) signedBy: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
