import { Client } from 'pg';
import { chinaDate } from '#libs/calendar/dates';
import { appUrl } from '#libs/persistence/app-role';
import { chainHash, fromRow } from '#libs/persistence/record-chain';
import { TestSystem } from '../support/system';
import { recordEntries } from '../support/database';

// The application's database role may only read and append the record. The API and the
// worker log in as lawtrail_app (DATABASE_APP_URL); the append-only trigger is the second wall, for the owner.
let sys: TestSystem;
let app: Client;
let caseId: string;

beforeAll(async () => {
  sys = await TestSystem.start();
  app = new Client({ connectionString: appUrl(sys.database.url, process.env.LAWTRAIL_TEST_APP_PASSWORD!) });
  await app.connect();
  caseId = await sys.filedCase('xlt'); // written by the worker as lawtrail_app: INSERT is granted
});
afterAll(async () => {
  await app?.end();
  await sys?.stop();
});

/** One statement in the app's own session, with the maintenance flag set as an insider would try. */
async function asApp(sql: string, params: unknown[] = []) {
  await app.query('BEGIN');
  try {
    await app.query(`SET LOCAL lawtrail.maintenance = 'on'`);
    return await app.query(sql, params);
  } finally {
    await app.query('ROLLBACK');
  }
}

it('connects as lawtrail_app, which owns nothing and cannot become the owner', async () => {
  expect((await app.query('SELECT current_user AS u')).rows[0].u).toBe('lawtrail_app');
  await expect(app.query('SET ROLE postgres')).rejects.toThrow(/permission denied/);
});

it.each([
  ['UPDATE case_records', `UPDATE case_records SET summary = '改' WHERE case_id = $1`, [() => caseId]],
  ['DELETE case_records', 'DELETE FROM case_records WHERE case_id = $1', [() => caseId]],
  ['TRUNCATE case_records', 'TRUNCATE case_records', []],
  ['UPDATE record_day_heads', `UPDATE record_day_heads SET cases = '[]'`, []],
  ['DELETE evidence_records', 'DELETE FROM evidence_records', []],
  ['DELETE av_files', 'DELETE FROM av_files', []],
  ['DELETE record_flags', 'DELETE FROM record_flags', []],
  ['DELETE audit_log', 'DELETE FROM audit_log', []],
  // A generated document is kept as made: a correction is a new version.
  ['UPDATE case_documents', `UPDATE case_documents SET sha256 = repeat('0', 64)`, []],
  ['DELETE case_documents', 'DELETE FROM case_documents', []],
  // A stored profile version is never changed: cases pin it.
  ['UPDATE agency_profiles', `UPDATE agency_profiles SET document = '{}'`, []],
  ['DELETE agency_profiles', 'DELETE FROM agency_profiles', []],
  ['UPDATE agencies', `UPDATE agencies SET code = 'zz'`, []],
] as const)('%s is refused for want of the grant, even with the maintenance flag', async (_name, sql, params) => {
  await expect(
    asApp(
      sql,
      params.map((p) => p()),
    ),
  ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/^permission denied for table/) });
});

it('cannot switch the trigger off or drop it', async () => {
  await expect(asApp('ALTER TABLE case_records DISABLE TRIGGER case_records_append_only')).rejects.toThrow(/must be owner/);
  await expect(asApp('DROP TRIGGER case_records_append_only ON case_records')).rejects.toThrow(/must be owner/);
});

it('keeps its grants on the working tables (cases, tasks…) and appends to the record through the database function', async () => {
  expect((await asApp('UPDATE cases SET updated_at = updated_at WHERE id = $1', [caseId])).rowCount).toBe(1);
  expect((await asApp('DELETE FROM idempotency_keys WHERE false')).rowCount).toBe(0);
  const [{ n }] = (await app.query('SELECT count(*)::int AS n FROM case_records WHERE case_id = $1', [caseId])).rows;
  expect(n).toBeGreaterThanOrEqual(3);
});

// The record's order, time and link are the database's, not the application's.
const verifyCase = async (id: string) =>
  (await sys.call('GET', `/api/v1/cases/${id}/verify`, { token: await sys.token('xlt.chief') })).body;
const verifyHeads = async () => (await sys.call('GET', '/api/v1/record-heads/verify', { token: await sys.token('xlt.supervisor') })).body;

