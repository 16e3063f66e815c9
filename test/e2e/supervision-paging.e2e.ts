import { randomUUID } from 'node:crypto';
import { bareCase, userId } from '../support/database';
import { TestSystem } from '../support/system';

// The supervisor's due list pages by cursor: each page starts strictly after the last row shown, so
// rows written between pages neither repeat one nor lose one; the filters hold on every page; a
// cursor the API did not give out is a field error. Rows are written by SQL (tasks and decision
// deadlines, the tables the list is kept from), as many and as tied as a test needs.
let sys: TestSystem;
const AGENCY = 'jinpu-ocean';
const T0 = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3600_000;
let supervisor: string;
let officers: string[];

beforeAll(async () => {
  sys = await TestSystem.start();
  supervisor = await sys.token('jp.supervisor');
  officers = [await userId(sys.database.db, 'jp.officer1'), await userId(sys.database.db, 'jp.officer2')];
});
afterAll(async () => {
  await sys?.stop();
});

interface Item {
  caseId: string;
  kind: string;
  ref: string;
  dueAt: string;
  stage: string;
  officerId: string;
  assigneeId: string | null;
}

/** A case of the agency with one open task due at `due` (and, if `deadline`, its decision deadline at the same time). */
async function openItem(n: number, due: number, o: { deadline?: boolean } = {}): Promise<Item[]> {
  const db = sys.database.db;
  const officerId = officers[n % 2];
  const stage = ['decision', 'service', 'execution'][n % 3];
  const at = new Date(due).toISOString();
  const caseId = await bareCase(db, {
    agencyId: AGENCY,
    officerId,
    status: 'initiated',
    stage,
    startedAt: new Date(T0 - 30 * 24 * HOUR),
    workflowPrefix: 'paging',
  });
  const taskId = randomUUID();
  const assigneeId = n % 4 === 0 ? officerId : null;
  const kind = n % 2 ? 'legal_review' : 'draft_decision';
  await db.query(
    `INSERT INTO tasks (id, case_id, agency_id, workflow_id, kind, role, assignee_id, status, due_at, opened_at)
     VALUES ($1, $2, $3, $4, $5, 'officer', $6, 'open', $7, $8)`,
    [taskId, caseId, AGENCY, `paging-${caseId}`, kind, assigneeId, at, new Date(T0 - 24 * HOUR)],
  );
  const items: Item[] = [{ caseId, kind: `task:${kind}`, ref: taskId, dueAt: at, stage, officerId, assigneeId }];
  if (o.deadline) {
    await db.query(
      `INSERT INTO case_deadlines (case_id, kind, due_at, due_complete, extended, state, updated_at) VALUES ($1, 'decision', $2, true, false, 'running', $3)`,
      [caseId, at, new Date(T0)],
    );
    items.push({ caseId, kind: 'deadline:decision', ref: 'decision', dueAt: at, stage, officerId, assigneeId: officerId });
  }
  return items;
}

const key = (i: { caseId: string; kind: string; ref: string }) => `${i.caseId}/${i.kind}/${i.ref}`;

/** Every page of `query` by cursor; `between(page, seen)` runs before each next page is read. */
async function allPages(query: string, between: (page: number, seen: Item[]) => Promise<void> = async () => {}) {
  const seen: Item[] = [];
  let cursor: string | null = null;
  for (let page = 1; page < 100; page++) {
    const q: string = cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query;
    const r = await sys.call('GET', `/api/v1/supervision/due?${q}`, { token: supervisor });
    if (r.status !== 200) throw new Error(`${q}: ${r.status} ${JSON.stringify(r.body)}`);
    seen.push(...r.body.items);
    cursor = r.body.nextCursor;
    if (!cursor) return seen;
    await between(page, seen);
  }
  throw new Error('more than 100 pages');
}

/** The order the list promises: due time, then case, kind, ref (as PostgreSQL compares them). */
function inListOrder(items: Item[]): boolean {
  return items.every((it, i) => i === 0 || Date.parse(items[i - 1].dueAt) <= Date.parse(it.dueAt));
}

