import { Client, Connection } from '@temporalio/client';
import { dataConverter } from '#libs/temporal/data-converter';
import { workflowIdForDecision } from '#libs/messages/decision';
import { workflowIdForInitiation } from '#libs/messages/initiation';
import { TestDatabase, eventually, freshDatabase } from '../support/database';
import { activityRuns } from '../support/activity-runs';
import { WorkerProcess } from './support/processes';
import { Answer, Api, INITIATED, envVars, faultEnv, holdRecordAppends, recordOf, tasksAgreeWithRecord, verifyChain } from './support/stack';

// Faults: the worker dies (SIGKILL) in the middle of an activity. Activities are one
// transaction each, keyed so a retry changes nothing twice (README "The parts"): the transaction
// the kill cut off leaves nothing behind, and the activity runs again — a step's writes are local
// activities (workflows/activities.ts), so the workflow task that held them times out (10 s) and
// the next worker runs that task and its writes again; an activity on the task queue would be
// retried after its 30-second start-to-close timeout. Every case ends with its record whole — no
// gap, no entry twice, the SM3 chain intact.

jest.setTimeout(240_000);

let db: TestDatabase;
let worker: WorkerProcess;
let api: Api;
let temporal: Client;
const answers: Answer[] = [];
/** Each case: its agency and the promise of its last step, settled in the last test. */
const flows = new Map<string, { agency: string; done: Promise<void> }>();

beforeAll(async () => {
  db = await freshDatabase();
  const env = faultEnv(db.url, process.env.LAWTRAIL_TEST_TEMPORAL!);
  worker = new WorkerProcess(envVars(env));
  await worker.start();
  api = await Api.start(env);
  temporal = new Client({ connection: await Connection.connect({ address: env.temporalAddress }), dataConverter });
});

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await temporal?.connection.close();
  await db?.drop();
});

/** The open task of `user` on the case, as they would pick it from their list. */
async function openTask(caseId: string, user: string): Promise<string> {
  const token = await api.token(user);
  return eventually(async () => {
    const r = await api.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token });
    return r.body.items?.[0]?.id;
  }, 120_000);
}

it('a kill inside the completion’s transaction leaves nothing half-written; the completion is retried and lands once', async () => {
  const caseId = await api.startCase('xlt', answers);
  const taskId = await openTask(caseId, 'xlt.unithead');
  const token = await api.token('xlt.unithead');
  const body = { decision: 'agree', opinion: '同意' };

  // The completion's activity blocks on its record line, inside its transaction; then the worker dies.
  const hold = await holdRecordAppends(db.url);
  const first = api.call('POST', `/api/v1/tasks/${taskId}/completion`, { token, body });
  await eventually(async () => ((await hold.waiting()) > 0 ? true : undefined), 60_000);
  await worker.kill();
  await hold.release();
  // PostgreSQL ends the dead worker's session and rolls its transaction back.
  await eventually(async () => ((await sessionsOf(db)) === 0 ? true : undefined), 30_000);

  const [task] = await db.db.query('SELECT status FROM tasks WHERE id = $1', [taskId]);
  expect(task.status).toBe('open');
  expect(await recordOf(db.db, caseId)).toEqual(['case_registered']);
  await tasksAgreeWithRecord(db.db, caseId);

  await worker.start();
  // The request that was in flight: answered by the workflow once the retried activity ran, or — if
  // that takes longer than the API waits on Temporal — 503 with Retry-After; never a 500, never a hang.
  const answered = await first;
  answers.push(answered);
  expect([200, 503]).toContain(answered.status);
  if (answered.status === 503) expect(answered).toMatchObject({ body: { code: 'TEMPORAL_UNAVAILABLE' }, retryAfter: '5' });
  // The client sends the same completion again until it is answered: it lands once.
  const done = api.until(200, 'POST', `/api/v1/tasks/${taskId}/completion`, { token, body }, answers).then(() => finish(caseId, 'xlt'));
  flows.set(caseId, { agency: 'xlt', done });
});

it('cases keep going while the worker is killed at random moments and restarted', async () => {
  const lanes = ['hy', 'jp', 'xx'].map(async (agency) => {
    for (let i = 0; i < 2; i++) {
      const caseId = await api.startCase(agency, answers);
      const done = api.complete(caseId, `${agency}.unithead`, 'agree', answers).then(() => finish(caseId, agency));
      flows.set(caseId, { agency, done });
      await done;
    }
  });
  let running = true;
  const all = Promise.all(lanes).finally(() => (running = false));
  // Three kills at random points of the work, each followed by a fresh worker.
  for (let k = 0; k < 3 && running; k++) {
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 2500));
    await worker.kill();
    await worker.start();
  }
  await all;
  expect(worker.kills).toBeGreaterThanOrEqual(2);
});

it('every case ends initiated, its record whole: no gap, no duplicate, the SM3 chain intact', async () => {
  await Promise.all([...flows.values()].map((f) => f.done));
  expect(flows.size).toBe(7);
  // A start answered 503 and sent again with its Idempotency-Key started one case, not two.
  const [{ n }] = await db.db.query('SELECT count(*)::int AS n FROM cases');
  expect(n).toBe(7);
  let retried = 0;
  let lostTasks = 0;
  for (const [caseId, { agency }] of flows) {
    expect(await recordOf(db.db, caseId)).toEqual(INITIATED);
    await tasksAgreeWithRecord(db.db, caseId);
    await verifyChain(api, caseId, `${agency}.officer1`);
    const h = await afterKills(caseId);
    retried += h.retried;
    lostTasks += h.lostTasks;
  }
  // The first kill was inside an activity by construction: at least that one ran again, as a retried
  // activity task or, for a local activity, in the workflow task run again after the dead worker's timed out.
  expect(retried + lostTasks).toBeGreaterThanOrEqual(1);
  expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
  const unavailable = answers.filter((a) => a.status === 503);
  console.log(
    `worker kills: ${worker.kills}, starts: ${worker.starts}; activities run again after a kill: ${retried}; ` +
      `workflow tasks that timed out with a dead worker: ${lostTasks}; ` +
      `cases: ${flows.size}; 503 answers: ${unavailable.length} (slowest ${Math.max(0, ...unavailable.map((a) => a.ms))} ms)`,
  );
});

/** The chief approves; the case is initiated and its decision stage has set its deadline. */
async function finish(caseId: string, agency: string): Promise<void> {
  await api.complete(caseId, `${agency}.chief`, 'approve', answers);
  const token = await api.token(`${agency}.officer1`);
  await eventually(async () => {
    const r = await api.call('GET', `/api/v1/cases/${caseId}/deadlines`, { token });
    return r.status === 200 && r.body.items?.length ? true : undefined;
  }, 120_000);
}

/** Busy sessions on the test database other than this one: the dead worker's, until PostgreSQL ends it. */
async function sessionsOf(d: TestDatabase): Promise<number> {
  const [r] = await d.db.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
  );
  return r.n;
}

/** In the case's workflow histories: activities Temporal had to run more than once, workflow tasks that timed out. */
async function afterKills(caseId: string): Promise<{ retried: number; lostTasks: number }> {
  const n = { retried: 0, lostTasks: 0 };
  for (const id of [workflowIdForInitiation(caseId), workflowIdForDecision(caseId)]) {
    const events = (await temporal.workflow.getHandle(id).fetchHistory()).events ?? [];
    n.retried += activityRuns(events).filter((r) => r.attempt > 1).length;
    n.lostTasks += events.filter((e) => e.workflowTaskTimedOutEventAttributes).length;
  }
  return n;
}
