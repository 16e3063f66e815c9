import { eventually } from '../support/database';
import { EX_OFFICIO_CASE } from '../support/forms';
import { TestSystem } from '../support/system';

// 督办's "overdue by unit": the open items overdue at an instant, counted per unit (科室) of the case's
// handling officer, equal the due list's overdue rows at that instant grouped the same way; only
// supervisors and chiefs see them, and only of their own agency.
let sys: TestSystem;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

it('counts overdue items per unit of the handling officer exactly as the overdue list has them', async () => {
  await sys.filedCase('xlt');
  // An officer of the second unit (执法二科) files a case of their own, approved by their unit's head.
  const started = await sys.call('POST', '/api/v1/cases', { token: await sys.token('xlt.officer3'), body: EX_OFFICIO_CASE });
  expect(started.status).toBe(201);
  for (const [user, decision] of [
    ['xlt.unithead2', 'agree'],
    ['xlt.chief', 'approve'],
  ]) {
    await eventually(
      async () => (await sys.call('GET', `/api/v1/tasks?caseId=${started.body.id}`, { token: await sys.token(user) })).body.items[0],
    );
    expect((await sys.completeTask(started.body.id, user, { decision, opinion: '同意' })).status).toBe(200);
  }
  await eventually(async () => {
    const deadlines = await sys.call('GET', `/api/v1/cases/${started.body.id}/deadlines`, { token: await sys.token('xlt.officer3') });
    return deadlines.body.items?.length ? true : undefined;
  });
  // A year and a half on, every running deadline has passed: no waiting in real time.
  const asOf = new Date(Date.now() + 540 * DAY).toISOString();
  const supervisor = await sys.token('xlt.supervisor');

  const stats = await sys.call('GET', `/api/v1/supervision/stats?asOf=${encodeURIComponent(asOf)}`, { token: supervisor });
  expect(stats.status).toBe(200);
  const overdue: { officerId: string | null }[] = [];
  for (let page = 1; ; page++) {
    const list = await sys.call('GET', `/api/v1/supervision/due?state=overdue&asOf=${encodeURIComponent(asOf)}&pageSize=100&page=${page}`, {
      token: supervisor,
    });
    expect(list.status).toBe(200);
    overdue.push(...list.body.items);
    if (overdue.length >= list.body.total) break;
  }
  const units = new Map<string, string>(
    (await sys.database.db.query(`SELECT id, unit FROM users`)).map((u: { id: string; unit: string }) => [u.id, u.unit]),
  );
  const expected = new Map<string | null, number>();
  for (const i of overdue) {
    const unit = i.officerId ? (units.get(i.officerId) ?? null) : null;
    expected.set(unit, (expected.get(unit) ?? 0) + 1);
  }
  const answered = new Map<string | null, number>(
    stats.body.overdueByUnit.map((r: { unit: string | null; overdue: number }) => [r.unit, r.overdue]),
  );
  expect(answered).toEqual(expected);
  expect(expected.size).toBeGreaterThanOrEqual(2);
  // Largest first, so the chart reads from the unit with most to chase.
  const counts = stats.body.overdueByUnit.map((r: { overdue: number }) => r.overdue);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  // Nothing is overdue yet as of an instant before any case existed.
  const before = await sys.call('GET', `/api/v1/supervision/stats?asOf=2020-01-01T00:00:00Z`, { token: supervisor });
  expect(before.body.overdueByUnit).toEqual([]);
});

it('shows the figures to supervisors and chiefs only, of their own agency, and refuses a malformed instant by field', async () => {
  const officer = await sys.call('GET', '/api/v1/supervision/stats', { token: await sys.token('xlt.officer1') });
  expect(officer.status).toBe(403);
  const other = await sys.call('GET', '/api/v1/supervision/stats', { token: await sys.token('hy.chief') });
  expect(other.status).toBe(200);
  expect(other.body.overdueByUnit).toEqual([]);
  const bad = await sys.call('GET', '/api/v1/supervision/stats?asOf=tomorrow', { token: await sys.token('xlt.chief') });
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
});
