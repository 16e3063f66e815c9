import { createHmac, randomUUID } from 'node:crypto';
import { hashPassword } from '#api/auth/password';
import { DEMO_PASSWORD } from '#api/auth/demo-users';
import { SESSION_CACHE_MS } from '#api/auth/sessions';
import { eventually } from '../support/database';
import { TestSystem } from '../support/system';

// A token lives only as long as its session — the account active
// and unchanged, not logged out — and only if we signed it as we sign (HS256, with an expiry); logins
// cost the same whether the account exists, are limited per address as well as per account, and every
// failed or throttled attempt is in the access audit under the agency the username names.
let sys: TestSystem;
let admin: string;
let supervisor: string;

const ADDRESS_LIMIT = 45;

beforeAll(async () => {
  sys = await TestSystem.start({ env: { LAWTRAIL_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: String(ADDRESS_LIMIT) } });
  admin = await sys.token('sys.admin');
  supervisor = await sys.token('xlt.supervisor');
});
afterAll(async () => {
  await sys?.stop();
});

const me = (token: string) => sys.call('GET', '/api/v1/auth/me', { token });
const db = () => sys.database.db;

const b64 = (x: object | string) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');
/** A token as an attacker who knows (or guesses) the key would make it. */
function mint(alg: 'HS256' | 'HS512' | 'none', claims: Record<string, unknown>, key = sys.env.jwtSecret): string {
  const unsigned = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  if (alg === 'none') return `${unsigned}.`;
  return `${unsigned}.${createHmac(alg === 'HS256' ? 'sha256' : 'sha512', key)
    .update(unsigned)
    .digest('base64url')}`;
}
async function claimsOf(username: string, o: { exp?: boolean } = {}) {
  const [u] = await db().query('SELECT id, display_name, role, agency_id, token_version FROM users WHERE username = $1', [username]);
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: u.id,
    name: u.display_name,
    role: u.role,
    agencyId: u.agency_id,
    ver: u.token_version,
    iat: now,
    ...(o.exp === false ? {} : { exp: now + 3600 }),
  };
}

describe('sessions', () => {
  it('a disabled account is locked out within seconds, and enabling it again does not revive its old tokens', async () => {
    const token = (await sys.tryLogin('xlt.officer3')).body.accessToken;
    expect((await me(token)).status).toBe(200);
    await db().query(`UPDATE users SET active = false WHERE username = 'xlt.officer3'`);
    const started = Date.now();
    const refused = await eventually(async () => {
      const r = await me(token);
      return r.status === 401 ? r : undefined;
    });
    expect(Date.now() - started).toBeLessThan(SESSION_CACHE_MS + 3000);
    expect(refused.body).toEqual({ code: 'AUTH_SESSION_ENDED', message: expect.stringMatching(/登录已失效/) });
    expect((await sys.tryLogin('xlt.officer3')).status).toBe(401);
    await db().query(`UPDATE users SET active = true WHERE username = 'xlt.officer3'`);
    await new Promise((r) => setTimeout(r, SESSION_CACHE_MS + 200));
    expect((await me(token)).status).toBe(401);
    expect((await me((await sys.tryLogin('xlt.officer3')).body.accessToken)).status).toBe(200);
  });

  it('logout ends every token of the user, on every device; a new login works', async () => {
    const [phone, desk] = [(await sys.tryLogin('hy.officer3')).body.accessToken, (await sys.tryLogin('hy.officer3')).body.accessToken];
    expect((await me(desk)).status).toBe(200);
    expect((await sys.call('POST', '/api/v1/auth/logout', { token: phone })).status).toBe(204);
    for (const t of [phone, desk]) expect((await me(t)).body.code).toBe('AUTH_SESSION_ENDED');
    expect((await me((await sys.tryLogin('hy.officer3')).body.accessToken)).status).toBe(200);
  });

  it('a password change ends every earlier token; the old password stops, the new one logs in', async () => {
    const before = (await sys.tryLogin('pl.officer3')).body.accessToken;
    const change = (body: object) => sys.call('POST', '/api/v1/auth/password', { token: before, body });
    expect((await change({ currentPassword: 'wrong-password', newPassword: 'a-new-password-1' })).body.code).toBe('AUTH_PASSWORD_WRONG');
    const short = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'newPassword', code: 'TOO_SHORT' })]);
    const changed = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'a-new-password-1' });
    expect(changed.status).toBe(200);
    expect((await me(before)).body.code).toBe('AUTH_SESSION_ENDED');
    expect((await me(changed.body.accessToken)).status).toBe(200);
    expect((await sys.tryLogin('pl.officer3')).status).toBe(401);
    expect((await sys.tryLogin('pl.officer3', 'a-new-password-1')).status).toBe(200);
    // Changed by an operator in SQL: the trigger moves the version all the same.
    await db().query(`UPDATE users SET password_hash = $1 WHERE username = 'pl.officer3'`, [await hashPassword(DEMO_PASSWORD)]);
    await new Promise((r) => setTimeout(r, SESSION_CACHE_MS + 200));
    expect((await me(changed.body.accessToken)).body.code).toBe('AUTH_SESSION_ENDED');
  });

  it('only tokens signed HS256 with an expiry are honoured: HS512, alg none and a token without exp get 401', async () => {
    expect((await me(mint('HS256', await claimsOf('jp.chief')))).status).toBe(200);
    for (const token of [
      mint('HS512', await claimsOf('jp.chief')),
      mint('none', await claimsOf('jp.chief')),
      mint('HS256', await claimsOf('jp.chief', { exp: false })),
    ]) {
      expect((await me(token)).body).toEqual({ code: 'AUTH_TOKEN_MISSING', message: expect.any(String) });
    }
    expect((await me(mint('HS256', await claimsOf('jp.chief'), 'lawtrail-dev-only-secret'))).status).toBe(401);
  });

  it('a token for a deleted or unknown user answers 401, never 500', async () => {
    await db().query(
      `INSERT INTO users (username, display_name, role, agency_id, unit, password_hash) VALUES ('xx.leaver', '离职人员', 'officer', 'xinxiang-town', '执法科', $1)`,
      [await hashPassword(DEMO_PASSWORD)],
    );
    const token = (await sys.tryLogin('xx.leaver')).body.accessToken;
    expect((await me(token)).status).toBe(200);
    await db().query(`DELETE FROM users WHERE username = 'xx.leaver'`);
    await new Promise((r) => setTimeout(r, SESSION_CACHE_MS + 200));
    expect(await me(token)).toEqual({ status: 401, body: expect.objectContaining({ code: 'AUTH_SESSION_ENDED' }) });
    const unknown = { ...(await claimsOf('xx.chief')), sub: randomUUID() };
    expect((await me(mint('HS256', unknown))).status).toBe(401);
    expect((await me(mint('HS256', { ...unknown, sub: "x' OR 1=1 --" }))).status).toBe(401);
  });
});

