import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { chinaYear, parseNumber } from '#libs/domain/numbering';
import { eventually } from '../support/database';
import { stepsAndDocuments } from '../support/documents';
import { summaryBody } from '../support/summary-body';
import { TestSystem } from '../support/system';

// Over HTTP: 简易程序 — limits (行政处罚法 51), the items of 000 第十四条, audio-video of a
// disputed procedure, cash collected on the spot (68–71), the filing task, one case per Idempotency-Key.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const body = summaryBody;

it('refuses a fine over the limit and missing items, field by field', async () => {
  const r = await sys.call('POST', '/api/v1/summary-cases', {
    token: await token('xlt.officer1'),
    body: body({ penalty: { kind: 'fine', amountYuan: 500 }, items: { conditions: '条件' }, collection: undefined }),
  });
  expect(r.status).toBe(400);
  expect(r.body.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual([
    'penalty.amountYuan:SUMMARY_FINE_OVER_LIMIT',
    'items.steps_and_documents:SUMMARY_ITEM_MISSING',
    'items.statement_and_defence:SUMMARY_ITEM_MISSING',
    'items.review_of_statement_and_defence:SUMMARY_ITEM_MISSING',
  ]);
  expect(r.body.errors[0].message).toBe('简易程序对公民罚款不得超过200元，应适用普通程序');
  const cases = await sys.call('GET', '/api/v1/cases', { token: await token('xlt.officer1') });
  expect(cases.body.total).toBe(0);
});

it('a disputed procedure needs its audio-video, whose file is then due from the officer (000 第十四条第二款)', async () => {
  const officer = await token('xlt.officer1');
  const missing = await sys.call('POST', '/api/v1/summary-cases', { token: officer, body: body({ disputed: true }) });
  expect(missing.body.errors).toContainEqual({
    field: 'audiovisual',
    code: 'AV_REQUIRED',
    message: '容易引起行政争议的简易程序执法行为须进行音像记录',
  });

  const audiovisual = {
    title: '执法记录仪录像',
    method: 'video',
    recordedAt: new Date().toISOString(),
    metadata: { producer: '李执法', production_method: '执法记录仪', produced_at: '当场', fact_proven: '当场处罚过程' },
  };
  const headers = { 'idempotency-key': 'summary-xlt-8' };
  const request = body({ disputed: true, audiovisual });
  const first = await sys.call('POST', '/api/v1/summary-cases', { token: officer, body: request, headers });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ procedure: 'summary', status: 'decided', stage: 'service' });
  const again = await sys.call('POST', '/api/v1/summary-cases', { token: officer, body: request, headers });
  expect(again.body.id).toBe(first.body.id);
  const changed = await sys.call('POST', '/api/v1/summary-cases', { token: officer, body: { ...request, place: '别处' }, headers });
  expect(changed).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });

  const caseId = first.body.id;
  const mine = await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: officer });
  expect(mine.body.items.map((t: any) => t.kind).sort()).toEqual(['av_upload', 'cash_hand_in']);
  const filing = await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: await token('xlt.unithead') });
  expect(filing.body.items.map((t: any) => t.kind)).toEqual(['summary_filing']);

  const evidence = await sys.call('GET', `/api/v1/cases/${caseId}/evidence`, { token: officer });
  const put = await sys.storeFile(caseId, evidence.body.items[0].id, Buffer.from('录像内容'), { user: 'xlt.officer1', type: 'video/mp4' });
  expect(put.status).toBe(200);
  await sys.completeTask(caseId, 'xlt.officer1', { decision: 'handed_in', opinion: '已交财务科' });
  expect((await sys.completeTask(caseId, 'xlt.unithead', { decision: 'filed', opinion: '已备案' })).status).toBe(200);
  // Filed, handed in, recorded: the case ends and waits for its file to be archived.
  const record = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/record`, { token: officer });
    return r.body.items.at(-1).action === 'case_ended' ? r.body.items : undefined;
  });
  // The 当场行政处罚决定书 is made once the collection it ticks is written, after it.
  expect(stepsAndDocuments(record.map((e: any) => e.action))).toEqual({
    steps: ['decision_issued', 'fine_collected', 'evidence_recorded', 'av_file_stored', 'task_completed', 'task_completed', 'case_ended'],
    documents: 1,
  });
});

it('a fine not paid on the spot is executed: the 15 days run from the decision handed over at the scene (行政处罚法 52, 67)', async () => {
  const officer = await token('xlt.officer1');
  const { on_the_spot_collection: _, ...items } = body().items;
  const decidedAt = new Date().toISOString();
  const created = await sys.call('POST', '/api/v1/summary-cases', {
    token: officer,
    body: body({ collection: undefined, items, decidedAt }),
  });
  expect(created.status).toBe(201);
  const execution = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${created.body.id}/execution`, { token: officer });
    return r.status === 200 ? r.body : undefined;
  });
  const pay = computeDue(new LegalCalendar(BUILT_IN_SCHEDULES), decidedAt, { amount: 15, unit: 'day' });
  expect(execution).toMatchObject({ state: 'performing', fineFen: 5_000, payment: { dueAt: pay.due, lastDay: pay.lastDay, paidAt: null } });
  // Paid: the execution ends the case (the summary filing still goes on as the unit head's task).
  const paid = await sys.call('POST', `/api/v1/cases/${created.body.id}/payments`, {
    token: officer,
    body: { paidAt: new Date().toISOString(), amountYuan: 50, receipt: 'LN-0002' },
  });
  expect(paid.body.state).toBe('paid');
  const c = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${created.body.id}`, { token: officer });
    return r.body.status === 'ended' ? r.body : undefined;
  });
  expect(c.stage).toBe('archiving');
});

it('a warning carries no amount and a fine names one (行政处罚法 9); the record line says 警告 alone', async () => {
  const officer = await token('xlt.officer1');
  const { on_the_spot_collection: _, ...items } = body().items;
  const warningWithAmount = await sys.call('POST', '/api/v1/summary-cases', {
    token: officer,
    body: body({ penalty: { kind: 'warning', amountYuan: 3000 }, collection: undefined, items }),
  });
  expect(warningWithAmount).toMatchObject({
    status: 400,
    body: {
      code: 'RECORD_INVALID',
      errors: [{ field: 'penalty.amountYuan', code: 'SUMMARY_WARNING_AMOUNT', message: '警告不处罚款，不应填写罚款金额' }],
    },
  });
  const fineWithout = await sys.call('POST', '/api/v1/summary-cases', {
    token: officer,
    body: body({ penalty: { kind: 'fine' }, collection: undefined, items }),
  });
  expect(fineWithout.status).toBe(400);
  expect(fineWithout.body.errors.map((e: any) => e.field)).toEqual(['penalty.amountYuan']);

  const warning = await sys.call('POST', '/api/v1/summary-cases', {
    token: officer,
    body: body({ penalty: { kind: 'warning' }, collection: undefined, items }),
  });
  expect(warning.status).toBe(201);
  const record = await sys.call('GET', `/api/v1/cases/${warning.body.id}/record`, { token: officer });
  const line: string = record.body.items.find((e: any) => e.action === 'decision_issued').summary;
  expect(line).toMatch(/当场作出处罚决定（XLT简罚〔\d{4}〕\d+号，.*）：警告；决定书当场交付当事人$/);
  expect(line).toContain(`（${warning.body.decisionNumber}，`);
  expect(line).not.toContain('元');
});

it('each agency numbers its on-the-spot decisions in order as they are written; a 文号 typed beside them is refused', async () => {
  const { on_the_spot_collection: _, ...items } = body().items;
  const request = (o: Record<string, unknown> = {}) => body({ collection: undefined, items, ...o });
  const numberOf = (r: { body: { decisionNumber: string } }) =>
    parseNumber('{agencyShort}简罚〔{year}〕{seq}号', 'XLT', r.body.decisionNumber);
  const first = await sys.call('POST', '/api/v1/summary-cases', { token: await token('xlt.officer1'), body: request() });
  const second = await sys.call('POST', '/api/v1/summary-cases', { token: await token('xlt.officer2'), body: request() });
  expect([first.status, second.status]).toEqual([201, 201]);
  // Decided now, in one China year (or the second opens the next year at 1).
  expect(numberOf(second)!.seq).toBe(numberOf(second)!.year === numberOf(first)!.year ? numberOf(first)!.seq + 1 : 1);
  const typed = await sys.call('POST', '/api/v1/summary-cases', {
    token: await token('xlt.officer1'),
    body: request({ documentNumber: '兴民简罚〔2026〕30号' }),
  });
  expect(typed).toMatchObject({
    status: 400,
    body: { code: 'VALIDATION_FAILED', errors: [{ field: 'documentNumber', code: 'NUMBER_ASSIGNED' }] },
  });
  expect(typed.body.errors[0].message).toBe('本机关的当场行政处罚决定书文号由系统在作出决定时编号，请勿填写');
  const hy = request();
  const elsewhere = await sys.call('POST', '/api/v1/summary-cases', { token: await token('hy.officer1'), body: hy });
  expect(elsewhere.status).toBe(201);
  expect(elsewhere.body.decisionNumber).toBe(`HY简罚〔${chinaYear(hy.decidedAt)}〕1号`);
});
