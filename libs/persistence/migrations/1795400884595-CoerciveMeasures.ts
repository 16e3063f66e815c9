import { MigrationInterface, QueryRunner } from 'typeorm';

/** Coercive measures (查封、扣押、冻结) as their workflow sees them: due time, pauses, extension, decision. */
export class CoerciveMeasures1795400884595 implements MigrationInterface {
  name = 'CoerciveMeasures1795400884595';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coercive_measures (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL CHECK (kind IN ('seal', 'seize', 'freeze')),
        object text NOT NULL,
        taken_at timestamptz NOT NULL,
        due_at timestamptz,
        last_day date,
        due_complete boolean NOT NULL,
        status text NOT NULL,
        extended boolean NOT NULL,
        pauses jsonb NOT NULL,
        decision text,
        record_id uuid REFERENCES evidence_records(id),
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX coercive_measures_case_idx ON coercive_measures (case_id)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE coercive_measures');
  }
}
