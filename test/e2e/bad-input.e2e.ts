import { ERRORS } from '#api/common/errors';
import { eventually } from '../support/database';
import { TestSystem } from '../support/system';

// Bad input tried on representative endpoints — oversized bodies, wrong types, unknown
// fields, text that cannot be stored, SQL and script payloads in every text field. Never a 5xx; a
// refusal is a catalogued code with a Chinese message and changes nothing; text that is accepted is
// kept verbatim (parameters, never SQL built from input).
let sys: TestSystem;
let filedCase: string;

beforeAll(async () => {
  sys = await TestSystem.start();
  filedCase = await sys.filedCase('xlt');
});
afterAll(async () => {
  await sys?.stop();
});

/** Row count of every table: what a refused request must leave as it was (the access audit aside, which records refusals). */
async function rows(): Promise<Record<string, number>> {
  const tables: { t: string }[] = await sys.database.db.query(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_log', 'migrations') ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { t } of tables) counts[t] = (await sys.database.db.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  return counts;
}

/**
 * The row counts once nothing is written in the background any more — a case an earlier test
 * started or filed may still be opening its tasks: the same counts twice, 300 ms apart.
 */
async function settledRows(): Promise<Record<string, number>> {
  let last = await rows();
  return eventually(async () => {
    await new Promise((r) => setTimeout(r, 300));
    const now = await rows();
    const same = JSON.stringify(now) === JSON.stringify(last);
    last = now;
    return same ? now : undefined;
  });
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
interface Endpoint {
  name: string;
  user: string;
  method: string;
  path: () => string;
  body: () => Record<string, Json>;
}

const officerOf = async (username: string) => ({ ...(await sys.officer(username)) }) as unknown as Json;
const ENDPOINTS: Endpoint[] = [
  {
    name: 'start a case',
    user: 'xlt.officer1',
    method: 'POST',
    path: () => '/api/v1/cases',
    body: () => ({
      source: 'ex_officio',
      reason: '检查发现',
      caseSource: '日常检查',
      facts: '事实',
      parties: [{ kind: 'person', name: '王五', address: '某街道' }],
      handlerOpinion: '立案',
    }),
  },
  {
    name: 'a written record',
    user: 'xlt.officer1',
    method: 'POST',
    path: () => `/api/v1/cases/${filedCase}/records`,
    body: () => ({
      kind: 'appraisal_opinion',
      title: '鉴定意见书',
      recordedAt: new Date(Date.now() - 60_000).toISOString(),
      content: '鉴定结论',
      place: '现场',
      officers: OFFICERS,
      signatures: { partySigned: true },
    }),
  },
  {
    name: 'an on-the-spot decision',
    user: 'xlt.officer1',
    method: 'POST',
    path: () => '/api/v1/summary-cases',
    body: () => ({
      party: { kind: 'person', name: '赵六' },
      facts: '未按规定办理登记',
      legalBasis: '《殡葬管理条例》第二十条',
      penalty: { kind: 'warning' },
      decidedAt: new Date(Date.now() - 60_000).toISOString(),
      place: '某街道',
      items: {
        conditions: '违法事实确凿',
        steps_and_documents: '出示证件，当场交付',
        statement_and_defence: '无',
        review_of_statement_and_defence: '无',
      },
      disputed: false,
    }),
  },
  {
    name: 'log in',
    user: '',
    method: 'POST',
    path: () => '/api/v1/auth/login',
    body: () => ({ username: 'xlt.nobody', password: 'lawtrail-demo' }),
  },
];
let OFFICERS: Json;

/** Every leaf of a body with its path. */
function leaves(v: Json, path: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, Array.isArray(v) ? Number(k) : k]));
  return [{ path, value: v }];
}
function set(body: Json, path: (string | number)[], value: Json): Json {
  const copy = structuredClone(body) as Record<string | number, Json>;
  let at: Record<string | number, Json> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, Json>;
  at[path[path.length - 1]] = value;
  return copy;
}
const dotted = (path: (string | number)[]) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

const SQL = `x'); DROP TABLE case_records; SELECT pg_sleep(5); --`;
const SCRIPT = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>';
let tried = 0;

async function send(e: Endpoint, o: { body?: unknown; raw?: string }) {
  tried++;
  return sys.call(e.method, e.path(), { ...(e.user ? { token: await sys.token(e.user) } : {}), ...o });
}

/** A refusal: 4xx, a catalogued code, a Chinese message, nothing written. */
async function expectRefused(e: Endpoint, o: { body?: unknown; raw?: string }, what: string) {
  const before = await rows();
  const r = await send(e, o);
  if (r.status < 400 || r.status >= 500) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  expect(r.body.code in ERRORS).toBe(true);
  expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await rows()).toEqual(before);
  return r;
}

beforeAll(async () => {
  OFFICERS = [await officerOf('xlt.officer1'), await officerOf('xlt.officer2')];
});
// A refused request must change no row: counted only once what earlier requests started is done.
beforeEach(settledRows);

