import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the record's verification has checked, so the next run starts there (issue 21: incremental
 * verification). `record_verifications` logs every run (full or from a checkpoint, intact or not);
 * the last intact one is the checkpoint: the last day head it verified (day and SM3 link) and the
 * highest `case_records.id` it covered. `record_verified_heads` keeps, per case, the last entry that
 * run verified (number and link) and the last number a day head had pinned, so a later run reads a
 * case only from there, and only the cases written or pinned since.
 */
export class RecordVerifications1795416720001 implements MigrationInterface {
  name = 'RecordVerifications1795416720001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_verifications (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        full_check boolean NOT NULL,
        intact boolean NOT NULL,
        through_id bigint NOT NULL,
        through_day date,
        day_hash text,
        entries_read int NOT NULL,
        by_user uuid REFERENCES users(id)
      )`);
    await q.query('CREATE INDEX record_verifications_intact_idx ON record_verifications (id DESC) WHERE intact');
    await q.query(`
      CREATE TABLE record_verified_heads (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        seq int NOT NULL,
        hash text NOT NULL,
        pinned_seq int NOT NULL
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE record_verified_heads');
    await q.query('DROP TABLE record_verifications');
  }
}
