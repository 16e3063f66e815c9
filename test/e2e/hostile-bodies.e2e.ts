import { Socket, connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { DEMO_PASSWORD } from '#api/auth/demo-users';
import { SESSION_CACHE_MS } from '#api/auth/sessions';
import { ERRORS } from '#api/common/errors';
import { TestSystem } from '../support/system';

// Bodies built to hurt — nested thousands
// deep, corrupt compression, prototype keys, far years, a body that stalls — and a query that hangs.
// Each answers a 4xx or 503 with a catalogued code, never a 500 or a held connection.
const STATEMENT_TIMEOUT_MS = 2000;
const IDLE_TIMEOUT_MS = 4000;
let sys: TestSystem;
let officer: string;

beforeAll(async () => {
  sys = await TestSystem.start({
    env: { LAWTRAIL_DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS), LAWTRAIL_HTTP_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS) },
  });
  officer = await sys.token('xlt.officer1');
});
afterAll(async () => {
  await sys?.stop();
});

const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${sys.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as any,
  }));
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

it('a body nested 5 000 levels deep is refused 400 BODY_TOO_DEEP before anything walks it, not a 500', async () => {
  const tooDeep = { status: 400, body: { code: 'BODY_TOO_DEEP', message: ERRORS.BODY_TOO_DEEP.message } };
  expect(await post('/api/v1/auth/login', `{"username":"xlt.officer1","password":${nested(5000)}}`)).toEqual(tooDeep);
  expect(await post('/api/v1/cases', `{"parties":${nested(5000)}}`, { authorization: `Bearer ${officer}` })).toEqual(tooDeep);
  expect(await post('/api/v1/cases', `{"parties":${nested(32)}}`, { authorization: `Bearer ${officer}` })).toEqual(tooDeep); // 33 with the body
  const deepest = await post('/api/v1/cases', `{"parties":${nested(31)}}`, { authorization: `Bearer ${officer}` });
  expect(deepest).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  // Brackets inside text are text.
  expect((await post('/api/v1/auth/login', JSON.stringify({ username: 'xlt.officer1', password: '['.repeat(100) }))).body.code).toBe(
    'AUTH_INVALID_CREDENTIALS',
  );
});

it('a corrupt gzip or deflate body is refused 400 BODY_NOT_JSON; a sound one is read', async () => {
  const login = JSON.stringify({ username: 'xlt.officer2', password: DEMO_PASSWORD });
  const notJson = { status: 400, body: { code: 'BODY_NOT_JSON', message: ERRORS.BODY_NOT_JSON.message } };
  expect(await post('/api/v1/auth/login', Buffer.from('this is not gzip at all'), { 'content-encoding': 'gzip' })).toEqual(notJson);
  expect(await post('/api/v1/auth/login', gzipSync(login).subarray(0, 20), { 'content-encoding': 'gzip' })).toEqual(notJson);
  expect(await post('/api/v1/auth/login', Buffer.from([0x78, 0x9c, 1, 2, 3, 4]), { 'content-encoding': 'deflate' })).toEqual(notJson);
  expect((await post('/api/v1/auth/login', gzipSync(login), { 'content-encoding': 'gzip' })).status).toBe(200);
});

it('__proto__, constructor and prototype keys are refused with a field error, not silently dropped', async () => {
  const r = await post('/api/v1/auth/login', `{"username":"xlt.officer2","password":"${DEMO_PASSWORD}","__proto__":{"role":"chief"}}`);
  expect(r).toEqual({
    status: 400,
    body: {
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      errors: [expect.objectContaining({ field: '__proto__', code: 'FORBIDDEN_KEY' })],
    },
  });
  const form = { source: 'ex_officio', reason: 'r', caseSource: 'c', facts: 'f', handlerOpinion: 'o' };
  const c = await sys.call('POST', '/api/v1/cases', {
    token: officer,
    raw: JSON.stringify({ ...form, parties: [{ kind: 'person', name: '王五', constructor: { prototype: 1 } }] }),
  });
  expect(c.status).toBe(400);
  expect(c.body.errors).toEqual([expect.objectContaining({ field: 'parties[0].constructor', code: 'FORBIDDEN_KEY' })]);
  const q = await sys.call('GET', '/api/v1/cases?prototype=1', { token: officer });
  expect(q.body.errors).toEqual([expect.objectContaining({ field: 'prototype', code: 'FORBIDDEN_KEY' })]);
  expect((await sys.database.db.query(`SELECT count(*)::int AS n FROM cases`))[0].n).toBe(0);
});

it('GET /calendar/due keeps to the years 1900–2999 like every other date: 3008 is refused', async () => {
  const due = (q: string) => sys.call('GET', `/api/v1/calendar/due?amount=5&unit=day&${q}`, { token: officer });
  expect((await due('from=2026-03-02')).status).toBe(200);
  for (const q of ['from=3008-01-01', 'from=1899-12-31T00:00:00%2B08:00', 'from=2026-03-02&pause=2026-03-03/3008-01-01']) {
    const r = await due(q);
    expect({ q, status: r.status, code: r.body.code }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
    expect(r.body.errors).toContainEqual(
      expect.objectContaining({ code: 'OUT_OF_RANGE', message: expect.stringContaining('1900 至 2999') }),
    );
  }
});

it('a query that hangs answers 503 DATABASE_UNAVAILABLE with Retry-After once the statement timeout passes, not a held request', async () => {
  const token = await sys.login('xlt.legal');
  await new Promise((r) => setTimeout(r, SESSION_CACHE_MS + 200)); // nothing cached: the guard reads the user
  const runner = sys.database.db.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    const started = Date.now();
    const r = await fetch(`${sys.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    const took = Date.now() - started;
    expect({ status: r.status, body: await r.json() }).toEqual({
      status: 503,
      body: { code: 'DATABASE_UNAVAILABLE', message: ERRORS.DATABASE_UNAVAILABLE.message },
    });
    expect(r.headers.get('retry-after')).toBe('5');
    expect(took).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(STATEMENT_TIMEOUT_MS + 4000);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
  expect((await sys.call('GET', '/api/v1/auth/me', { token })).status).toBe(200);
});

it('a body that stalls is cut off once the connection has been idle for the timeout, not held for minutes', async () => {
  const url = new URL(sys.baseUrl);
  const socket: Socket = connect(Number(url.port), url.hostname).on('error', () => undefined);
  await new Promise((r) => socket.once('connect', r));
  const started = Date.now();
  socket.write(
    [
      'POST /api/v1/auth/login HTTP/1.1',
      `Host: ${url.host}`,
      'Content-Type: application/json',
      'Content-Length: 1000',
      '',
      '{"username":',
    ].join('\r\n'),
  );
  await new Promise((r) => socket.once('close', r));
  const took = Date.now() - started;
  expect(took).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 200);
  expect(took).toBeLessThan(IDLE_TIMEOUT_MS + 5000);
});
