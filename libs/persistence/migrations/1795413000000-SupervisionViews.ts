import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who must act on an open task: its assignee, or nobody named (then its role, the `role` column). */
const DUE_ITEMS = (v: { measures: boolean; assignee: string; deadlineOpen: string }) => `
  CREATE OR REPLACE VIEW due_items AS
    SELECT t.agency_id, t.case_id, 'task:' || t.kind AS kind, t.due_at, ${v.assignee} AS officer_id,
           t.role, c.stage, t.id::text AS ref${v.measures ? ', t.assignee_id' : ''}
      FROM tasks t JOIN cases c ON c.id = t.case_id
     WHERE t.status = 'open' AND t.due_at IS NOT NULL
    UNION ALL
    SELECT c.agency_id, d.case_id, 'deadline:' || d.kind, d.due_at, c.handling_officer_id, 'officer', c.stage, d.kind${v.measures ? ', c.handling_officer_id' : ''}
      FROM case_deadlines d JOIN cases c ON c.id = d.case_id
     WHERE ${v.deadlineOpen} AND d.state <> 'paused'${HANDLED}
    UNION ALL
    SELECT s.agency_id, s.case_id, 'service', s.must_serve_by, c.handling_officer_id, 'officer', c.stage, s.id::text${v.measures ? ', c.handling_officer_id' : ''}
      FROM services s JOIN cases c ON c.id = s.case_id
     WHERE s.status = 'pending' AND s.must_serve_by IS NOT NULL${HANDLED}
    UNION ALL
    SELECT e.agency_id, e.case_id, 'payment', e.payment_due_at, c.handling_officer_id, 'officer', c.stage, e.case_id::text${v.measures ? ', c.handling_officer_id' : ''}
      FROM executions e JOIN cases c ON c.id = e.case_id
     WHERE e.state IN ('performing', 'overdue')
    UNION ALL
    SELECT e.agency_id, e.case_id, 'court_application', e.court_latest, c.handling_officer_id, 'officer', c.stage, e.case_id::text${v.measures ? ', c.handling_officer_id' : ''}
      FROM executions e JOIN cases c ON c.id = e.case_id
     WHERE e.state = 'overdue'${HANDLED}${v.measures ? MEASURES : ''}`;

const HANDLED = ` AND c.clock->'suspended' = 'null'::jsonb AND c.status NOT IN ('terminated', 'transferred')`;

/**
 * 查封、扣押、冻结 running or run out and not yet decided (行政强制法 25, 32: 30 days, extended once):
 * the handling officer must have it decided (released, extended, confiscated) by its end.
 */
const MEASURES = `
    UNION ALL
    SELECT c.agency_id, m.case_id, 'measure:' || m.kind, m.due_at, c.handling_officer_id, 'officer', c.stage, m.id::text, c.handling_officer_id
      FROM coercive_measures m JOIN cases c ON c.id = m.case_id
     WHERE m.status IN ('active', 'extension_requested', 'expired') AND m.due_at IS NOT NULL${HANDLED}`;

/** The defects of a case, one list for the case's own view and the supervisor's (id, record, basis added). */
const ACCOUNTABILITY = (extra: boolean) => `
  CREATE OR REPLACE VIEW accountability_items AS
    SELECT c.agency_id, d.case_id, e.producer_id AS person_id, d.kind, d.flagged_at AS at, d.description${extra ? ', d.id, d.record_id, d.legal_basis' : ''}
      FROM case_defects d JOIN cases c ON c.id = d.case_id LEFT JOIN evidence_records e ON e.id = d.record_id
    UNION ALL
    SELECT c.agency_id, e.case_id, e.producer_id, 'av_late', f.stored_at, '音像记录「' || e.title || '」逾期存储'${extra ? `, 'av_late:' || e.id, e.id, e.legal_basis` : ''}
      FROM av_files f JOIN evidence_records e ON e.id = f.record_id JOIN cases c ON c.id = e.case_id
     WHERE NOT f.on_time
    UNION ALL
    SELECT c.agency_id, e.case_id, e.producer_id, 'av_not_stored', e.upload_due_at, '音像记录「' || e.title || '」逾期未存储'${extra ? `, 'av_not_stored:' || e.id, e.id, e.legal_basis` : ''}
      FROM evidence_records e JOIN cases c ON c.id = e.case_id LEFT JOIN av_files f ON f.record_id = e.id
     WHERE e.category = 'audiovisual' AND f.record_id IS NULL AND e.upload_due_at < now()
    UNION ALL
    SELECT c.agency_id, a.case_id, a.archived_by, 'archived_late', a.archived_at, '案卷逾期归档'${extra ? `, 'archived_late:' || a.case_id, NULL::uuid, NULL::text` : ''}
      FROM archives a JOIN cases c ON c.id = a.case_id
     WHERE NOT a.on_time
    UNION ALL
    SELECT c.agency_id, t.case_id, t.assignee_id, 'not_archived', t.due_at, '案卷逾期未归档'${extra ? `, 'not_archived:' || t.id, NULL::uuid, NULL::text` : ''}
      FROM tasks t JOIN cases c ON c.id = t.case_id
     WHERE t.kind = 'archive_file' AND t.status = 'open' AND t.due_at < now()`;

