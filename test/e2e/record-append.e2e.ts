import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { appendRecord } from '#libs/persistence/append-record';
import { canonical, chainHash, fromRow, verifyChain } from '#libs/persistence/record-chain';
import { TestDatabase, bareCase, freshDatabase, recordEntries, userId } from '../support/database';

// The database computes each entry's SM3 link itself (lawtrail_append_record), so its
// canonical JSON must be the byte-for-byte twin of record-chain.ts's, or the verifier would call every
// new entry broken. Checked here on awkward values, then on arbitrary JSON.
let database: TestDatabase;
let officer: string;

beforeAll(async () => {
  database = await freshDatabase();
  officer = await userId(database.db, 'xlt.officer1');
});
afterAll(async () => {
  await database?.drop();
});

const newCase = () => bareCase(database.db, { agencyId: 'xlt', officerId: officer, status: 'open', stage: 'initiation' });
const sqlCanonical = async (v: unknown): Promise<{ pg: string; js: string }> => {
  const [r] = await database.db.query('SELECT lawtrail_canonical($1::jsonb) AS pg, $1::jsonb::text AS stored', [JSON.stringify(v)]);
  return { pg: r.pg, js: canonical(JSON.parse(r.stored)) }; // the verifier reads the stored jsonb back
};

const AWKWARD: unknown[] = [
  {
    big: 1e21,
    small: 1e-7,
    edge: 1e-6,
    sum: 0.1 + 0.2,
    tiny: -5e-324,
    wide: 123456789012345680000,
    unsafe: 2 ** 53 + 2,
    exp: 1.23456e30,
    neg: -0,
  },
  { '\uE000': 1, '\u{1F600}': 2, 'a\u{10000}': 3, 'a\uFFFF': 4, 中: 5, z: 'x\u0001\b\t\n\f\r"\\/\u2028\u007f😀' },
  [],
  {},
  { a: [], b: {}, n: null, t: true, f: false, s: '' },
];

it('writes the same canonical JSON as record-chain.ts for awkward numbers, keys and strings', async () => {
  for (const v of AWKWARD) {
    const { pg, js } = await sqlCanonical(v);
    expect(pg).toBe(js);
  }
});

it('writes the same canonical JSON as record-chain.ts for arbitrary JSON', async () => {
  // What PostgreSQL can store: no U+0000, no lone surrogate (the API refuses both, README "Bad input").
  // eslint-disable-next-line no-control-regex -- U+0000 is exactly what this pattern looks for
  const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const text = fc.string({ unit: 'binary', maxLength: 8 }).filter((s) => !unstorable.test(s));
  const finite = fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .filter((x) => x === 0 || (Math.abs(x) > 1e-300 && Math.abs(x) < 1e300));
  const { json } = fc.letrec((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      finite,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('json'), { maxLength: 4 }),
      fc.dictionary(text, tie('json'), { maxKeys: 4 }),
    ),
  }));
  await fc.assert(
    fc.asyncProperty(json, async (v) => {
      const { pg, js } = await sqlCanonical(v);
      expect(pg).toBe(js);
    }),
    { numRuns: 300 },
  );
});

it('links each appended entry as the verifier recomputes it, numbers it in order and ignores a retried key', async () => {
  const id = await newCase();
  for (const [i, details] of AWKWARD.filter((d) => !Array.isArray(d)).entries()) {
    await database.db.transaction((m) =>
      appendRecord(m, {
        caseId: id,
        key: `k${i}`,
        actor: i % 2 ? { id: officer, name: '张三', role: 'officer', agencyId: 'xlt' } : null,
        action: 'task_completed',
        summary: `第${i}步：「同意」\n😀`,
        legalBasis: i % 2 ? '《行政处罚法》第五十七条' : undefined,
        details: details as Record<string, unknown>,
      }),
    );
  }
  expect(
    await database.db.transaction((m) =>
      appendRecord(m, { caseId: id, key: 'k1', actor: null, action: 'case_registered', summary: '重试' }),
    ),
  ).toBe(2);
  const rows = await recordEntries(database.db, id);
  expect(rows.map((r) => [r.seq, r.entry_key])).toEqual([
    [1, 'k0'],
    [2, 'k1'],
    [3, 'k2'],
    [4, 'k3'],
  ]);
  expect(verifyChain(rows)).toEqual({ entries: 4, firstBroken: null });
});

it('never times an entry before the one before it, though the clock says earlier', async () => {
  const id = await newCase();
  await database.db.transaction((m) =>
    appendRecord(m, { caseId: id, key: 'first', actor: null, action: 'case_registered', summary: '登记' }),
  );
  // The first entry stamped a day ahead (a clock later set back), links recomputed in maintenance mode.
  const [first] = await recordEntries(database.db, id);
  const ahead = new Date(first.at.getTime() + 86400_000);
  await database.db.transaction(async (m) => {
    await m.query(`SET LOCAL lawtrail.maintenance = 'on'`);
    await m.query('UPDATE case_records SET at = $2, hash = $3 WHERE case_id = $1 AND seq = 1', [
      id,
      ahead,
      chainHash(null, fromRow({ ...first, at: ahead })),
    ]);
  });
  await database.db.transaction((m) =>
    appendRecord(m, { caseId: id, key: 'second', actor: null, action: 'case_initiated', summary: '立案' }),
  );
  const rows = await recordEntries(database.db, id);
  expect(rows[1].at).toEqual(ahead);
  expect(verifyChain(rows).firstBroken).toBeNull();
});

it('refuses details that are not an object and a case that does not exist', async () => {
  const id = await newCase();
  await expect(
    database.db.query(`SELECT lawtrail_append_record($1, 'k', NULL, NULL, NULL, 'case_registered', 's', NULL, '[1]')`, [id]),
  ).rejects.toMatchObject({ code: '22023' });
  await expect(
    database.db.query(`SELECT lawtrail_append_record($1, 'k', NULL, NULL, NULL, 'case_registered', 's', NULL, '{}')`, [randomUUID()]),
  ).rejects.toMatchObject({ code: '23503' });
});
