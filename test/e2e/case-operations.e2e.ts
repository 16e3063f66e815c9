import { Client, Connection } from '@temporalio/client';
import { workflowIdForInitiation } from '#libs/messages/initiation';
import { dataConverter } from '#libs/temporal/data-converter';
import { eventually } from '../support/database';
import { unstorable } from '../support/documents';
import { TestSystem } from '../support/system';

// 中止、恢复、终结、移送 of a case, each approved by the chief, on the real stack.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

/** The chief decides the case's pending operation from the task list. */
async function chiefDecides(caseId: string, code: string, decision: 'approve' | 'reject') {
  const chief = await token(`${code}.chief`);
  const task = await eventually(
    async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=case_operation_approval`, { token: chief })).body.items[0],
  );
  return sys.call('POST', `/api/v1/tasks/${task.id}/completion`, {
    token: chief,
    body: { decision, opinion: decision === 'approve' ? '同意' : '不同意' },
  });
}

it('suspends a case with the chief approval: the clock stops and says why; resumption restarts it', async () => {
  const caseId = await sys.filedCase('hy');
  const officer = await token('hy.officer1');
  const path = `/api/v1/cases/${caseId}/operations`;

  const bad = await sys.call('POST', path, { token: officer, body: { kind: 'pause', reason: '' } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((f: { field: string }) => f.field).sort()).toEqual(['kind', 'reason']);
  expect(
    (await sys.call('POST', path, { token: await token('xx.officer1'), body: { kind: 'suspension', reason: '等待鉴定' } })).body.code,
  ).toBe('CASE_NOT_FOUND');
  expect(
    (await sys.call('POST', path, { token: await token('hy.officer2'), body: { kind: 'suspension', reason: '等待鉴定' } })).status,
  ).toBe(403);
  expect((await sys.call('POST', path, { token: officer, body: { kind: 'resumption', reason: '恢复' } })).body.code).toBe(
    'CASE_NOT_SUSPENDED',
  );

  const asked = await sys.call('POST', path, {
    token: officer,
    body: { kind: 'suspension', reason: '等待司法鉴定结论', legalBasis: '《行政处罚法》第六十条' },
  });
  expect(asked).toMatchObject({
    status: 202,
    body: { kind: 'suspension', status: 'pending', task: { kind: 'case_operation_approval', role: 'chief' } },
  });
  expect((await sys.call('POST', path, { token: officer, body: { kind: 'termination', reason: '当事人死亡' } })).body.code).toBe(
    'CASE_OPERATION_PENDING',
  );
  // Nothing stops before the chief approves.
  expect((await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body.clock).toEqual({ stopped: false });

  expect((await chiefDecides(caseId, 'hy', 'approve')).status).toBe(200);
  const stopped = await eventually(async () => {
    const c = (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body;
    return c.clock.stopped ? c : undefined;
  });
  expect(stopped.clock).toMatchObject({ stopped: true, reason: '等待司法鉴定结论' });
  await eventually(async () => {
    const d = (await sys.call('GET', `/api/v1/cases/${caseId}/deadlines`, { token: officer })).body.items;
    return d.some((x: { state: string }) => x.state === 'paused') ? true : undefined;
  });
  expect((await sys.call('POST', path, { token: officer, body: { kind: 'suspension', reason: '再次中止' } })).body.code).toBe(
    'CASE_ALREADY_SUSPENDED',
  );
  // The supervisor's list leaves out what the suspension stopped.
  const due = await sys.call('GET', `/api/v1/supervision/due?state=all&pageSize=100`, { token: await token('hy.supervisor') });
  expect(due.body.items.filter((i: { caseId: string }) => i.caseId === caseId)).toEqual([]);

  await sys.call('POST', path, { token: await token('hy.unithead'), body: { kind: 'resumption', reason: '鉴定结论已作出' } });
  await chiefDecides(caseId, 'hy', 'approve');
  const ops = await eventually(async () => {
    const r = (await sys.call('GET', path, { token: officer })).body;
    return r.clock.stopped === false && r.clock.pauses.length === 1 && r.clock.pauses[0].to ? r : undefined;
  });
  expect(ops.items.map((o: { kind: string; status: string }) => [o.kind, o.status])).toEqual([
    ['resumption', 'completed'],
    ['suspension', 'completed'],
  ]);
  await eventually(async () => {
    const d = (await sys.call('GET', `/api/v1/cases/${caseId}/deadlines`, { token: officer })).body.items;
    return d.every((x: { state: string }) => x.state === 'running') ? true : undefined;
  });
  const record = (await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: officer })).body.items.map(
    (e: { action: string }) => e.action,
  );
  expect(record).toEqual(
    expect.arrayContaining([
      'case_operation_requested',
      'case_operation_approved',
      'case_suspended',
      'deadline_paused',
      'case_resumed',
      'deadline_resumed',
    ]),
  );
});

it('transfers a case to the judicial authorities: the chief approves, the officer records the receipt, the case goes to archiving', async () => {
  const caseId = await sys.filedCase('xlt');
  const officer = await token('xlt.officer1');
  const path = `/api/v1/cases/${caseId}/operations`;
  const noTarget = await sys.call('POST', path, { token: officer, body: { kind: 'transfer', reason: '涉嫌犯罪' } });
  expect(noTarget).toMatchObject({
    status: 400,
    body: { code: 'VALIDATION_FAILED', errors: [{ field: 'transfer', code: 'REQUIRED', message: '移送须写明移送对象' }] },
  });
  await sys.call('POST', path, {
    token: officer,
    body: { kind: 'transfer', reason: '涉嫌犯罪，依法移送', transfer: { target: 'judicial', recipient: '县公安局' } },
  });
  await chiefDecides(caseId, 'xlt', 'approve');

  const receiptTask = await eventually(
    async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=transfer_receipt`, { token: officer })).body.items[0],
  );
  const bare = await sys.call('POST', `/api/v1/tasks/${receiptTask.id}/completion`, {
    token: officer,
    body: { decision: 'received', opinion: '已移送' },
  });
  expect(bare.body.code).toBe('TASK_RECEIPT_REQUIRED');
  // A receipt dated before the transfer was decided is refused.
  const early = {
    receivedBy: '王警官',
    receivedAt: new Date(Date.parse(receiptTask.openedAt) - 3600_000).toISOString(),
    documentNumber: '公（刑）接字〔2026〕12号',
  };
  const backDated = await sys.call('POST', `/api/v1/tasks/${receiptTask.id}/completion`, {
    token: officer,
    body: { decision: 'received', opinion: '已移送', receipt: early },
  });
  expect(backDated).toMatchObject({
    status: 400,
    body: { code: 'EVENT_BEFORE_STEP', errors: [{ field: 'receipt.receivedAt', code: 'EVENT_BEFORE_STEP' }] },
  });
  const receipt = { receivedBy: '王警官', receivedAt: new Date().toISOString(), documentNumber: '公（刑）接字〔2026〕12号' };
  expect(
    (
      await sys.call('POST', `/api/v1/tasks/${receiptTask.id}/completion`, {
        token: officer,
        body: { decision: 'received', opinion: '已移送', receipt },
      })
    ).status,
  ).toBe(200);

  const closed = await eventually(async () => {
    const c = (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body;
    return c.status === 'transferred' ? c : undefined;
  });
  expect(closed).toMatchObject({ statusLabel: '已移送', stage: 'archiving' });
  const archivist = await token('xlt.archivist');
  await eventually(
    async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=archive_file`, { token: archivist })).body.items[0],
  );
  // The case's other tasks are cancelled with it: none is left for the officer.
  expect((await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: officer })).body.items).toEqual([]);
  const ops = (await sys.call('GET', path, { token: officer })).body.items;
  expect(ops[0]).toMatchObject({ kind: 'transfer', status: 'completed', receipt, transfer: { target: 'judicial', recipient: '县公安局' } });
  const record = (await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: officer })).body.items;
  expect(record.find((e: { action: string }) => e.action === 'case_transferred').summary).toContain('公（刑）接字〔2026〕12号');
  expect((await sys.call('POST', path, { token: officer, body: { kind: 'suspension', reason: '中止' } })).body.code).toBe(
    'CASE_NOT_IN_HANDLING',
  );
});

it('a case terminated right after its filing: the 程序启动审批表 its workflow had not made yet is made by the closing', async () => {
  // The documents cannot be stored (the storage is a file): the filing's document stays pending, retried.
  const restore = unstorable(sys.env.storageDir);
  const connection = await Connection.connect({ address: process.env.LAWTRAIL_TEST_TEMPORAL });
  try {
    const caseId = await sys.filedCase('hy');
    const db = sys.database.db;
    expect(await db.query('SELECT kind FROM case_documents WHERE case_id = $1', [caseId])).toEqual([]);
    expect(await db.query('SELECT kind, step_ref, failure FROM pending_documents WHERE case_id = $1', [caseId])).toEqual([
      { kind: 'initiation_approval', step_ref: 'concluded', failure: null },
    ]);

    const officer = await token('hy.officer1');
    await sys.call('POST', `/api/v1/cases/${caseId}/operations`, { token: officer, body: { kind: 'termination', reason: '当事人死亡' } });
    const approved = chiefDecides(caseId, 'hy', 'approve');
    // The initiation workflow, still waiting for its document, is terminated with the case: its activity
    // dropped. The closing, which makes the document, is retried until the storage is back (the chief's
    // answer waits for it).
    const initiation = new Client({ connection, dataConverter }).workflow.getHandle(workflowIdForInitiation(caseId));
    await eventually(async () => ((await initiation.describe()).status.name === 'TERMINATED' ? true : undefined));
    restore();
    expect((await approved).status).toBe(200);

    const closed = await eventually(async () => {
      const c = (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body;
      return c.status === 'terminated' ? c : undefined;
    });
    expect(closed.status).toBe('terminated');
    const docs = (await sys.call('GET', `/api/v1/cases/${caseId}/documents`, { token: officer })).body.items;
    expect(docs).toEqual([expect.objectContaining({ kind: 'initiation_approval', number: closed.caseNumber, stepRef: 'concluded' })]);
    expect(await db.query('SELECT 1 FROM pending_documents WHERE case_id = $1', [caseId])).toEqual([]);
    // Its record entry comes before the closing's.
    const record = (await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: officer })).body.items;
    const actions = record.map((e: { action: string }) => e.action);
    expect(actions.indexOf('document_generated')).toBeLessThan(actions.indexOf('case_terminated'));
  } finally {
    restore();
    await connection.close();
  }
});
