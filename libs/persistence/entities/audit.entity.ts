import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Access audit: logins and refused requests (who tried what). Case steps live in case_records. */
@Entity({ name: 'audit_log' })
export class AuditEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ type: 'text', nullable: true }) username: string | null;
  @Column({ name: 'agency_id', type: 'text', nullable: true }) agencyId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text' }) outcome: 'allowed' | 'denied';
  @Column({ type: 'text', nullable: true }) method: string | null;
  @Column({ type: 'text', nullable: true }) path: string | null;
  @Column({ type: 'text', nullable: true }) code: string | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  /** An administrative change: what it touched, before and after (never a password or its hash). */
  @Column({ type: 'jsonb', nullable: true }) details: Record<string, unknown> | null;
}
