import { TestSystem } from '../support/system';

// Security headers, CORS closed by default, login attempts limited per
// account and address, no stack trace in any answer.
let sys: TestSystem;

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

it('sets security headers and answers no browser origin unless configured', async () => {
  const res = await fetch(`${sys.baseUrl}/api/health`, { headers: { origin: 'https://evil.example.com' } });
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
  expect(res.headers.get('x-powered-by')).toBeNull();
});

it('limits login attempts per account and address: the 11th in a minute gets 429 with a Chinese message; other accounts are not affected', async () => {
  for (let i = 0; i < 10; i++) expect((await sys.tryLogin('jp.officer2', 'wrong')).status).toBe(401);
  const locked = await sys.tryLogin('jp.officer2', 'lawtrail-demo');
  expect(locked).toEqual({ status: 429, body: { code: 'AUTH_TOO_MANY_ATTEMPTS', message: '登录尝试过于频繁，请一分钟后再试' } });
  const again = await fetch(`${sys.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'jp.officer2', password: 'x' }),
  });
  expect(again.status).toBe(429);
  expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0); // every 429 says when to come back
  expect((await sys.tryLogin('jp.officer1', 'lawtrail-demo')).status).toBe(200);
});

it('the case record is append-only and tamper-evident: an edit is refused, and one forced through maintenance is named by verify', async () => {
  const caseId = await sys.filedCase('xlt');
  const chief = await sys.token('xlt.chief');
  const intact = await sys.call('GET', `/api/v1/cases/${caseId}/verify`, { token: chief });
  expect(intact.body).toMatchObject({ caseId, intact: true, firstBroken: null });
  expect(intact.body.entries).toBeGreaterThanOrEqual(3);

  const db = sys.database.db;
  await expect(db.query(`UPDATE case_records SET summary = '改' WHERE case_id = $1 AND seq = 2`, [caseId])).rejects.toThrow(/只能追加/);
  await expect(db.query(`DELETE FROM case_records WHERE case_id = $1`, [caseId])).rejects.toThrow(/只能追加/);
  await db.transaction(async (m) => {
    await m.query(`SET LOCAL lawtrail.maintenance = 'on'`);
    await m.query(`UPDATE case_records SET summary = '被篡改的记录' WHERE case_id = $1 AND seq = 2`, [caseId]);
  });
  const broken = await sys.call('GET', `/api/v1/cases/${caseId}/verify`, { token: chief });
  expect(broken.body).toMatchObject({ intact: false, firstBroken: { seq: 2, reason: '记录内容与哈希值不符（记录被修改）' } });
});
