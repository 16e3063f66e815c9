import { MigrationInterface, QueryRunner } from 'typeorm';

/** The archived case file (案卷): archive fields, catalogue, what was missing and why it was closed anyway. */
export class Archives1795407000000 implements MigrationInterface {
  name = 'Archives1795407000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE archives (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        archive_number text,
        category text,
        retention_period text,
        start_date date,
        end_date date,
        location text NOT NULL,
        catalogue jsonb NOT NULL,
        missing jsonb NOT NULL,
        incomplete_reason text,
        archived_by uuid NOT NULL,
        archived_at timestamptz NOT NULL,
        on_time boolean NOT NULL
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE archives');
  }
}
