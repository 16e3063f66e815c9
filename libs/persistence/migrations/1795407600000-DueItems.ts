import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everything with a due time, across the projections, for the supervisor: open tasks, case-level
 * deadlines, services that must be done by a date, unpaid fines and the court window. One view,
 * so the overdue list, its filters and its export read one place (and never a workflow history).
 */
export class DueItems1795407600000 implements MigrationInterface {
  name = 'DueItems1795407600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW due_items AS
        SELECT t.agency_id, t.case_id, 'task:' || t.kind AS kind, t.due_at, COALESCE(t.assignee_id, c.handling_officer_id) AS officer_id,
               t.role, c.stage, t.id::text AS ref
          FROM tasks t JOIN cases c ON c.id = t.case_id
         WHERE t.status = 'open' AND t.due_at IS NOT NULL
        UNION ALL
        SELECT c.agency_id, d.case_id, 'deadline:' || d.kind, d.due_at, c.handling_officer_id, 'officer', c.stage, d.kind
          FROM case_deadlines d JOIN cases c ON c.id = d.case_id
         WHERE d.state <> 'met'
        UNION ALL
        SELECT s.agency_id, s.case_id, 'service', s.must_serve_by, c.handling_officer_id, 'officer', c.stage, s.id::text
          FROM services s JOIN cases c ON c.id = s.case_id
         WHERE s.status = 'pending' AND s.must_serve_by IS NOT NULL
        UNION ALL
        SELECT e.agency_id, e.case_id, 'payment', e.payment_due_at, c.handling_officer_id, 'officer', c.stage, e.case_id::text
          FROM executions e JOIN cases c ON c.id = e.case_id
         WHERE e.state IN ('performing', 'overdue')
        UNION ALL
        SELECT e.agency_id, e.case_id, 'court_application', e.court_latest, c.handling_officer_id, 'officer', c.stage, e.case_id::text
          FROM executions e JOIN cases c ON c.id = e.case_id
         WHERE e.state = 'overdue'`);
    await q.query(`CREATE INDEX case_deadlines_open_idx ON case_deadlines (case_id) WHERE state <> 'met'`);
    await q.query(`CREATE INDEX tasks_completed_idx ON tasks (agency_id, completed_at) WHERE status = 'completed' AND due_at IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX tasks_completed_idx');
    await q.query('DROP INDEX case_deadlines_open_idx');
    await q.query('DROP VIEW due_items');
  }
}
