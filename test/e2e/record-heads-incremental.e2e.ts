import { Client } from '@temporalio/client';
import { SEALED_DAY_SETUP_MS, twoCasesSealedToday } from '../support/sealed-day';
import { TestSystem } from '../support/system';

// Verification goes on from the last intact one: only what was written or sealed since is read, and
// an edit there is found; an edit before the checkpoint is left to the full verification, which an
// auditor asks for (?full=true) and which still finds it.
let sys: TestSystem;
let temporal: Client;
let a: string;
let b: string;
let today: string;

beforeAll(async () => {
  ({ sys, temporal, a, b, today } = await twoCasesSealedToday());
}, SEALED_DAY_SETUP_MS);
afterAll(async () => {
  await temporal?.connection.close();
  await sys?.stop();
});

const verify = async (full = false) =>
  (await sys.call('GET', `/api/v1/record-heads/verify${full ? '?full=true' : ''}`, { token: await sys.token('xlt.supervisor') })).body;

/** Appends an entry as the application does (the database numbers, times and links it). */
const append = (caseId: string, key: string) =>
  sys.database.db.query(`SELECT lawtrail_append_record($1, $2, NULL, '测试', 'officer', 'note', '补充说明', NULL, '{}'::jsonb)`, [
    caseId,
    key,
  ]);

/** The owner's exceptional repair session (README: the maintenance flag), as an insider would misuse it. */
async function edit(caseId: string, seq: number, summary: string) {
  await sys.database.db.transaction(async (m) => {
    await m.query(`SET LOCAL lawtrail.maintenance = 'on'`);
    await m.query('UPDATE case_records SET summary = $3 WHERE case_id = $1 AND seq = $2', [caseId, seq, summary]);
  });
}

const count = async (caseId: string) =>
  (await sys.database.db.query('SELECT count(*)::int AS n FROM case_records WHERE case_id = $1', [caseId]))[0].n as number;

it('the first verification reads everything; the next starts from it and reads nothing that did not change', async () => {
  const entries = (await count(a)) + (await count(b));
  const asked = Date.now();
  expect(await verify()).toMatchObject({ intact: true, full: true, from: null, entriesRead: entries, days: 1, last: { day: today } });
  const again = await verify();
  expect(again).toMatchObject({ intact: true, full: false, from: { day: today }, entriesRead: 0, cases: 0, days: 1 });
  // The checkpoint is the first run: the database's time of it, on this machine's clock.
  expect(Date.parse(again.from.verifiedAt)).toBeGreaterThanOrEqual(asked);
  expect(Date.parse(again.from.verifiedAt)).toBeLessThanOrEqual(Date.now());
});

it('reads only the cases written since, from their last verified entry, and finds an entry edited after the checkpoint', async () => {
  await verify();
  const before = await count(a);
  await append(a, 'incremental-1');
  await append(a, 'incremental-2');
  // The entry verified last (to link from) and the two new ones; case b is not read.
  const since = await verify();
  expect(since).toMatchObject({ intact: true, full: false, cases: 1, entriesRead: 3 });
  // Entries not yet under a day head: the same count as a full run's.
  expect((await verify(true)).unsealed).toBe(since.unsealed);

  await append(a, 'incremental-3');
  await edit(a, before + 3, '被篡改的补充说明');
  expect(await verify()).toMatchObject({ intact: false, full: false, casesBroken: 1 });
  // A broken run is no checkpoint: the next one still starts before the edit and finds it again.
  expect(await verify()).toMatchObject({ intact: false, casesBroken: 1 });
  await edit(a, before + 3, '补充说明');
  expect(await verify()).toMatchObject({ intact: true, full: false, entriesRead: 2 });
});

it('an edit to an entry the last verification had checked is left to the full verification, which finds it', async () => {
  await verify();
  await edit(b, 2, '被改写的审批意见');
  expect(await verify()).toMatchObject({ intact: true, full: false, entriesRead: 0 });
  expect(await verify(true)).toMatchObject({
    intact: false,
    full: true,
    from: null,
    casesBroken: 1,
    firstBroken: { day: today, caseId: b, reason: expect.stringContaining('记录被修改') },
  });
});
