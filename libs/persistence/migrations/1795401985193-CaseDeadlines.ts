import { MigrationInterface, QueryRunner } from 'typeorm';

/** Case-level deadlines (the decision deadline first): due time, estimate or final, extension, state. */
export class CaseDeadlines1795401985193 implements MigrationInterface {
  name = 'CaseDeadlines1795401985193';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_deadlines (
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL,
        due_at timestamptz NOT NULL,
        due_complete boolean NOT NULL,
        extended boolean NOT NULL,
        state text NOT NULL CHECK (state IN ('running', 'overdue', 'met')),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, kind)
      )`);
    await q.query("CREATE INDEX case_deadlines_due_idx ON case_deadlines (due_at) WHERE state = 'running'");
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_deadlines');
  }
}
