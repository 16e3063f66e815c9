import { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key of state-changing requests: per user, the request it named and the answer it got. */
export class IdempotencyKeys1795410600000 implements MigrationInterface {
  name = 'IdempotencyKeys1795410600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'done')),
        status int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
  }
}
