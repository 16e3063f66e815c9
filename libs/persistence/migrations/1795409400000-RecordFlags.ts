import { MigrationInterface, QueryRunner } from 'typeorm';

/** Confidentiality flags on records (appended, never edited): who may read them is restricted, and every read is recorded. */
export class RecordFlags1795409400000 implements MigrationInterface {
  name = 'RecordFlags1795409400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_flags (
        record_id uuid NOT NULL REFERENCES evidence_records(id),
        flag text NOT NULL CHECK (flag IN ('state_secret', 'commercial_secret', 'privacy')),
        reason text NOT NULL,
        flagged_by uuid NOT NULL,
        flagged_at timestamptz NOT NULL,
        PRIMARY KEY (record_id, flag)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE record_flags');
  }
}
