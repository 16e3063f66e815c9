import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Confidentiality } from '../../domain/access';

/** 涉密标记 on an evidence record: one row per record and kind of secret, never removed. */
@Entity({ name: 'record_flags' })
export class RecordFlagEntity {
  @PrimaryColumn({ name: 'record_id', type: 'uuid' }) recordId: string;
  @PrimaryColumn({ type: 'text' }) flag: Confidentiality;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'flagged_by', type: 'uuid' }) flaggedBy: string;
  @Column({ name: 'flagged_at', type: 'timestamptz' }) flaggedAt: Date;
}
