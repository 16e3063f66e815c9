import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units (科室) of an agency as data: created, renamed and retired by its administrators. A user's
 * unit names one of its agency's units (a foreign key on the name, so a rename reaches every user of
 * the unit in the same statement); the units users already name are created here. A retired unit
 * keeps its name and its people (their history reads as it was) but takes no one new.
 */
export class Units1795416010000 implements MigrationInterface {
  name = 'Units1795416010000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id text NOT NULL,
        name text NOT NULL,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_agency_name_key UNIQUE (agency_id, name)
      )`);
    await q.query('INSERT INTO units (agency_id, name) SELECT DISTINCT agency_id, unit FROM users ORDER BY 1, 2');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_unit_fkey FOREIGN KEY (agency_id, unit)
      REFERENCES units (agency_id, name) ON UPDATE CASCADE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP CONSTRAINT users_unit_fkey');
    await q.query('DROP TABLE units');
  }
}