it('pages by cursor without losing or repeating a row while rows are added and closed between pages', async () => {
  const items: Item[] = [];
  // Many rows share a due time (two per case, and four cases per hour), so the order's tie-break is exercised.
  for (let n = 0; n < 24; n++) items.push(...(await openItem(n, T0 + Math.floor(n / 4) * HOUR, { deadline: n % 3 === 0 })));
  const closed: string[] = [];
  const added: Item[] = [];
  const query = 'state=all&pageSize=7&asOf=2026-03-01T00:00:00Z';
  const seen = await allPages(query, async (page, sofar) => {
    // A row due after everything shown so far, one due before it (the supervisor has paged past its place), and a task not yet shown closed.
    added.push(...(await openItem(100 + page, T0 + 10 * HOUR + page * 60_000)));
    added.push(...(await openItem(200 + page, T0 - HOUR)));
    const shownUntil = Date.parse(sofar[sofar.length - 1].dueAt);
    const ahead = items.filter((i) => i.kind.startsWith('task:') && !closed.includes(i.ref) && Date.parse(i.dueAt) > shownUntil).pop();
    if (!ahead) return;
    await sys.database.db.query(`UPDATE tasks SET status = 'completed', completed_at = $2 WHERE id = $1`, [ahead.ref, new Date(T0)]);
    closed.push(ahead.ref);
  });
  expect(closed.length).toBeGreaterThan(1);
  const keys = seen.map(key);
  expect(new Set(keys).size).toBe(keys.length);
  expect(inListOrder(seen)).toBe(true);
  // Every row open from start to end is there once; closed ones are not.
  const kept = items.filter((i) => !closed.includes(i.ref));
  expect(keys).toEqual(expect.arrayContaining(kept.map(key)));
  for (const ref of closed) expect(seen.some((s) => s.ref === ref)).toBe(false);
  // Added after the position read: listed; added before it: not (it is on a page already read).
  const later = added.filter((a) => Date.parse(a.dueAt) > T0);
  expect(keys).toEqual(expect.arrayContaining(later.map(key)));
  expect(seen.some((s) => Date.parse(s.dueAt) === T0 - HOUR)).toBe(false);
  // Page numbers still work and name the same rows the cursor pages do, when nothing changes between them.
  const byNumber = [];
  for (let page = 1; ; page++) {
    const r = await sys.call('GET', `/api/v1/supervision/due?${query}&page=${page}`, { token: supervisor });
    byNumber.push(...r.body.items);
    if (!r.body.nextCursor) break;
  }
  expect(byNumber.map(key)).toEqual((await allPages(query)).map(key));
  const first = await sys.call('GET', `/api/v1/supervision/due?${query}`, { token: supervisor });
  expect(first.body).toMatchObject({ total: byNumber.length, totalCapped: false, page: 1, pageSize: 7 });
});

it('every filter holds on every page', async () => {
  for (let n = 300; n < 312; n++) await openItem(n, T0 + (n % 6) * HOUR, { deadline: n % 2 === 0 });
  const rows = (await allPages('state=all&pageSize=100')) as Item[];
  const asOf = new Date(T0 + 3 * HOUR).toISOString();
  const probes: [string, (i: Item & { daysLate?: number }) => boolean][] = [
    [`state=overdue&asOf=${asOf}`, (i) => Date.parse(i.dueAt) < Date.parse(asOf)],
    [`state=due&asOf=${asOf}`, (i) => Date.parse(i.dueAt) >= Date.parse(asOf)],
    ['state=all&kind=task:legal_review', (i) => i.kind === 'task:legal_review'],
    ['state=all&stage=service', (i) => i.stage === 'service'],
    [`state=all&officerId=${officers[0]}`, (i) => i.officerId === officers[0]],
    [`state=all&assigneeId=${officers[0]}`, (i) => i.assigneeId === officers[0]],
    [`state=all&dueBefore=${asOf}`, (i) => Date.parse(i.dueAt) < Date.parse(asOf)],
  ];
  for (const [filter, holds] of probes) {
    const paged = (await allPages(`${filter}&pageSize=5`)) as Item[];
    expect(paged.length).toBeGreaterThan(0);
    expect(paged.every(holds)).toBe(true);
    expect(paged.map(key)).toEqual(rows.filter(holds).map(key));
  }
});

it('a cursor the API did not give out is a field error with a stable code', async () => {
  const forged = Buffer.from(JSON.stringify(['2026-03-02', 'x', 'task:legal_review', 'r'])).toString('base64url');
  for (const cursor of ['not a cursor', 'abc', forged, 'x'.repeat(401)]) {
    const r = await sys.call('GET', `/api/v1/supervision/due?state=all&cursor=${encodeURIComponent(cursor)}`, { token: supervisor });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'cursor', message: expect.stringMatching(/[\u4e00-\u9fff]/) })]);
  }
  const r = await sys.call('GET', `/api/v1/supervision/due?state=all&cursor=${forged}`, { token: supervisor });
  expect(r.body.errors[0].code).toBe('DUE_CURSOR_INVALID');
});

it('the list follows the case: a suspended case leaves it, a resumed one returns with its new stage', async () => {
  // The case's own deadlines leave the list while it is suspended (its tasks stay: someone must still act on them).
  const [, item] = await openItem(7, T0 + 50 * HOUR, { deadline: true });
  const listed = async () => (await allPages('state=all&pageSize=100')).filter((i: Item) => key(i) === key(item)).map((i: Item) => i.stage);
  expect(await listed()).toEqual([item.stage]);
  const db = sys.database.db;
  await db.query(`UPDATE cases SET clock = jsonb_set(clock, '{suspended}', '{"since": "2026-03-02T00:00:00Z"}') WHERE id = $1`, [
    item.caseId,
  ]);
  expect(await listed()).toEqual([]);
  await db.query(`UPDATE cases SET clock = jsonb_set(clock, '{suspended}', 'null'), stage = 'execution' WHERE id = $1`, [item.caseId]);
  expect(await listed()).toEqual(['execution']);
});
