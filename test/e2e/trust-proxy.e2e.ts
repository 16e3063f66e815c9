import { TestSystem } from '../support/system';

// Behind a reverse proxy every request came from the proxy's address, so
// the per-address login limit blocked every client at once and the audit named the proxy. With
// LAWTRAIL_TRUST_PROXY naming the proxy (here: loopback, where the test calls from), the client's
// address is the one the proxy appended to X-Forwarded-For; what the client itself put there is not believed.
let sys: TestSystem;
let admin: string;

const ADDRESS_LIMIT = 5;

beforeAll(async () => {
  sys = await TestSystem.start({
    env: { LAWTRAIL_TRUST_PROXY: 'loopback', LAWTRAIL_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: String(ADDRESS_LIMIT) },
  });
  admin = await sys.token('sys.admin');
});
afterAll(async () => {
  await sys?.stop();
});

/** A login as the proxy forwards it: the client's own X-Forwarded-For, then the address the proxy saw. */
const loginVia = (client: string, username: string, forged = '198.51.100.1') =>
  sys.tryLogin(username, 'Spring2026!', { 'x-forwarded-for': `${forged}, ${client}` });

it('limits and audits logins by the client behind the proxy, not by the proxy nor by what the client claims', async () => {
  const users = ['xlt.officer1', 'xlt.officer2', 'xlt.unithead', 'xlt.legal', 'xlt.archivist'];
  for (const u of users) expect((await loginVia('203.0.113.7', u)).status).toBe(401);
  const blocked = await loginVia('203.0.113.7', 'hy.officer1');
  expect(blocked).toMatchObject({ status: 429, body: { code: 'AUTH_TOO_MANY_ATTEMPTS' } });
  // Another client behind the same proxy is not blocked by the first one's attempts, whatever it forges.
  expect((await loginVia('203.0.113.8', 'hy.officer1', '203.0.113.7')).status).toBe(401);

  const audit = await sys.call('GET', '/api/v1/audit?action=login_failed&pageSize=100', { token: admin });
  const ips = audit.body.items.map((a: any) => a.ip);
  expect(new Set(ips)).toEqual(new Set(['203.0.113.7', '203.0.113.8']));
  const throttled = await sys.call('GET', '/api/v1/audit?action=login_throttled', { token: admin });
  expect(throttled.body.items).toContainEqual(expect.objectContaining({ username: 'hy.officer1', ip: '203.0.113.7' }));
});