describe.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', (_name, e) => {
  it('refuses an oversized body (413)', async () => {
    expect((await expectRefused(e, { raw: JSON.stringify({ ...e.body(), facts: 'x'.repeat(2_000_000) }) }, 'oversized')).body.code).toBe(
      'BODY_TOO_LARGE',
    );
  });

  it('refuses malformed JSON', async () => {
    expect((await expectRefused(e, { raw: '{"source": "ex_officio",' }, 'malformed')).body.code).toBe('BODY_NOT_JSON');
  });

  it('refuses a list where the body is an object', async () => {
    await expectRefused(e, { raw: '[]' }, 'a list for an object');
  });

  it('refuses a body it cannot decode: an unknown charset or content encoding', async () => {
    const token: Record<string, string> = e.user ? { authorization: `Bearer ${await sys.token(e.user)}` } : {};
    for (const headers of <Record<string, string>[]>[
      { 'content-type': 'application/json; charset=iso-8859-1' },
      { 'content-type': 'application/json', 'content-encoding': 'x-unknown' },
    ]) {
      const before = await rows();
      tried++;
      const r = await fetch(`${sys.baseUrl}${e.path()}`, {
        method: e.method,
        headers: { ...token, ...headers },
        body: JSON.stringify(e.body()),
      });
      expect({ headers, status: r.status, body: await r.json() }).toEqual({
        headers,
        status: 400,
        body: { code: 'BODY_NOT_JSON', message: ERRORS.BODY_NOT_JSON.message },
      });
      expect(await rows()).toEqual(before);
    }
  });

  it('refuses a wrong type in every field, naming the field', async () => {
    for (const leaf of leaves(e.body())) {
      for (const wrong of typeof leaf.value === 'string' ? [12345, true, ['x'], { x: 1 }] : ['文本', ['x'], { x: 1 }]) {
        const r = await expectRefused(
          e,
          { body: set(e.body(), leaf.path, wrong as Json) },
          `${dotted(leaf.path)} = ${JSON.stringify(wrong)}`,
        );
        if (e.user) expect(r.body.errors?.map((x: { field: string }) => x.field)).toContain(dotted(leaf.path));
      }
    }
  });

  it('refuses unknown fields, at the top and nested', async () => {
    const r = await expectRefused(e, { body: { ...e.body(), status: 'closed', __proto__x: 1 } }, 'unknown top-level');
    if (e.user) expect(r.body.errors).toContainEqual(expect.objectContaining({ field: 'status', code: 'UNKNOWN_FIELD' }));
    const nested = leaves(e.body()).find((l) => l.path.length > 1);
    if (nested) await expectRefused(e, { body: set(e.body(), [...nested.path.slice(0, -1), 'authorId'], 'x') }, 'unknown nested');
  });

  it('refuses text PostgreSQL cannot keep (NUL) or that would change under storage (a lone surrogate), and overlong text', async () => {
    for (const leaf of leaves(e.body()).filter((l) => typeof l.value === 'string')) {
      for (const bad of [`${leaf.value}\u0000`, `${leaf.value}\ud800`, `\udc00${leaf.value}`]) {
        const r = await expectRefused(e, { body: set(e.body(), leaf.path, bad) }, `${dotted(leaf.path)} unstorable`);
        expect(r.body.errors).toEqual([expect.objectContaining({ field: dotted(leaf.path), code: 'INVALID_CHARACTER' })]);
      }
      await expectRefused(e, { body: set(e.body(), leaf.path, 'x'.repeat(60_000)) }, `${dotted(leaf.path)} overlong`);
    }
  });

  it('keeps SQL and script payloads in every text field as text, or refuses them without writing', async () => {
    for (const payload of [SQL, SCRIPT]) {
      let body = e.body() as Json;
      for (const leaf of leaves(body).filter((l) => typeof l.value === 'string')) body = set(body, leaf.path, `${leaf.value}${payload}`);
      const before = await settledRows();
      const started = Date.now();
      const r = await send(e, { body });
      expect(r.status).toBeLessThan(500);
      expect(Date.now() - started).toBeLessThan(5000); // no pg_sleep ran
      if (r.status >= 400) expect(await rows()).toEqual(before);
    }
    expect((await sys.database.db.query('SELECT count(*)::int AS n FROM case_records'))[0].n).toBeGreaterThan(0);
  });
});

it('keeps an accepted payload verbatim: the case record shows the text as sent', async () => {
  const r = await send(ENDPOINTS[0], { body: { ...ENDPOINTS[0].body(), facts: `事实${SQL}${SCRIPT}` } });
  expect(r.status).toBe(201);
  const c = await sys.call('GET', `/api/v1/cases/${r.body.id}`, { token: await sys.token('xlt.officer1') });
  expect(JSON.stringify(c.body)).toContain(JSON.stringify(`事实${SQL}${SCRIPT}`).slice(1, -1));
});

it('refuses bad query and path values: far years, impossible offsets, years out of range', async () => {
  const officer = await sys.token('xlt.officer1');
  const get = async (path: string) => {
    tried++;
    const r = await sys.call('GET', path, { token: officer });
    expect({ path, status: r.status }).toEqual({ path, status: 400 });
    expect(r.body.code).toBe('VALIDATION_FAILED');
  };
  for (const t of [
    '0257-07-01T00:21:50.729+17:21',
    '0000-01-01T00:00:00Z',
    '2026-01-01T00:00:00',
    '2026-13-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
  ]) {
    await get(`/api/v1/tasks?dueBefore=${encodeURIComponent(t)}`);
  }
  for (const y of ['-13612597457550044', '99999999999', '1e3', '2026.5', '0']) await get(`/api/v1/calendar/years/${encodeURIComponent(y)}`);
  await get('/api/v1/cases?page=-1');
  await get(`/api/v1/cases?status=${encodeURIComponent(SQL)}`);
  await get(`/api/v1/cases/${filedCase}/execution?on=0000-01-01`);
});

afterAll(() => {
  // How many bad requests this file sent, for whoever reports on the input checks.
  console.log(`bad-input: ${tried} requests tried`);
});
