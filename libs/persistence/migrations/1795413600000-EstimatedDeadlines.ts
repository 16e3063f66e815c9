import { MigrationInterface, QueryRunner } from 'typeorm';

/** `complete` and `missing_years` of a deadline kept in a view's jsonb under `deadlines.<kind>` (a view projected before it: certain, none). */
const COMPLETE = (view: string, kind: string) => `COALESCE((${view} #>> '{deadlines,${kind},complete}')::boolean, true)`;
const MISSING = (view: string, kind: string) =>
  `ARRAY(SELECT y::int FROM jsonb_array_elements_text(COALESCE(${view} #> '{deadlines,${kind},missingYears}', '[]')) y)`;

/** Years without a schedule that any deadline kept in a view's jsonb `deadlines` reaches (null: none). */
const VIEW_YEARS = (view: string) =>
  `(SELECT array_agg(DISTINCT y::int) FROM jsonb_each(COALESCE(${view}->'deadlines', '{}')) d(k, v), jsonb_array_elements_text(d.v->'missingYears') y)`;

/**
 * Estimates everywhere: every deadline shown carries `complete` and `missing_years`.
 * - case-level deadlines and coercive measures get the years column tasks already had;
 * - `due_estimates` gives each open row of the due list (same case, kind and ref as `due_items`)
 *   its flag: a view of its own, so the due list's definition stays where it is kept;
 * - `estimated_deadlines` lists each running workflow holding an estimated deadline with the years
 *   it waits for, so loading a year can tell every one of them (not only the holders of tasks).
 */
export class EstimatedDeadlines1795413600000 implements MigrationInterface {
  name = 'EstimatedDeadlines1795413600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_deadlines ADD COLUMN due_missing_years int[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE coercive_measures ADD COLUMN due_missing_years int[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE VIEW due_estimates AS
        SELECT t.case_id, 'task:' || t.kind AS kind, t.id::text AS ref, t.due_complete AS complete, t.due_missing_years AS missing_years FROM tasks t
         WHERE t.status = 'open' AND t.due_at IS NOT NULL
        UNION ALL
        SELECT d.case_id, 'deadline:' || d.kind, d.kind, d.due_complete, d.due_missing_years FROM case_deadlines d WHERE d.state <> 'met'
        UNION ALL
        SELECT m.case_id, 'measure:' || m.kind, m.id::text, m.due_complete, m.due_missing_years FROM coercive_measures m WHERE m.status <> 'decided'
        UNION ALL
        SELECT s.case_id, 'service', s.id::text, ${COMPLETE('s.view', 'must_serve_by')}, ${MISSING('s.view', 'must_serve_by')} FROM services s WHERE s.status = 'pending'
        UNION ALL
        SELECT e.case_id, 'payment', e.case_id::text, ${COMPLETE('e.view', 'payment')}, ${MISSING('e.view', 'payment')} FROM executions e WHERE e.state <> 'ended'
        UNION ALL
        SELECT e.case_id, 'court_application', e.case_id::text, ${COMPLETE('e.view', 'court_window')}, ${MISSING('e.view', 'court_window')} FROM executions e WHERE e.state <> 'ended'`);
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
    await q.query('DROP VIEW due_estimates');
    await q.query('ALTER TABLE coercive_measures DROP COLUMN due_missing_years');
    await q.query('ALTER TABLE case_deadlines DROP COLUMN due_missing_years');
  }
}
