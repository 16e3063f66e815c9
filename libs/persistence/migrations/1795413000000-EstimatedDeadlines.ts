import { MigrationInterface, QueryRunner } from 'typeorm';

/** `complete` and `missing_years` of a deadline kept in a view's jsonb under `deadlines.<kind>`. */
const COMPLETE = (view: string, kind: string) => `COALESCE((${view} #>> '{deadlines,${kind},complete}')::boolean, true)`;
const MISSING = (view: string, kind: string) => `ARRAY(SELECT y::int FROM jsonb_array_elements_text(COALESCE(${view} #> '{deadlines,${kind},missingYears}', '[]')) y)`;

/** The due list of CaseOperations1795412400000, each row with whether its due time is an estimate and for which years. */
const DUE_ITEMS = (estimates: boolean) => `
  CREATE OR REPLACE VIEW due_items AS
    SELECT t.agency_id, t.case_id, 'task:' || t.kind AS kind, t.due_at, COALESCE(t.assignee_id, c.handling_officer_id) AS officer_id,
           t.role, c.stage, t.id::text AS ref${estimates ? ', t.due_complete AS complete, t.due_missing_years AS missing_years' : ''}
      FROM tasks t JOIN cases c ON c.id = t.case_id
     WHERE t.status = 'open' AND t.due_at IS NOT NULL
    UNION ALL
    SELECT c.agency_id, d.case_id, 'deadline:' || d.kind, d.due_at, c.handling_officer_id, 'officer', c.stage, d.kind${estimates ? ', d.due_complete, d.due_missing_years' : ''}
      FROM case_deadlines d JOIN cases c ON c.id = d.case_id
     WHERE d.state <> 'met' AND d.state <> 'paused' AND c.clock->'suspended' = 'null'::jsonb AND c.status NOT IN ('terminated', 'transferred')
    UNION ALL
    SELECT s.agency_id, s.case_id, 'service', s.must_serve_by, c.handling_officer_id, 'officer', c.stage, s.id::text${estimates ? `, ${COMPLETE('s.view', 'must_serve_by')}, ${MISSING('s.view', 'must_serve_by')}` : ''}
      FROM services s JOIN cases c ON c.id = s.case_id
     WHERE s.status = 'pending' AND s.must_serve_by IS NOT NULL AND c.clock->'suspended' = 'null'::jsonb AND c.status NOT IN ('terminated', 'transferred')
    UNION ALL
    SELECT e.agency_id, e.case_id, 'payment', e.payment_due_at, c.handling_officer_id, 'officer', c.stage, e.case_id::text${estimates ? `, ${COMPLETE('e.view', 'payment')}, ${MISSING('e.view', 'payment')}` : ''}
      FROM executions e JOIN cases c ON c.id = e.case_id
     WHERE e.state IN ('performing', 'overdue')
    UNION ALL
    SELECT e.agency_id, e.case_id, 'court_application', e.court_latest, c.handling_officer_id, 'officer', c.stage, e.case_id::text${estimates ? `, ${COMPLETE('e.view', 'court_window')}, ${MISSING('e.view', 'court_window')}` : ''}
      FROM executions e JOIN cases c ON c.id = e.case_id
     WHERE e.state = 'overdue' AND c.clock->'suspended' = 'null'::jsonb AND c.status NOT IN ('terminated', 'transferred')`;

/** Years without a schedule that any deadline kept in a view's jsonb `deadlines` reaches (null: none). */
const VIEW_YEARS = (view: string) =>
  `(SELECT array_agg(DISTINCT y::int) FROM jsonb_each(COALESCE(${view}->'deadlines', '{}')) d(k, v), jsonb_array_elements_text(d.v->'missingYears') y)`;

/**
 * Estimates everywhere (issue 15): every deadline shown carries `complete` and `missing_years`:
 * case-level deadlines and coercive measures get the years column tasks already had; the due list
 * shows both; and `estimated_deadlines` lists each running workflow holding an estimated deadline
 * with the years it waits for, so loading a year can tell every one of them (not only task holders).
 */
export class EstimatedDeadlines1795413000000 implements MigrationInterface {
  name = 'EstimatedDeadlines1795413000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_deadlines ADD COLUMN due_missing_years int[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE coercive_measures ADD COLUMN due_missing_years int[] NOT NULL DEFAULT '{}'`);
    await q.query(DUE_ITEMS(true));
    await q.query(`
      CREATE VIEW estimated_deadlines AS
        SELECT t.workflow_id, t.due_missing_years AS missing_years FROM tasks t WHERE t.status = 'open' AND NOT t.due_complete
        UNION ALL
        SELECT d.kind || '-' || d.case_id, d.due_missing_years FROM case_deadlines d WHERE d.state IN ('running', 'paused') AND NOT d.due_complete
        UNION ALL
        SELECT 'investigation-' || m.case_id, m.due_missing_years FROM coercive_measures m
         WHERE m.status NOT IN ('decided', 'expired') AND NOT m.due_complete
        UNION ALL
        SELECT 'service-' || s.case_id || '-' || s.id, ${VIEW_YEARS('s.view')} FROM services s
         WHERE s.status = 'pending' AND ${VIEW_YEARS('s.view')} IS NOT NULL
        UNION ALL
        SELECT 'execution-' || e.case_id, ${VIEW_YEARS('e.view')} FROM executions e
         WHERE e.state <> 'ended' AND ${VIEW_YEARS('e.view')} IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW estimated_deadlines');
    await q.query('DROP VIEW due_items');
    await q.query(DUE_ITEMS(false));
    await q.query('ALTER TABLE coercive_measures DROP COLUMN due_missing_years');
    await q.query('ALTER TABLE case_deadlines DROP COLUMN due_missing_years');
  }
}
