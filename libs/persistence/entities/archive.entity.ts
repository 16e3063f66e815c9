import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CatalogueEntry } from '../../domain/case-file';

/** The archived case file (案卷): archive fields, catalogue, what was missing and why it was closed anyway. */
@Entity({ name: 'archives' })
export class ArchiveEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'archive_number', type: 'text', nullable: true }) archiveNumber: string | null;
  @Column({ type: 'text', nullable: true }) category: string | null;
  @Column({ name: 'retention_period', type: 'text', nullable: true }) retentionPeriod: string | null;
  /** China dates 'YYYY-MM-DD' (data-source.ts keeps DATE columns as text). */
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate: string | null;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column({ type: 'text' }) location: string;
  @Column({ type: 'jsonb' }) catalogue: CatalogueEntry[];
  @Column({ type: 'jsonb' }) missing: string[];
  @Column({ name: 'incomplete_reason', type: 'text', nullable: true }) incompleteReason: string | null;
  @Column({ name: 'archived_by', type: 'uuid' }) archivedBy: string;
  @Column({ name: 'archived_at', type: 'timestamptz' }) archivedAt: Date;
  /** Archived within the profile's period after the case ended. */
  @Column({ name: 'on_time', type: 'boolean' }) onTime: boolean;
}