describe('login', () => {
  it('a wrong password takes as long for an unknown account as for an existing one (no enumeration by timing)', async () => {
    const time = async (username: string) => {
      const started = process.hrtime.bigint();
      expect((await sys.tryLogin(username, 'wrong-password')).status).toBe(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const [known, unknown]: number[][] = [[], []];
    for (let i = 0; i < 7; i++) {
      known.push(await time('xx.officer2'));
      unknown.push(await time(`xx.nobody${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[3];
    // Before: 43 ms against 5 ms. Now both run one scrypt; allow for a loaded machine.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('spraying one password over many accounts from one address is stopped: 429 with Retry-After, every attempt audited', async () => {
    // Each account well under its own limit; the address runs out.
    const sprayed: string[] = [];
    let throttled: Response | undefined;
    for (let i = 0; i < ADDRESS_LIMIT + 1 && !throttled; i++) {
      const username =
        i % 2 ? `hy.sprayed${i}` : ['xlt.officer1', 'xlt.officer2', 'xlt.unithead', 'xlt.legal', 'xlt.archivist'][(i / 2) % 5];
      sprayed.push(username);
      const r = await fetch(`${sys.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Spring2026!' }),
      });
      if (r.status === 429) throttled = r;
      else expect(r.status).toBe(401);
    }
    expect(throttled).toBeDefined();
    expect(sprayed.filter((u) => u === 'xlt.officer1').length).toBeLessThan(10); // no account reached its own limit
    expect(Number(throttled!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await throttled!.json()).toEqual({ code: 'AUTH_TOO_MANY_ATTEMPTS', message: '登录尝试过于频繁，请一分钟后再试' });
    // The right password of a fresh account is refused too, while the address is blocked.
    const blocked = await sys.tryLogin('jp.legal');
    expect(blocked.status).toBe(429);

    // The agency's supervisor sees the attempts on its accounts; the administrator sees them all, paged.
    const own = await sys.call('GET', '/api/v1/audit?action=login_failed&pageSize=100', { token: supervisor });
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(
      own.body.items.every((a: any) => a.agencyId === 'xinglongtai-civil-affairs' && a.action === 'login_failed' && a.outcome === 'denied'),
    ).toBe(true);
    expect(new Set(own.body.items.map((a: any) => a.username))).toEqual(
      new Set(['xlt.officer1', 'xlt.officer2', 'xlt.unithead', 'xlt.legal', 'xlt.archivist', 'xlt.officer3']),
    );
    const all = await sys.call('GET', '/api/v1/audit?action=login_failed&pageSize=100', { token: admin });
    expect(all.body.total).toBeGreaterThanOrEqual(sprayed.length - 1);
    expect(all.body.items).toContainEqual(
      expect.objectContaining({ username: 'hy.sprayed1', agencyId: null, code: 'AUTH_INVALID_CREDENTIALS', ip: expect.any(String) }),
    );
    const page2 = await sys.call('GET', '/api/v1/audit?action=login_failed&pageSize=5&page=2', { token: admin });
    expect(page2.body).toMatchObject({ page: 2, pageSize: 5, total: all.body.total });
    expect(page2.body.items).toEqual(all.body.items.slice(5, 10));
    const throttledAudit = await sys.call('GET', '/api/v1/audit?action=login_throttled', { token: admin });
    expect(throttledAudit.body.items).toContainEqual(
      expect.objectContaining({ username: 'jp.legal', agencyId: 'jinpu-ocean', code: 'AUTH_TOO_MANY_ATTEMPTS' }),
    );
    // The administrator reads logins, not another agency's case refusals.
    expect(
      (await sys.call('GET', '/api/v1/audit?action=GET%20%2Fapi%2Fv1%2Fcases%2F%3Aid', { token: admin })).body.items.every(
        (a: any) => a.agencyId === null || a.agencyId === 'system',
      ),
    ).toBe(true);
  });
});
