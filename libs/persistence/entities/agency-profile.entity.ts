import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyProfile } from '../../profiles/schema';

/** Where a stored profile version came from: the files shipped with lawtrail, or an administrator. */
export type ProfileOrigin = 'builtin' | 'loaded';

/** An agency: its id and code (unique across agencies, kept by every version of its profile). */
@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One version of an agency's profile; never changed or deleted (cases pin it). */
@Entity({ name: 'agency_profiles' })
export class AgencyProfileEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'text' }) agencyId: string;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'text' }) code: string;
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom: string;
  @Column({ type: 'jsonb' }) document: AgencyProfile;
  /** SHA-256 of the document's canonical JSON (keys sorted): what the audit names. */
  @Column({ type: 'text' }) hash: string;
  @Column({ type: 'text' }) source: ProfileOrigin;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
