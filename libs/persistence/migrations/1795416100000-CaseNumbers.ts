import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 案号 and 文号 handed out in order: one counter per agency, kind and China year, advanced in the same
 * transaction as the act it numbers (filing, issuing), so a rolled-back act gives its number back and a
 * committed one keeps it: gapless, never reused. The app role may not delete a counter (a number would
 * come round again). A case's number is unique in its agency; cases filed before keep none.
 */
export class CaseNumbers1795416100000 implements MigrationInterface {
  name = 'CaseNumbers1795416100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE number_sequences (
      agency_id text NOT NULL,
      kind text NOT NULL,
      year int NOT NULL,
      last int NOT NULL CHECK (last > 0),
      PRIMARY KEY (agency_id, kind, year))`);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'lawtrail_app') THEN
        REVOKE DELETE, TRUNCATE ON number_sequences FROM lawtrail_app;
      END IF;
    END $$`);
    await q.query('ALTER TABLE cases ADD COLUMN case_number text');
    await q.query('ALTER TABLE cases ADD CONSTRAINT cases_case_number_key UNIQUE (agency_id, case_number)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP CONSTRAINT cases_case_number_key');
    await q.query('ALTER TABLE cases DROP COLUMN case_number');
    await q.query('DROP TABLE number_sequences');
  }
}
