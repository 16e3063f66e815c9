import { Pool } from 'pg';

/** Task kinds the filled tasks take in turn, with the role each is for (TASK_SPECS). */
const TASKS: [string, string][] = [
  ['legal_review', 'legal_reviewer'],
  ['draft_decision', 'officer'],
  ['chief_approval', 'chief'],
  ['unit_head_review', 'unit_head'],
  ['service_attempt', 'officer'],
  ['archive_file', 'archivist'],
];

/**
 * Open items of the supervisor's due view written straight into the tables the list is kept from (no
 * workflows): per case one open task and one running decision deadline (立案后作出决定的期限); 4 cases in
 * 5 the agency's, so that it gains `items` rows, the rest another agency's. Generated from the row
 * number, so every run has the same shape: due times spread over 180 days around `centre` (about half
 * overdue then), every other task assigned to its case's officer, stages spread. `tag` marks the cases'
 * workflow ids, so clearDueItems removes them.
 */
export async function fillDueItems(
  db: Pool,
  items: number,
  o: { agency: string; other: string; tag: string; centre: string },
): Promise<void> {
  const cases = Math.ceil((items * 5) / 8);
  const span = 180 * 86_400;
  await db.query(
    `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, procedure, handling_officer_id, form,
                        workflow_id, started_at, updated_at)
     SELECT gen_random_uuid(), o.agency_id, 1, 'ex_officio', false, 'initiated',
            (ARRAY['initiation', 'decision', 'service', 'execution'])[1 + g.i % 4], 'general', o.id, '{}'::jsonb,
            $4 || '-' || g.i, timestamptz '2026-01-01 00:00+08', timestamptz '2026-01-01 00:00+08'
       FROM generate_series(1, $1::int) g(i)
       CROSS JOIN LATERAL (
         SELECT u.id, u.agency_id FROM users u
          WHERE u.role = 'officer' AND u.agency_id = CASE WHEN g.i % 5 = 0 THEN $3 ELSE $2 END
          ORDER BY u.username OFFSET g.i % 3 LIMIT 1) o`,
    [cases, o.agency, o.other, o.tag],
  );
  const due = (shift: string) =>
    `$2::timestamptz + ((abs(hashtext(c.workflow_id || '${shift}')) % $3::int) - $3::int / 2) * interval '1 second'`;
  await db.query(
    `INSERT INTO tasks (id, case_id, agency_id, workflow_id, kind, role, assignee_id, status, due_at, opened_at)
     SELECT gen_random_uuid(), c.id, c.agency_id, c.workflow_id, k.kind, k.role,
            CASE WHEN n % 2 = 0 THEN c.handling_officer_id END, 'open', ${due('t')}, c.started_at
       FROM (SELECT c.*, split_part(c.workflow_id, '-', -1)::int AS n FROM cases c WHERE c.workflow_id LIKE $1 || '-%') c
       CROSS JOIN LATERAL (SELECT (k->>0) AS kind, (k->>1) AS role FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY a(k, o)
                            WHERE o = 1 + c.n % $5) k`,
    [o.tag, o.centre, span, JSON.stringify(TASKS), TASKS.length],
  );
  await db.query(
    `INSERT INTO case_deadlines (case_id, kind, due_at, due_complete, extended, state, updated_at)
     SELECT c.id, 'decision', ${due('d')}, true, false, 'running', c.started_at FROM cases c WHERE c.workflow_id LIKE $1 || '-%'`,
    [o.tag, o.centre, span],
  );
  await db.query('ANALYZE cases, tasks, case_deadlines, due_list');
}

/** Removes what fillDueItems wrote under `tag`. */
export async function clearDueItems(db: Pool, tag: string): Promise<void> {
  const of = `SELECT id FROM cases WHERE workflow_id LIKE $1 || '-%'`;
  await db.query(`DELETE FROM tasks WHERE case_id IN (${of})`, [tag]);
  await db.query(`DELETE FROM case_deadlines WHERE case_id IN (${of})`, [tag]);
  await db.query(`DELETE FROM cases WHERE workflow_id LIKE $1 || '-%'`, [tag]);
}
