import { MigrationInterface, QueryRunner } from 'typeorm';

/** Execution of a served decision: payment, surcharge, remedies, 催告 and the court, as the workflow sees them. */
export class Executions1795406400000 implements MigrationInterface {
  name = 'Executions1795406400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE executions (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        agency_id text NOT NULL,
        state text NOT NULL CHECK (state IN ('performing', 'paid', 'overdue', 'applied_to_court', 'ended')),
        payment_due_at timestamptz NOT NULL,
        paid_at timestamptz,
        court_latest timestamptz NOT NULL,
        view jsonb NOT NULL,
        version int NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query("CREATE INDEX executions_open_idx ON executions (agency_id, state) WHERE state <> 'ended'");
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE executions');
  }
}
