import { Client } from 'pg';
import { appUrl } from '../../libs/persistence/app-role';
import { TestSystem } from '../support/system';

// Issue 9 §1: the application's database role may only read and append the record. The API and the
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
] as const)('%s is refused for want of the grant, even with the maintenance flag', async (_name, sql, params) => {
  await expect(asApp(sql, params.map((p) => p()))).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/^permission denied for table/) });
});

it('cannot switch the trigger off or drop it', async () => {
  await expect(asApp('ALTER TABLE case_records DISABLE TRIGGER case_records_append_only')).rejects.toThrow(/must be owner/);
  await expect(asApp('DROP TRIGGER case_records_append_only ON case_records')).rejects.toThrow(/must be owner/);
});

it('keeps its grants on the working tables (cases, tasks…) and may append to the record', async () => {
  expect((await asApp('UPDATE cases SET updated_at = updated_at WHERE id = $1', [caseId])).rowCount).toBe(1);
  expect((await asApp('DELETE FROM idempotency_keys WHERE false')).rowCount).toBe(0);
  const [{ n }] = (await app.query('SELECT count(*)::int AS n FROM case_records WHERE case_id = $1', [caseId])).rows;
  expect(n).toBeGreaterThanOrEqual(3);
});
