import { TestWorkflowEnvironment } from '@temporalio/testing';
import { eventually } from '../support/database';
import { decidedCase } from '../support/decided-case';
import { TestSystem } from '../support/system';

// Service by public notice is complete on the deemed date (民事诉讼法 95); the posting's
// audio-video file has its own upload deadline (escalated when late), it does not hold up execution.
// On Temporal's time-skipping server, so that the 30 days of the notice pass at once.
let env: TestWorkflowEnvironment;
let sys: TestSystem;
// Cancels the time skip left running below before the server goes: a call still open at teardown
// would fail inside gRPC's channel with no one to catch it, and bring down the jest worker.
const skipping = new AbortController();
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  const path = process.env.LAWTRAIL_TEST_SERVER_PATH;
  env = await TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
  sys = await TestSystem.start({ temporalAddress: env.address });
});
afterAll(async () => {
  skipping.abort();
  await sys?.stop();
  await env?.teardown();
});

it('execution starts on the deemed date although the posting’s recording was never uploaded', async () => {
  const caseId = await decidedCase(sys, 'xlt');
  const officer = await token('xlt.officer1');

  const pending = await eventually(async () =>
    (await sys.call('GET', `/api/v1/cases/${caseId}/services`, { token: officer })).body.items.find((s: any) => s.status === 'pending'),
  );
  const base = `/api/v1/cases/${caseId}/services/${pending.id}`;
  expect(
    (await sys.call('POST', `${base}/attempts`, { token: officer, body: { method: 'direct', startedAt: new Date().toISOString() } }))
      .status,
  ).toBe(200);
  expect(
    (
      await sys.call('POST', `${base}/outcome`, {
        token: officer,
        body: { outcome: 'failed', at: new Date().toISOString(), failureReason: '当事人下落不明' },
      })
    ).status,
  ).toBe(200);
  const audiovisual = {
    title: '张贴公告录像',
    method: 'video',
    recordedAt: new Date().toISOString(),
    metadata: { production_method: '执法记录仪', produced_at: '当事人住所地', producer: '李执法', fact_proven: '张贴公告过程' },
  };
  const posted = await sys.call('POST', `${base}/attempts`, {
    token: officer,
    body: {
      method: 'public_notice',
      startedAt: new Date().toISOString(),
      publicNotice: { carrier: 'posting', place: '当事人住所地及本局公告栏', audiovisual },
    },
  });
  expect(posted.status).toBe(200);
  const deemedAt = posted.body.attempts.at(-1).dueAt;
  expect((await sys.call('GET', `/api/v1/cases/${caseId}/execution`, { token: officer })).body.code).toBe('EXECUTION_NOT_STARTED');

  // The notice period passes; nobody uploads the recording. (The test server's sleep does not return
  // while the abandoned service still waits for its file, so the test watches the outcome instead.)
  const skip = Date.parse(deemedAt) - (await env.currentTimeMs()) + 3600_000;
  void env.connection.withAbortSignal(skipping.signal, () => env.sleep(skip)).catch(() => undefined);
  const served = await eventually(async () => {
    const s = (await sys.call('GET', `/api/v1/cases/${caseId}/services`, { token: officer })).body.items.find(
      (x: any) => x.id === pending.id,
    );
    return s.status === 'served' ? s : undefined;
  }, 60_000);
  expect(served).toMatchObject({ method: 'public_notice', deemed: true, servedAt: deemedAt });
  const execution = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/execution`, { token: officer });
    return r.status === 200 ? r.body : undefined;
  });
  expect(execution).toMatchObject({ state: 'performing', fineFen: 100_000 });
  expect(Date.parse(execution.payment.dueAt)).toBeGreaterThan(Date.parse(deemedAt));

  // The file is still due, on its own deadline, and its lateness was escalated.
  const upload = (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=av_upload`, { token: officer })).body.items;
  expect(upload).toHaveLength(1);
  const escalations = await sys.database.db.query(`SELECT kind FROM escalations WHERE case_id = $1`, [caseId]);
  expect(escalations.map((e: { kind: string }) => e.kind)).toContain('av_upload_overdue');
});
