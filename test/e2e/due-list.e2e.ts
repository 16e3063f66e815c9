import { randomUUID } from 'node:crypto';
import { TestDatabase, bareCase, freshDatabase, userId } from '../support/database';

// `due_list` is the due view kept as a table by triggers (migration DueList): after any write, and after
// two transactions writing the same case at once, it holds exactly what the views `due_items` and
// `due_estimates` say — the list a supervisor pages is never behind or beside its definition.
let database: TestDatabase;
let officer: string;

beforeAll(async () => {
  database = await freshDatabase();
  officer = await userId(database.db, 'xlt.officer1');
});
afterAll(async () => {
  await database?.drop();
});

const AGENCY = 'xinglongtai-civil-affairs';

const newCase = () => bareCase(database.db, { agencyId: AGENCY, officerId: officer, status: 'initiated', stage: 'decision' });

const TASK = `INSERT INTO tasks (id, case_id, agency_id, workflow_id, kind, role, status, due_at, opened_at, due_complete, due_missing_years)
              VALUES ($1, $2, '${AGENCY}', 'w', 'legal_review', 'legal_reviewer', 'open', $3, now(), $4, $5)`;
const DEADLINE = `INSERT INTO case_deadlines (case_id, kind, due_at, due_complete, extended, state, updated_at) VALUES ($1, 'decision', $2, true, false, 'running', now())`;

/** The list as kept, and as the views define it, in one order. */
async function keptAndDefined(): Promise<{ kept: unknown[]; defined: unknown[] }> {
  const cols = 'agency_id, case_id, kind, ref, due_at, officer_id, assignee_id, role, stage';
  const kept = await database.db.query(`SELECT ${cols}, complete, missing_years FROM due_list ORDER BY case_id, kind, ref`);
  const defined = await database.db.query(
    `SELECT ${cols.replace(/(\w+)/g, 'd.$1')}, COALESCE(x.complete, true) AS complete, COALESCE(x.missing_years, '{}') AS missing_years
       FROM due_items d LEFT JOIN due_estimates x ON x.case_id = d.case_id AND x.kind = d.kind AND x.ref = d.ref
      WHERE d.due_at IS NOT NULL ORDER BY d.case_id, d.kind, d.ref`,
  );
  return { kept, defined };
}

it('follows every write to the tables the view reads: tasks, deadlines, and the case itself', async () => {
  const [a, b] = [await newCase(), await newCase()];
  const task = randomUUID();
  await database.db.query(TASK, [task, a, new Date('2026-03-02T00:00:00Z'), false, [2027]]);
  await database.db.query(DEADLINE, [b, new Date('2026-03-09T00:00:00Z')]);
  let { kept, defined } = await keptAndDefined();
  expect(kept).toHaveLength(2);
  expect(kept).toEqual(defined);
  expect(kept).toContainEqual(expect.objectContaining({ case_id: a, complete: false, missing_years: [2027] }));

  await database.db.query(`UPDATE tasks SET assignee_id = $2, due_complete = true, due_missing_years = '{}' WHERE id = $1`, [
    task,
    officer,
  ]);
  await database.db.query(`UPDATE cases SET stage = 'service' WHERE id = $1`, [b]);
  ({ kept, defined } = await keptAndDefined());
  expect(kept).toEqual(defined);
  expect(kept).toContainEqual(expect.objectContaining({ case_id: a, assignee_id: officer, complete: true }));
  expect(kept).toContainEqual(expect.objectContaining({ case_id: b, stage: 'service' }));

  // Closed, met, or the case suspended: gone; resumed: back.
  await database.db.query(`UPDATE tasks SET status = 'completed', completed_at = now() WHERE id = $1`, [task]);
  await database.db.query(`UPDATE cases SET clock = jsonb_set(clock, '{suspended}', '{"since": "2026-03-01"}') WHERE id = $1`, [b]);
  expect((await keptAndDefined()).kept).toEqual([]);
  await database.db.query(`UPDATE cases SET clock = jsonb_set(clock, '{suspended}', 'null') WHERE id = $1`, [b]);
  ({ kept, defined } = await keptAndDefined());
  expect(kept).toEqual(defined);
  expect(kept).toHaveLength(1);
  await database.db.query(`DELETE FROM case_deadlines WHERE case_id = $1`, [b]);
  expect((await keptAndDefined()).kept).toEqual([]);
});

it('two transactions writing the same case at once leave it as both wrote it', async () => {
  const c = await newCase();
  const first = database.db.createQueryRunner();
  const second = database.db.createQueryRunner();
  await Promise.all([first.connect(), second.connect()]);
  try {
    await first.startTransaction();
    await second.startTransaction();
    await first.query(TASK, [randomUUID(), c, new Date('2026-03-02T00:00:00Z'), true, []]);
    // The second's refresh waits for the first's lock on the case, then reads what the first committed.
    const pending = second.query(DEADLINE, [c, new Date('2026-03-09T00:00:00Z')]);
    await new Promise((r) => setTimeout(r, 200));
    await first.commitTransaction();
    await pending;
    await second.commitTransaction();
  } finally {
    await Promise.all([first.release(), second.release()]);
  }
  const { kept, defined } = await keptAndDefined();
  expect(kept.filter((r) => (r as { case_id: string }).case_id === c)).toHaveLength(2);
  expect(kept).toEqual(defined);
});
