import { Context } from '@temporalio/activity';
import { Pool, PoolClient } from 'pg';

/**
 * The fair baseline's writes (bench/README.md, "The fair lifecycle"): what lawtrail writes for each human
 * step of the filing lifecycle — the case row, record entries, task rows, the case number, the document's
 * row, the decision stage's deadline — into tables of its own, with plain SQL and one transaction per step,
 * none of lawtrail's code. Every statement is keyed or guarded so a retried activity changes nothing twice.
 */
export const FAIR_TABLES = `
CREATE TABLE IF NOT EXISTS fair_cases (
  id text PRIMARY KEY, status text NOT NULL, stage text NOT NULL, number int, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS fair_entries (
  case_id text NOT NULL, seq int NOT NULL, key text NOT NULL, summary text NOT NULL, at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, seq), UNIQUE (case_id, key));
CREATE TABLE IF NOT EXISTS fair_tasks (
  id text PRIMARY KEY, case_id text NOT NULL, kind text NOT NULL, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz);
CREATE TABLE IF NOT EXISTS fair_numbers (year int PRIMARY KEY, last int NOT NULL);
CREATE TABLE IF NOT EXISTS fair_documents (case_id text NOT NULL, kind text NOT NULL, PRIMARY KEY (case_id, kind));
CREATE TABLE IF NOT EXISTS fair_deadlines (case_id text PRIMARY KEY, due_at timestamptz NOT NULL)`;

export interface TaskToOpen {
  id: string;
  kind: string;
}

export function createStepActivities(pool: Pool) {
  const caseId = () => Context.current().info.workflowExecution!.workflowId.replace(/:decision$/, '');
  return {
    /** Step 1, the start: the case row, its first record entry and the unit head's task. */
    async fairRegister(task: TaskToOpen): Promise<void> {
      await tx(pool, async (c) => {
        await c.query(`INSERT INTO fair_cases (id, status, stage) VALUES ($1, 'pending', 'initiation') ON CONFLICT DO NOTHING`, [caseId()]);
        await entry(c, caseId(), 'registered');
        await openTask(c, caseId(), task);
      });
    },
    /** A step whose writes are one transaction: close the task, touch the case, the record entry, the next task. */
    async fairStep(taskId: string, next: TaskToOpen): Promise<void> {
      await tx(pool, async (c) => {
        await closeTask(c, caseId(), taskId);
        await openTask(c, caseId(), next);
      });
    },
    /** The same writes as lawtrail makes them today, first half: close the task, touch the case, the entry. */
    async fairClose(taskId: string): Promise<void> {
      await tx(pool, (c) => closeTask(c, caseId(), taskId));
    },
    /** …second half: open the next task. */
    async fairOpen(next: TaskToOpen): Promise<void> {
      await tx(pool, async (c) => {
        await openTask(c, caseId(), next);
      });
    },
    /**
     * The chief's approval, filing (立案): close the task with its entry, number the case (one counter row
     * per year, as lawtrail's per agency and year), the new status, the filing's entry, the 程序启动审批表's
     * row and its entry. Rendering the PDF is not a database write and is left out.
     */
    async fairFile(taskId: string): Promise<void> {
      await tx(pool, async (c) => {
        const id = caseId();
        await closeTask(c, id, taskId);
        const { rows } = await c.query('SELECT number FROM fair_cases WHERE id = $1 FOR UPDATE', [id]);
        if (rows[0].number === null) {
          const n = await c.query(
            `INSERT INTO fair_numbers (year, last) VALUES (extract(year FROM now()), 1)
             ON CONFLICT (year) DO UPDATE SET last = fair_numbers.last + 1 RETURNING last`,
          );
          await c.query(`UPDATE fair_cases SET status = 'filed', number = $2, updated_at = now() WHERE id = $1`, [id, n.rows[0].last]);
        }
        await entry(c, id, 'filed');
        await c.query(`INSERT INTO fair_documents (case_id, kind) VALUES ($1, 'initiation_approval') ON CONFLICT DO NOTHING`, [id]);
        await entry(c, id, 'document:initiation_approval');
      });
    },
    /** The decision stage's first writes: its deadline, the case's stage, the entry, the officer's draft task. */
    async fairDecisionOpened(task: TaskToOpen): Promise<void> {
      await tx(pool, async (c) => {
        const id = caseId();
        await c.query(
          `INSERT INTO fair_deadlines (case_id, due_at) VALUES ($1, now() + interval '90 days') ON CONFLICT (case_id) DO UPDATE SET due_at = EXCLUDED.due_at`,
          [id],
        );
        await c.query(`UPDATE fair_cases SET stage = 'decision' WHERE id = $1 AND stage = 'initiation'`, [id]);
        await entry(c, id, 'decision_deadline_set');
        await openTask(c, id, task);
      });
    },
  };
}

export type StepActivities = ReturnType<typeof createStepActivities>;

async function tx(pool: Pool, body: (c: PoolClient) => Promise<void>): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await body(c);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

/** The next entry of the case's record, numbered in the statement; the key makes a retry a no-op. */
function entry(c: PoolClient, caseId: string, key: string) {
  return c.query(
    `INSERT INTO fair_entries (case_id, seq, key, summary)
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $2 FROM fair_entries WHERE case_id = $1
     ON CONFLICT DO NOTHING`,
    [caseId, key],
  );
}

function openTask(c: PoolClient, caseId: string, t: TaskToOpen) {
  return c.query('INSERT INTO fair_tasks (id, case_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [t.id, caseId, t.kind]);
}

async function closeTask(c: PoolClient, caseId: string, taskId: string): Promise<void> {
  await c.query(`UPDATE fair_tasks SET status = 'completed', completed_at = now() WHERE id = $1 AND status = 'open'`, [taskId]);
  await c.query('UPDATE fair_cases SET updated_at = now() WHERE id = $1', [caseId]);
  await entry(c, caseId, `task:${taskId}`);
}
