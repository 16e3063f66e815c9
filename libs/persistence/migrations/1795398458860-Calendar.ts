import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working-day calendar years loaded by administrators (every version kept), the administrator
 * role, and whether a task's due time is final or an estimate awaiting a year's schedule.
 */
export class Calendar1795398458860 implements MigrationInterface {
  name = 'Calendar1795398458860';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_years (
        year int NOT NULL,
        version int NOT NULL,
        schedule jsonb NOT NULL,
        loaded_by uuid NOT NULL REFERENCES users(id),
        loaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (year, version)
      )`);
    await q.query('ALTER TABLE users DROP CONSTRAINT users_role_check');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('officer','unit_head','legal_reviewer','chief','archivist','supervisor','admin'))`);
    await q.query('ALTER TABLE tasks ADD COLUMN due_complete boolean NOT NULL DEFAULT true');
    await q.query("ALTER TABLE tasks ADD COLUMN due_missing_years int[] NOT NULL DEFAULT '{}'");
    await q.query("CREATE INDEX tasks_due_incomplete_idx ON tasks (workflow_id) WHERE status = 'open' AND NOT due_complete");
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX tasks_due_incomplete_idx');
    await q.query('ALTER TABLE tasks DROP COLUMN due_missing_years');
    await q.query('ALTER TABLE tasks DROP COLUMN due_complete');
    await q.query("DELETE FROM users WHERE role = 'admin'");
    await q.query('ALTER TABLE users DROP CONSTRAINT users_role_check');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('officer','unit_head','legal_reviewer','chief','archivist','supervisor'))`);
    await q.query('DROP TABLE calendar_years');
  }
}
