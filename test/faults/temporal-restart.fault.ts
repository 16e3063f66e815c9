import { Client, Connection } from '@temporalio/client';
import { dataConverter } from '#libs/temporal/data-converter';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { workflowIdForInvestigation } from '#libs/messages/investigation';
import { TestDatabase, eventually, freshDatabase } from '../support/database';
import { activityRuns } from '../support/activity-runs';
import { TemporalServer, WorkerProcess, freePort, scratchDir, temporalCli } from './support/processes';
import { EX_OFFICIO_CASE } from '../support/forms';
import { Answer, Api, envVars, faultEnv, recordOf, verifyChain } from './support/stack';

// Faults: the Temporal server crashes (SIGKILL) and comes back on the same port with the
// same SQLite file while a legal deadline falls due. Durable timers (README "The parts"): the
// escalation fires after recovery, once. While the server is away the API answers what needs it
// with 503 TEMPORAL_UNAVAILABLE and Retry-After within seconds — never a hang, never a 500 — and
// what reads PostgreSQL only still answers. Neither the API nor the worker is restarted.

jest.setTimeout(240_000);

/** The audio-video upload falls due this long after it is recorded (xlt: 24 hours after recording, 000 第二十三条). */
const LEAD_MS = 15_000;

let scratch: string;
let server: TemporalServer;
let db: TestDatabase;
let worker: WorkerProcess;
let api: Api;
let caseId: string;
let uploadDueAt: number;
const whileDown: Answer[] = [];

beforeAll(async () => {
  scratch = scratchDir('lawtrail-fault-temporal-');
  server = new TemporalServer(temporalCli(), await freePort(), join(scratch, 'temporal.db'));
  await server.start();
  db = await freshDatabase();
  const env = faultEnv(db.url, server.address);
  worker = new WorkerProcess(envVars(env));
  await worker.start();
  api = await Api.start(env);
});

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await server?.kill();
  await db?.drop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

it('a filed case has an audio-video record whose upload falls due in seconds', async () => {
  caseId = await api.startCase('xlt');
  await api.complete(caseId, 'xlt.unithead', 'agree');
  await api.complete(caseId, 'xlt.chief', 'approve');
  const recordedAt = new Date(Date.now() - 24 * 3600_000 + LEAD_MS).toISOString();
  const r = await api.until(201, 'POST', `/api/v1/cases/${caseId}/av-records`, {
    token: await api.token('xlt.officer1'),
    body: { title: '现场执法录像', recordedAt, method: 'video', usedAsEvidence: false, metadata: {} },
  });
  uploadDueAt = Date.parse(r.body.upload.dueAt);
  expect(uploadDueAt - Date.parse(recordedAt)).toBe(24 * 3600_000);
});

it('while Temporal is down, past the due time: 503 with Retry-After within seconds; reads still answer', async () => {
  // The deadline must fall while the server is down, not before: the system was quick enough.
  expect(uploadDueAt - Date.now()).toBeGreaterThan(2000);
  await server.kill();
  const officer = await api.token('xlt.officer1');
  // Until the deadline has passed while the server is away, the officer keeps trying.
  do {
    whileDown.push(await api.call('POST', '/api/v1/cases', { token: officer, body: EX_OFFICIO_CASE }));
    whileDown.push(await api.call('POST', `/api/v1/cases/${caseId}/records`, { token: officer, body: await inquiry() }));
    whileDown.push(await api.call('GET', '/api/health'));
  } while (Date.now() < uploadDueAt + 2000);
  for (const a of whileDown) {
    expect(a).toMatchObject({
      status: 503,
      retryAfter: '5',
      body: { code: 'TEMPORAL_UNAVAILABLE', message: '流程引擎暂时不可用，请稍后重试' },
    });
    expect(a.ms).toBeLessThan(10_000);
  }
  // What PostgreSQL alone answers is still served.
  expect((await api.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).status).toBe(200);
  expect((await api.call('GET', '/api/v1/tasks', { token: officer })).status).toBe(200);
  // Nothing was started or recorded meanwhile, and the timer could not fire.
  const [{ n }] = await db.db.query('SELECT count(*)::int AS n FROM cases');
  expect(n).toBe(1);
  expect(await escalations()).toBe(0);
});

it('after the restart the escalation fires once, and the same API process answers again', async () => {
  await server.start();
  await eventually(async () => ((await escalations()) > 0 ? true : undefined), 120_000);
  // The API's connection finds the server again by itself.
  const again = await api.until(201, 'POST', '/api/v1/cases', { token: await api.token('xlt.officer1'), body: EX_OFFICIO_CASE });
  expect(again.body.status).toBe('pending_approval');

  expect(await escalations()).toBe(1);
  const actions = await recordOf(db.db, caseId);
  expect(actions.filter((a) => a === 'deadline_escalated')).toHaveLength(1);
  expect(actions.at(-1)).toBe('deadline_escalated');
  await verifyChain(api, caseId, 'xlt.officer1');
  // In the workflow's own history: one timer fired for the upload, one escalation run (no retry needed).
  const temporal = new Client({ connection: await Connection.connect({ address: server.address }), dataConverter });
  const history = await temporal.workflow.getHandle(workflowIdForInvestigation(caseId)).fetchHistory();
  await temporal.connection.close();
  const escalate = activityRuns(history.events!).filter((r) => r.type === 'escalate');
  expect(escalate).toMatchObject([{ attempt: 1 }]);
  // The worker rode out the outage in the same process.
  expect(worker.starts).toBe(1);
  console.log(
    `Temporal killed and restarted: 1; requests while down: ${whileDown.length}, all 503 TEMPORAL_UNAVAILABLE with Retry-After ` +
      `(slowest ${Math.max(...whileDown.map((a) => a.ms))} ms); escalations after recovery: ${await escalations()}`,
  );
});

/** The upload's escalations recorded for the case. */
async function escalations(): Promise<number> {
  const [{ n }] = await db.db.query(`SELECT count(*)::int AS n FROM escalations WHERE case_id = $1 AND kind = 'av_upload_overdue'`, [
    caseId,
  ]);
  return n;
}

/** An inquiry transcript by the two demo officers: goes to the investigation workflow. */
async function inquiry() {
  const officers = await db.db.query(
    `SELECT id, certificate_no FROM users WHERE username IN ('xlt.officer1', 'xlt.officer2') ORDER BY username`,
  );
  return {
    kind: 'inquiry_transcript',
    subject: 'witness',
    title: '询问笔录',
    recordedAt: new Date().toISOString(),
    content: '问：……答：……',
    officers: officers.map((u: any) => ({ userId: u.id, certificateNo: u.certificate_no, shown: '当场出示执法证件' })),
    signatures: { partySigned: true },
  };
}
