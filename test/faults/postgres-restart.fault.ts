import { Client as PgClient } from 'pg';
import { TestDatabase, eventually, freshDatabase } from '../support/database';
import { OwnPostgres, WorkerProcess, freePort } from './support/processes';
import {
  Answer,
  Api,
  INITIATED,
  envVars,
  faultEnv,
  holdRecordAppends,
  initiatedSteps,
  tasksAgreeWithRecord,
  verifyChain,
} from './support/stack';

// Faults: PostgreSQL stops (fast shutdown) in the middle of a completion and starts again
// on the same port with the same data. The activity's transaction is rolled back whole — the task
// is not completed without its record line — and retried by Temporal once the database is back.
// While it is away the API answers 503 DATABASE_UNAVAILABLE with Retry-After, never a 500; its
// connection pool recovers by itself: the same API process serves the next requests.

jest.setTimeout(240_000);

let pg: OwnPostgres;
let db: TestDatabase;
let worker: WorkerProcess;
let api: Api;
let caseId: string;
let taskId: string;
let inFlight: Promise<Answer>;
const whileDown: Answer[] = [];
const unitHead = { decision: 'agree', opinion: '同意' };

beforeAll(async () => {
  pg = new OwnPostgres(await freePort());
  await pg.start();
  db = await freshDatabase(pg.url);
  const env = faultEnv(db.url, process.env.LAWTRAIL_TEST_TEMPORAL!);
  worker = new WorkerProcess(envVars(env));
  await worker.start();
  api = await Api.start(env);
});

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await db?.drop().catch(() => undefined);
  await pg?.remove();
});

it('PostgreSQL stops while a completion is inside its transaction: 503 DATABASE_UNAVAILABLE with Retry-After meanwhile', async () => {
  caseId = await api.startCase('xlt');
  const token = await api.token('xlt.unithead');
  const officer = await api.token('xlt.officer1');
  taskId = await eventually(async () => (await api.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token })).body.items?.[0]?.id, 60_000);

  const hold = await holdRecordAppends(db.url);
  inFlight = api.call('POST', `/api/v1/tasks/${taskId}/completion`, { token, body: unitHead });
  await eventually(async () => ((await hold.waiting()) > 0 ? true : undefined), 60_000);
  await pg.stop();
  await hold.release();

  for (let round = 0; round < 3; round++) {
    whileDown.push(await api.call('GET', `/api/v1/cases/${caseId}`, { token: officer }));
    whileDown.push(await api.call('POST', `/api/v1/tasks/${taskId}/completion`, { token, body: unitHead }));
    whileDown.push(await api.call('POST', '/api/v1/auth/login', { body: { username: 'xlt.chief', password: 'lawtrail-demo' } }));
    // A refusal must be audited; while it cannot be, it is not answered as if it had been.
    whileDown.push(await api.call('GET', '/api/v1/cases'));
    whileDown.push(await api.call('GET', '/api/health'));
  }
  for (const a of whileDown) {
    expect(a).toMatchObject({
      status: 503,
      retryAfter: '5',
      body: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' },
    });
    expect(a.ms).toBeLessThan(10_000);
  }
});

it('after the restart nothing is half-written: the task is completed with its record line, or neither', async () => {
  await pg.start();
  const c = new PgClient({ connectionString: db.url });
  await c.connect();
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ'); // one snapshot for tasks and record
    await tasksAgreeWithRecord(c, caseId);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
});

it('the same API process serves again; the completion lands once and the case goes on; the record is whole', async () => {
  const officer = await api.token('xlt.officer1');
  await api.until(200, 'GET', `/api/v1/cases/${caseId}`, { token: officer });
  // The request in flight when the database went: answered after recovery, or 503 — never a 500.
  const first = await inFlight;
  expect([200, 503]).toContain(first.status);
  await api.until(200, 'POST', `/api/v1/tasks/${taskId}/completion`, { token: await api.token('xlt.unithead'), body: unitHead });
  await api.complete(caseId, 'xlt.chief', 'approve');
  await eventually(async () => {
    const r = await api.call('GET', `/api/v1/cases/${caseId}/deadlines`, { token: officer });
    return r.status === 200 && r.body.items?.length ? true : undefined;
  }, 120_000);

  expect(await initiatedSteps(db.db, caseId)).toEqual(INITIATED);
  await tasksAgreeWithRecord(db.db, caseId);
  await verifyChain(api, caseId, 'xlt.officer1');
  // Neither the API nor the worker was restarted.
  expect(worker.starts).toBe(1);
  console.log(
    `PostgreSQL stopped and restarted: 1; requests while down: ${whileDown.length}, all 503 DATABASE_UNAVAILABLE with Retry-After ` +
      `(slowest ${Math.max(...whileDown.map((a) => a.ms))} ms); the completion in flight: ${first.status} ${first.body?.code ?? ''}`,
  );
});
