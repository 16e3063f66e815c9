import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RecordAction } from '../../domain/record';
import { Role } from '../../domain/roles';

/** The whole-process record: append-only, ordered by `seq` within a case. */
@Entity({ name: 'case_records' })
export class CaseRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'int' }) seq: number;
  @Column({ name: 'entry_key', type: 'text' }) entryKey: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole: Role | null;
  @Column({ type: 'text' }) action: RecordAction;
  @Column({ type: 'text' }) summary: string;
  @Column({ name: 'legal_basis', type: 'text', nullable: true }) legalBasis: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
  /** Numbered, timed and linked by the database (lawtrail_append_record); false for entries from before. */
  @Column({ name: 'db_time', type: 'boolean', default: true }) dbTime: boolean;
}
