import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity';

/** Table `idempotency_keys`: a key per user, pending while its request runs, then the answer it got. */
@Injectable()
export class IdempotencyKeysRepository {
  private readonly keys: Repository<IdempotencyKeyEntity>;

  constructor(private readonly db: DataSource) {
    this.keys = db.getRepository(IdempotencyKeyEntity);
  }

  /** Takes the key as pending; false when the user already holds it. */
  async take(userId: string, key: string, requestHash: string): Promise<boolean> {
    const taken = await this.db.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, state) VALUES ($1, $2, $3, 'pending') ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    );
    return taken.length > 0;
  }

  find(userId: string, key: string): Promise<IdempotencyKeyEntity | null> {
    return this.keys.findOneBy({ userId, key });
  }

  async done(userId: string, key: string, status: number, response: unknown): Promise<void> {
    await this.db.query(`UPDATE idempotency_keys SET state = 'done', status = $3, response = $4 WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
      status,
      JSON.stringify(response ?? null),
    ]);
  }

  /** Frees a pending key (its request failed), so the request can be retried. */
  async release(userId: string, key: string): Promise<void> {
    await this.keys.delete({ userId, key, state: 'pending' });
  }
}
