import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A state-changing request's Idempotency-Key, per user: pending while it runs, then the answer it got. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ type: 'text' }) state: 'pending' | 'done';
  @Column({ type: 'int', nullable: true }) status: number | null;
  @Column({ type: 'jsonb', nullable: true }) response: unknown;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
