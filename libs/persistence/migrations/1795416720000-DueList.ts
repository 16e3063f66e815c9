import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables `due_items` and `due_estimates` read a case's open items from (each has `case_id`). */
const ITEM_TABLES = ['tasks', 'case_deadlines', 'services', 'executions', 'coercive_measures'];

/**
 * The cases' rows of `due_items` with their estimate flags, as `due_list` keeps them. Both views are
 * filtered by the cases: PostgreSQL does not carry a filter across to the nullable side of a left join,
 * and would read the whole of `due_estimates` (~100 ms at 100 000 open items) on every write.
 */
const ROWS_OF = (cases: string) => `
  SELECT d.agency_id, d.case_id, d.kind, d.ref, d.due_at, d.officer_id, d.assignee_id, d.role, d.stage,
         COALESCE(x.complete, true), COALESCE(x.missing_years, '{}')
    FROM due_items d
    LEFT JOIN (SELECT * FROM due_estimates WHERE case_id = ANY(${cases})) x ON x.case_id = d.case_id AND x.kind = d.kind AND x.ref = d.ref
   WHERE d.case_id = ANY(${cases}) AND d.due_at IS NOT NULL`;

/**
 * `due_list`: the supervisor's due view kept as a table, so a page is an index range read instead of
 * sorting all of an agency's rows (the view is a union of six joins, which PostgreSQL cannot read in
 * due order through an index: at 100 000 open items every page sorted them all, ~300 ms).
 *
 * `due_items` and `due_estimates` stay the definition. Statement triggers on the tables they read
 * refresh the touched cases' rows from them in the same transaction as the write, so the list is never
 * behind what a caller just wrote. The refresh first locks the cases (FOR NO KEY UPDATE, which a
 * task's insert — a key-share lock — does not wait for) and, as its statements each take a fresh
 * snapshot, reads what an earlier writer of the same case committed: two transactions cannot leave a
 * case's rows as neither of them wrote it.
 *
 * Indexes: the agency's rows in the list's order (due time, case, kind, ref: unique, so a keyset cursor
 * is exact), and the same behind the officer and the assignee, the filters that pick few rows.
 */
export class DueList1795416720000 implements MigrationInterface {
  name = 'DueList1795416720000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE due_list (
        agency_id text NOT NULL,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        ref text NOT NULL,
        due_at timestamptz NOT NULL,
        officer_id uuid,
        assignee_id uuid,
        role text,
        stage text NOT NULL,
        complete boolean NOT NULL,
        missing_years int[] NOT NULL,
        PRIMARY KEY (case_id, kind, ref)
      )`);
    await q.query('CREATE INDEX due_list_order_idx ON due_list (agency_id, due_at, case_id, kind, ref)');
    await q.query('CREATE INDEX due_list_officer_idx ON due_list (agency_id, officer_id, due_at, case_id, kind, ref)');
    await q.query('CREATE INDEX due_list_assignee_idx ON due_list (agency_id, assignee_id, due_at, case_id, kind, ref)');
    await q.query(`
      CREATE FUNCTION lawtrail_refresh_due_list(p_cases uuid[]) RETURNS void LANGUAGE plpgsql
        -- Planning the views' twelve branches costs ~5 ms, running them for one case ~0.6: plan once per session.
        SET plan_cache_mode = force_generic_plan
      AS $$
      BEGIN
        PERFORM FROM cases WHERE id = ANY(p_cases) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM due_list WHERE case_id = ANY(p_cases);
        INSERT INTO due_list (agency_id, case_id, kind, ref, due_at, officer_id, assignee_id, role, stage, complete, missing_years)
        ${ROWS_OF('p_cases')};
      END $$`);
    // One function per shape of trigger: the transition tables a statement trigger may name differ by event.
    await q.query(`
      CREATE FUNCTION lawtrail_due_list_items_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN SELECT array_agg(DISTINCT case_id) INTO ids FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(DISTINCT case_id) INTO ids FROM old_rows;
        ELSE SELECT array_agg(DISTINCT case_id) INTO ids FROM (SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows) x;
        END IF;
        IF ids IS NOT NULL THEN PERFORM lawtrail_refresh_due_list(ids); END IF;
        RETURN NULL;
      END $$`);
    // A case's own columns the view reads: its agency, stage, handling officer, suspension and status.
    await q.query(`
      CREATE FUNCTION lawtrail_due_list_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.agency_id, n.stage, n.handling_officer_id, n.clock->'suspended', n.status)
               IS DISTINCT FROM (o.agency_id, o.stage, o.handling_officer_id, o.clock->'suspended', o.status);
        IF ids IS NOT NULL THEN PERFORM lawtrail_refresh_due_list(ids); END IF;
        RETURN NULL;
      END $$`);
    for (const t of ITEM_TABLES) {
      const on = `AFTER %s ON ${t} REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION lawtrail_due_list_items_changed()`;
      await q.query(`CREATE TRIGGER ${t}_due_list_insert ${on.replace('%s', 'INSERT').replace('%s', 'NEW TABLE AS new_rows')}`);
      await q.query(
        `CREATE TRIGGER ${t}_due_list_update ${on.replace('%s', 'UPDATE').replace('%s', 'OLD TABLE AS old_rows NEW TABLE AS new_rows')}`,
      );
      await q.query(`CREATE TRIGGER ${t}_due_list_delete ${on.replace('%s', 'DELETE').replace('%s', 'OLD TABLE AS old_rows')}`);
    }
    await q.query(`
      CREATE TRIGGER cases_due_list_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION lawtrail_due_list_case_changed()`);
    await q.query(`
      INSERT INTO due_list (agency_id, case_id, kind, ref, due_at, officer_id, assignee_id, role, stage, complete, missing_years)
      ${ROWS_OF('ARRAY(SELECT id FROM cases)')}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER cases_due_list_update ON cases');
    for (const t of ITEM_TABLES) {
      for (const e of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${t}_due_list_${e} ON ${t}`);
    }
    await q.query('DROP FUNCTION lawtrail_due_list_case_changed()');
    await q.query('DROP FUNCTION lawtrail_due_list_items_changed()');
    await q.query('DROP FUNCTION lawtrail_refresh_due_list(uuid[])');
    await q.query('DROP TABLE due_list');
  }
}
