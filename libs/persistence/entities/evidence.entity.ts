import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A written or audiovisual record of the investigation; appended, never edited. */
@Entity({ name: 'evidence_records' })
export class EvidenceRecordEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) category: 'written' | 'audiovisual';
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'jsonb' }) content: Record<string, unknown>;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ type: 'jsonb' }) officers: unknown[];
  @Column({ type: 'jsonb', nullable: true }) signatures: Record<string, unknown> | null;
  @Column({ name: 'rights_told', type: 'jsonb', nullable: true }) rightsTold: Record<string, unknown> | null;
  @Column({ name: 'av_record_ids', type: 'uuid', array: true }) avRecordIds: string[];
  @Column({ name: 'av_omission_reason', type: 'text', nullable: true }) avOmissionReason: string | null;
  @Column({ name: 'av_verdict', type: 'text', nullable: true }) avVerdict: string | null;
  @Column({ type: 'jsonb', nullable: true }) metadata: Record<string, string> | null;
  @Column({ name: 'used_as_evidence', type: 'boolean', nullable: true }) usedAsEvidence: boolean | null;
  @Column({ name: 'upload_task_id', type: 'uuid', nullable: true }) uploadTaskId: string | null;
  @Column({ name: 'upload_due_at', type: 'timestamptz', nullable: true }) uploadDueAt: Date | null;
  @Column({ name: 'retention_until', type: 'date', nullable: true }) retentionUntil: string | null;
  @Column({ name: 'legal_basis', type: 'text', nullable: true }) legalBasis: string | null;
  @Column({ name: 'corrects_id', type: 'uuid', nullable: true }) correctsId: string | null;
  @Column({ name: 'correction_reason', type: 'text', nullable: true }) correctionReason: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** The stored file of an audiovisual record: by content hash, in the storage folder, never in the database. */
@Entity({ name: 'av_files' })
export class AvFileEntity {
  @PrimaryColumn({ name: 'record_id', type: 'uuid' }) recordId: string;
  @Column({ type: 'text' }) sha256: string;
  @Column({ type: 'bigint' }) size: string;
  @Column({ name: 'media_type', type: 'text' }) mediaType: string;
  @Column({ name: 'stored_at', type: 'timestamptz' }) storedAt: Date;
  @Column({ name: 'on_time', type: 'boolean' }) onTime: boolean;
}

/** Something the record should contain and does not (e.g. a mandatory audiovisual record). */
@Entity({ name: 'case_defects' })
export class CaseDefectEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'record_id', type: 'uuid', nullable: true }) recordId: string | null;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis: string;
  @Column({ name: 'flagged_at', type: 'timestamptz' }) flaggedAt: Date;
}