/**
 * The supervisor's views agree with the case's own:
 * - a case-level deadline says how it ended (`ended`: met on time, met late, stopped by the case's
 *   termination or transfer) and when; a stopped one has state `stopped` and is no longer due;
 * - the due list names who must act (the task's assignee, else its role; `officer_id` stays the
 *   handling officer) and lists running coercive measures with their end;
 * - a filed case is in the `decision` stage (立案 starts the decision deadline, 行政处罚法 60);
 * - a case's defects and the accountability list are one view (the late audio-video included).
 */
export class SupervisionViews1795413000000 implements MigrationInterface {
  name = 'SupervisionViews1795413000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_deadlines DROP CONSTRAINT case_deadlines_state_check');
    await q.query(
      `ALTER TABLE case_deadlines ADD CONSTRAINT case_deadlines_state_check CHECK (state IN ('running', 'paused', 'overdue', 'met', 'stopped'))`,
    );
    await q.query(`ALTER TABLE case_deadlines ADD COLUMN ended text CHECK (ended IN ('met', 'met_late', 'terminated', 'transferred'))`);
    await q.query('ALTER TABLE case_deadlines ADD COLUMN ended_at timestamptz');
    await q.query(
      `UPDATE case_deadlines SET ended = CASE WHEN updated_at > due_at THEN 'met_late' ELSE 'met' END, ended_at = updated_at WHERE state = 'met'`,
    );
    await q.query(`
      UPDATE case_deadlines d SET state = 'stopped', ended = c.status, ended_at = c.ended_at
        FROM cases c WHERE c.id = d.case_id AND c.status IN ('terminated', 'transferred') AND d.state <> 'met'`);
    await q.query(
      `UPDATE cases c SET stage = 'decision' WHERE stage = 'initiation' AND EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'decision')`,
    );
    await q.query(DUE_ITEMS({ measures: true, assignee: 'c.handling_officer_id', deadlineOpen: `d.state NOT IN ('met', 'stopped')` }));
    await q.query(ACCOUNTABILITY(true));
  }

  public async down(q: QueryRunner): Promise<void> {
    // A view cannot lose columns by CREATE OR REPLACE: dropped and created as the earlier migrations left them.
    await q.query('DROP VIEW accountability_items');
    await q.query(ACCOUNTABILITY(false));
    await q.query('DROP VIEW due_items');
    await q.query(
      DUE_ITEMS({ measures: false, assignee: 'COALESCE(t.assignee_id, c.handling_officer_id)', deadlineOpen: `d.state <> 'met'` }),
    );
    await q.query(`UPDATE cases SET stage = 'initiation' WHERE stage = 'decision'`);
    await q.query(`UPDATE case_deadlines SET state = 'running' WHERE state = 'stopped'`);
    await q.query('ALTER TABLE case_deadlines DROP COLUMN ended_at');
    await q.query('ALTER TABLE case_deadlines DROP COLUMN ended');
    await q.query('ALTER TABLE case_deadlines DROP CONSTRAINT case_deadlines_state_check');
    await q.query(
      `ALTER TABLE case_deadlines ADD CONSTRAINT case_deadlines_state_check CHECK (state IN ('running', 'paused', 'overdue', 'met'))`,
    );
  }
}