it('refuses the application a direct INSERT into the record, even a back-dated entry with a correctly computed link', async () => {
  const [last] = (await recordEntries(sys.database.db, caseId)).slice(-1);
  const forged = {
    caseId,
    seq: last.seq + 1,
    key: 'forged',
    at: new Date(last.at.getTime() - 86400_000).toISOString(),
    actorId: null,
    actorName: '局长',
    actorRole: 'chief',
    action: 'task_completed',
    summary: '同意立案',
    legalBasis: null,
    details: {},
  };
  await expect(
    app.query(
      `INSERT INTO case_records (case_id, seq, entry_key, at, actor_name, actor_role, action, summary, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{}', $9, $10)`,
      [
        caseId,
        forged.seq,
        forged.key,
        forged.at,
        forged.actorName,
        forged.actorRole,
        forged.action,
        forged.summary,
        last.hash,
        chainHash(last.hash, forged),
      ],
    ),
  ).rejects.toMatchObject({ code: '42501', message: 'permission denied for table case_records' });
  expect((await recordEntries(sys.database.db, caseId)).map((r) => r.entry_key)).not.toContain('forged');
  // Nor a day head of its own making: the database seals the days (lawtrail_seal_record_days).
  await expect(
    app.query(`INSERT INTO record_day_heads (day, prev_hash, cases, hash) VALUES ('2999-01-01', NULL, '[]', 'ff')`),
  ).rejects.toMatchObject({ code: '42501', message: 'permission denied for table record_day_heads' });
  const {
    rows: [sealed],
  } = await app.query(`SELECT to_json(sealed) AS days, more FROM lawtrail_seal_record_days('2999-01-01', 31)`);
  expect(sealed.days.at(-1) <= chinaDate(new Date(Date.now() + 60_000))).toBe(true); // never a day that has not begun
  expect(sealed.more).toBe(false);
});

it('an entry appended through the function gets the database number, time and link; the caller cannot name them', async () => {
  const fn = (
    await sys.database.db.query(
      `SELECT prosecdef, proconfig, pg_get_userbyid(proowner) AS owner FROM pg_proc WHERE proname = 'lawtrail_append_record'`,
    )
  )[0];
  expect(fn).toMatchObject({ prosecdef: true, proconfig: ['search_path=pg_catalog, pg_temp'], owner: new URL(sys.database.url).username });
  // No parameter takes a number, a time or a link: a caller passing them finds no such function.
  await expect(
    app.query(
      `SELECT lawtrail_append_record($1, 'k', NULL, NULL, NULL, 'case_registered', 's', NULL, '{}', 1, '2000-01-01T00:00:00Z', 'ff')`,
      [caseId],
    ),
  ).rejects.toMatchObject({ code: '42883' });

  const before = await recordEntries(sys.database.db, caseId);
  const {
    rows: [{ t0 }],
  } = await app.query('SELECT clock_timestamp() AS t0');
  const args = [
    caseId,
    'appended-by-app',
    null,
    '张三',
    'officer',
    'task_urged',
    '催办',
    null,
    JSON.stringify({ at: '2000-01-01T00:00:00.000Z', seq: 1, n: 0.1 }),
  ];
  const {
    rows: [{ seq }],
  } = await app.query('SELECT lawtrail_append_record($1, $2, $3, $4, $5, $6, $7, $8, $9) AS seq', args);
  const {
    rows: [{ t1 }],
  } = await app.query('SELECT clock_timestamp() AS t1');
  expect(seq).toBe(before.length + 1);
  // Appended again (a retried activity): the same entry, nothing new.
  expect((await app.query('SELECT lawtrail_append_record($1, $2, $3, $4, $5, $6, $7, $8, $9) AS seq', args)).rows[0].seq).toBe(seq);
  const after = await recordEntries(sys.database.db, caseId);
  expect(after).toHaveLength(before.length + 1);
  const entry = after.at(-1)!;
  expect(entry).toMatchObject({ seq, db_time: true, prev_hash: before.at(-1)!.hash, hash: chainHash(before.at(-1)!.hash, fromRow(entry)) });
  expect(entry.at.getTime()).toBeGreaterThanOrEqual(Math.max(Math.floor(t0.getTime()), before.at(-1)!.at.getTime()));
  expect(entry.at.getTime()).toBeLessThanOrEqual(t1.getTime());
  expect(await verifyCase(caseId)).toMatchObject({ intact: true, entries: seq, firstBroken: null });
});

it('reports broken a chain whose time goes backwards, even when every link was recomputed (maintenance mode)', async () => {
  const id = await sys.filedCase('xlt');
  const rows = await recordEntries(sys.database.db, id);
  expect(rows.every((r) => r.db_time)).toBe(true);
  const [a, b] = rows.slice(-2);
  await sys.database.db.transaction(async (m) => {
    await m.query(`SET LOCAL lawtrail.maintenance = 'on'`);
    let prev = a.prev_hash;
    for (const r of rows.slice(rows.indexOf(a))) {
      const at = r.seq === b.seq ? new Date(a.at.getTime() - 3600_000) : r.at;
      const hash = chainHash(prev, fromRow({ ...r, at }));
      await m.query('UPDATE case_records SET at = $3, prev_hash = $4, hash = $5 WHERE case_id = $1 AND seq = $2', [
        id,
        r.seq,
        at,
        prev,
        hash,
      ]);
      prev = hash;
    }
  });
  expect(await verifyCase(id)).toMatchObject({ intact: false, firstBroken: { seq: b.seq, reason: expect.stringContaining('时间倒流') } });
  expect(await verifyHeads()).toMatchObject({ intact: false, casesBroken: 1 });
});
