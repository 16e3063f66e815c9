import { TestSystem } from '../support/system';

// The directory of one's own agency (GET /api/v1/users): colleagues a client can name as present,
// never another agency's people, never a login's secrets; filtered, paged, bad filters refused.
let sys: TestSystem;

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

type Row = { id: string; display_name: string; role: string; unit: string };

/** The active users of the agency `username` belongs to, as the database holds them. */
async function colleaguesOf(username: string, where = '', params: string[] = []): Promise<Row[]> {
  return sys.database.db.query(
    `SELECT id, display_name, role, unit FROM users
      WHERE active AND agency_id = (SELECT agency_id FROM users WHERE username = $1) ${where}
      ORDER BY unit, display_name, id`,
    [username, ...params],
  );
}

const get = async (username: string, query = '') => sys.call('GET', `/api/v1/users${query}`, { token: await sys.token(username) });

it('lists every active colleague of the caller’s agency, and only those', async () => {
  const expected = await colleaguesOf('xlt.officer1');
  const r = await get('xlt.officer1', '?pageSize=100');
  expect(r.status).toBe(200);
  expect(r.body.total).toBe(expected.length);
  expect(r.body.items.map((u: any) => [u.id, u.displayName, u.role, u.unit])).toEqual(
    expected.map((u) => [u.id, u.display_name, u.role, u.unit]),
  );
  expect(Object.keys(r.body.items[0]).sort()).toEqual([
    'certificateNo',
    'certificateValidFrom',
    'certificateValidTo',
    'displayName',
    'id',
    'role',
    'unit',
  ]);
  const officer = r.body.items.find((u: any) => u.role === 'officer');
  expect(officer.certificateValidTo > officer.certificateValidFrom).toBe(true);
});

it('shows another agency’s officer their own agency, not this one', async () => {
  const mine = new Set((await colleaguesOf('xlt.officer1')).map((u) => u.id));
  const r = await get('pl.officer1', '?pageSize=100');
  expect(r.status).toBe(200);
  expect(r.body.total).toBe((await colleaguesOf('pl.officer1')).length);
  expect(r.body.items.filter((u: any) => mine.has(u.id))).toEqual([]);
});

it('filters by role and by unit', async () => {
  const chiefs = await get('xlt.officer1', '?role=chief');
  expect(chiefs.body.items.map((u: any) => u.id)).toEqual(
    (await colleaguesOf('xlt.officer1', 'AND role = $2', ['chief'])).map((u) => u.id),
  );
  const [{ unit }] = await colleaguesOf('xlt.officer1', 'AND role = $2', ['officer']);
  const inUnit = await get('xlt.officer1', `?unit=${encodeURIComponent(unit)}`);
  expect(inUnit.body.items.map((u: any) => u.id)).toEqual((await colleaguesOf('xlt.officer1', 'AND unit = $2', [unit])).map((u) => u.id));
  expect(inUnit.body.items.every((u: any) => u.unit === unit)).toBe(true);
});

it('pages in a stable order', async () => {
  const all = (await get('xlt.officer1', '?pageSize=100')).body.items.map((u: any) => u.id);
  const second = await get('xlt.officer1', '?page=2&pageSize=2');
  expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: all.length });
  expect(second.body.items.map((u: any) => u.id)).toEqual(all.slice(2, 4));
});

it('refuses an unknown role field by field, in Chinese', async () => {
  const r = await get('xlt.officer1', '?role=boss');
  expect(r.status).toBe(400);
  expect(r.body.errors).toEqual([expect.objectContaining({ field: 'role', message: expect.stringMatching(/角色/) })]);
});

it('answers 401 without a login', async () => {
  expect((await sys.call('GET', '/api/v1/users')).status).toBe(401);
});
