import { MigrationInterface, QueryRunner } from 'typeorm';

const DUE_ITEMS = (handled: { deadline: string; agency: string }) => `
  CREATE OR REPLACE VIEW due_items AS
    SELECT t.agency_id, t.case_id, 'task:' || t.kind AS kind, t.due_at, COALESCE(t.assignee_id, c.handling_officer_id) AS officer_id,
           t.role, c.stage, t.id::text AS ref
      FROM tasks t JOIN cases c ON c.id = t.case_id
     WHERE t.status = 'open' AND t.due_at IS NOT NULL
    UNION ALL
    SELECT c.agency_id, d.case_id, 'deadline:' || d.kind, d.due_at, c.handling_officer_id, 'officer', c.stage, d.kind
      FROM case_deadlines d JOIN cases c ON c.id = d.case_id
     WHERE d.state <> 'met'${handled.deadline}${handled.agency}
    UNION ALL
    SELECT s.agency_id, s.case_id, 'service', s.must_serve_by, c.handling_officer_id, 'officer', c.stage, s.id::text
      FROM services s JOIN cases c ON c.id = s.case_id
     WHERE s.status = 'pending' AND s.must_serve_by IS NOT NULL${handled.agency}
    UNION ALL
    SELECT e.agency_id, e.case_id, 'payment', e.payment_due_at, c.handling_officer_id, 'officer', c.stage, e.case_id::text
      FROM executions e JOIN cases c ON c.id = e.case_id
     WHERE e.state IN ('performing', 'overdue')
    UNION ALL
    SELECT e.agency_id, e.case_id, 'court_application', e.court_latest, c.handling_officer_id, 'officer', c.stage, e.case_id::text
      FROM executions e JOIN cases c ON c.id = e.case_id
     WHERE e.state = 'overdue'${handled.agency}`;

/**
 * Case-level operations (中止、恢复、终结、移送) with the chief's decision; the case clock (its
 * suspensions) on the case; cancelled tasks of a terminated case. The supervisor's due list leaves
 * out what a suspension stops and what a terminated or transferred case no longer owes; the party's
 * payment stays listed (its period runs by law).
 */
export class CaseOperations1795412400000 implements MigrationInterface {
  name = 'CaseOperations1795412400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_operations (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('suspension', 'resumption', 'termination', 'transfer')),
        reason text NOT NULL,
        legal_basis text,
        transfer jsonb,
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'completed')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        opinion text,
        receipt jsonb
      )`);
    // One operation at a time per case: a second request while one awaits the chief (or a transfer its receipt) fails here.
    await q.query(
      `CREATE UNIQUE INDEX case_operations_open_idx ON case_operations (case_id) WHERE status = 'pending' OR (kind = 'transfer' AND status = 'approved')`,
    );
    await q.query(`ALTER TABLE cases ADD COLUMN clock jsonb NOT NULL DEFAULT '{"pauses": [], "suspended": null}'`);
    await q.query('ALTER TABLE cases ADD COLUMN ended_at timestamptz');
    await q.query('ALTER TABLE tasks DROP CONSTRAINT tasks_status_check');
    await q.query(`ALTER TABLE tasks ADD CONSTRAINT tasks_status_check CHECK (status IN ('open', 'completed', 'cancelled'))`);
    await q.query('ALTER TABLE case_deadlines DROP CONSTRAINT case_deadlines_state_check');
    await q.query(
      `ALTER TABLE case_deadlines ADD CONSTRAINT case_deadlines_state_check CHECK (state IN ('running', 'paused', 'overdue', 'met'))`,
    );
    await q.query(
      DUE_ITEMS({
        deadline: ` AND d.state <> 'paused'`,
        agency: ` AND c.clock->'suspended' = 'null'::jsonb AND c.status NOT IN ('terminated', 'transferred')`,
      }),
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(DUE_ITEMS({ deadline: '', agency: '' }));
    await q.query(`UPDATE case_deadlines SET state = 'running' WHERE state = 'paused'`);
    await q.query('ALTER TABLE case_deadlines DROP CONSTRAINT case_deadlines_state_check');
    await q.query(`ALTER TABLE case_deadlines ADD CONSTRAINT case_deadlines_state_check CHECK (state IN ('running', 'overdue', 'met'))`);
    await q.query(`DELETE FROM tasks WHERE status = 'cancelled'`);
    await q.query('ALTER TABLE tasks DROP CONSTRAINT tasks_status_check');
    await q.query(`ALTER TABLE tasks ADD CONSTRAINT tasks_status_check CHECK (status IN ('open', 'completed'))`);
    await q.query('ALTER TABLE cases DROP COLUMN ended_at');
    await q.query('ALTER TABLE cases DROP COLUMN clock');
    await q.query('DROP TABLE case_operations');
  }
}
