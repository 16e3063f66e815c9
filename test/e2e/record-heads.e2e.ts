import { Client } from '@temporalio/client';
import { scheduleIdForRecordHeads } from '#libs/messages/record-heads';
import { chainHash, fromRow } from '#libs/persistence/record-chain';
import { eventually, recordEntries } from '../support/database';
import { SEALED_DAY_SETUP_MS, twoCasesSealedToday } from '../support/sealed-day';
import { TestSystem } from '../support/system';

// The daily chain head across cases. A case chain re-hashed end to end after an edit, or
// removed whole, still verifies on its own; the day head that pinned its last link names the day.
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

// In full: the edits below are to entries an earlier verification already checked (record-heads-incremental.e2e.ts).
const verifyHeads = async (user = 'xlt.supervisor') =>
  (await sys.call('GET', '/api/v1/record-heads/verify?full=true', { token: await sys.token(user) })).body;

/** The owner's exceptional repair session (README: the maintenance flag), as an insider would misuse it. */
async function maintenance(run: (q: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>) {
  await sys.database.db.transaction(async (m) => {
    await m.query(`SET LOCAL lawtrail.maintenance = 'on'`);
    await run((sql, params) => m.query(sql, params));
  });
}

it('the worker schedules the daily sealing at 00:10 China time; a run seals the day that ended, never today', async () => {
  const schedule = temporal.schedule.getHandle(scheduleIdForRecordHeads(sys.env.taskQueue));
  const d = await schedule.describe();
  expect(d.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 16, end: 16, step: 1 }], minute: [{ start: 10, end: 10, step: 1 }] });
  expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'sealRecordDaysWorkflow', taskQueue: sys.env.taskQueue });
  await schedule.trigger();
  const run = await eventually(async () => (await schedule.describe()).info.recentActions[0]?.action.workflow);
  expect(await temporal.workflow.getHandle(run.workflowId, run.firstExecutionRunId).result()).toEqual([]);
});

it('seals one head per day over every changed case; the supervisor and the administrator verify it; others may not', async () => {
  const [head] = await sys.database.db.query('SELECT day, prev_hash, cases FROM record_day_heads');
  expect(head).toMatchObject({ day: today, prev_hash: null });
  expect(head.cases.map((c: { caseId: string }) => c.caseId)).toEqual([a, b].sort());
  expect(await verifyHeads()).toMatchObject({ intact: true, days: 1, last: { day: today }, firstBroken: null, casesBroken: 0 });
  expect(await verifyHeads('sys.admin')).toMatchObject({ intact: true, days: 1 });
  expect((await sys.call('GET', '/api/v1/record-heads/verify', { token: await sys.token('xlt.officer1') })).status).toBe(403);
  // A second run seals nothing twice.
  await temporal.workflow.execute('sealRecordDaysWorkflow', {
    taskQueue: sys.env.taskQueue,
    workflowId: `seal-again-${sys.env.taskQueue}`,
    args: [{ through: today }],
  });
  expect((await verifyHeads()).days).toBe(1);
});

it('the day heads are append-only like the case record', async () => {
  await expect(sys.database.db.query(`UPDATE record_day_heads SET cases = '[]'`)).rejects.toThrow(/只能追加/);
  await expect(sys.database.db.query('DELETE FROM record_day_heads')).rejects.toThrow(/只能追加/);
  await expect(sys.database.db.query('TRUNCATE record_day_heads')).rejects.toThrow(/只能追加/);
});

it('catches a whole case chain rewritten consistently in maintenance mode, which the case check alone accepts', async () => {
  const original = await recordEntries(sys.database.db, a);
  await maintenance(async (q) => {
    let prev: string | null = original[0].prev_hash;
    for (const r of original) {
      const summary = r.seq === 2 ? '被改写的审批意见' : r.summary;
      const hash = chainHash(prev, fromRow({ ...r, summary }));
      await q('UPDATE case_records SET summary = $3, prev_hash = $4, hash = $5 WHERE case_id = $1 AND seq = $2', [
        a,
        r.seq,
        summary,
        prev,
        hash,
      ]);
      prev = hash;
    }
  });
  const own = await sys.call('GET', `/api/v1/cases/${a}/verify`, { token: await sys.token('xlt.chief') });
  expect(own.body).toMatchObject({ intact: true, firstBroken: null });
  expect(await verifyHeads()).toMatchObject({
    intact: false,
    casesBroken: 0,
    firstBroken: { day: today, caseId: a, reason: expect.stringContaining('记录链被改写') },
  });
  // Another agency's supervisor learns the day and the reason, not the case.
  const other = await verifyHeads('hy.supervisor');
  expect(other.firstBroken).toEqual({ day: today, reason: expect.stringContaining('记录链被改写') });

  await maintenance(async (q) => {
    for (const r of original)
      await q('UPDATE case_records SET summary = $3, prev_hash = $4, hash = $5 WHERE case_id = $1 AND seq = $2', [
        a,
        r.seq,
        r.summary,
        r.prev_hash,
        r.hash,
      ]);
  });
  expect(await verifyHeads()).toMatchObject({ intact: true });
});

it('catches a whole case chain deleted in maintenance mode', async () => {
  await maintenance(async (q) => {
    await q('DELETE FROM case_records WHERE case_id = $1', [b]);
  });
  expect(await verifyHeads()).toMatchObject({
    intact: false,
    firstBroken: { day: today, caseId: b, reason: expect.stringContaining('记录被删除') },
  });
});

it('catches an edited day head', async () => {
  await maintenance(async (q) => {
    await q(`UPDATE record_day_heads SET cases = cases - 0 WHERE day = $1`, [today]);
  });
  expect((await verifyHeads()).firstBroken).toEqual({ day: today, reason: '链头内容与哈希值不符（链头被修改）' });
});
