import { LegalCalendar } from '../../libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '../../libs/calendar/data';
import { computeDue } from '../../libs/calendar/period';
import { eventually } from '../support/database';
import { TestSystem } from '../support/system';

// Issue 6 §8 over HTTP: 简易程序 — limits (行政处罚法 51), the items of 000 第十四条, audio-video of a
// disputed procedure, cash collected on the spot (68–71), the filing task, one case per Idempotency-Key.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const body = (o: Record<string, unknown> = {}) => ({
  party: { kind: 'person', name: '赵六' },
  facts: '未按规定办理殡葬事宜登记',
  legalBasis: '《殡葬管理条例》第二十条',
  penalty: { kind: 'fine', amountYuan: 50 },
  documentNumber: '兴民简罚〔2026〕8号',
  decidedAt: new Date().toISOString(),
  place: '兴隆台区某街道',
  items: {
    conditions: '违法事实确凿，有法定依据，罚款五十元',
    steps_and_documents: '出示执法证件，填写预定格式、编有号码的决定书，当场交付',
    statement_and_defence: '当事人称不知道需要登记',
    review_of_statement_and_defence: '不予采纳：已履行告知义务',
    on_the_spot_collection: '当场收缴，出具专用票据',
  },
  disputed: false,
  collection: { amountYuan: 50, receiptNumber: 'LN-0001', collectedAt: new Date().toISOString(), ground: 'small_fine' },
  ...o,
});

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
  expect(missing.body.errors).toContainEqual({ field: 'audiovisual', code: 'AV_REQUIRED', message: '容易引起行政争议的简易程序执法行为须进行音像记录' });

  const audiovisual = { title: '执法记录仪录像', method: 'video', recordedAt: new Date().toISOString(), metadata: { producer: '李执法', production_method: '执法记录仪', produced_at: '当场', fact_proven: '当场处罚过程' } };
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
  const put = await fetch(`${sys.baseUrl}/api/v1/cases/${caseId}/av-records/${evidence.body[0].id}/file`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${officer}`, 'content-type': 'video/mp4' },
    body: Buffer.from('录像内容'),
  });
  expect(put.status).toBe(200);
  await sys.completeTask(caseId, 'xlt.officer1', { decision: 'handed_in', opinion: '已交财务科' });
  expect((await sys.completeTask(caseId, 'xlt.unithead', { decision: 'filed', opinion: '已备案' })).status).toBe(200);
  // Filed, handed in, recorded: the case ends and waits for its file to be archived.
  const record = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/record`, { token: officer });
    return r.body.items.at(-1).action === 'case_ended' ? r.body.items : undefined;
  });
  expect(record.map((e: any) => e.action)).toEqual([
    'decision_issued', 'fine_collected', 'evidence_recorded', 'av_file_stored', 'task_completed', 'task_completed', 'case_ended',
  ]);
});

it('a fine not paid on the spot is executed: the 15 days run from the decision handed over at the scene (行政处罚法 52, 67)', async () => {
  const officer = await token('xlt.officer1');
  const { on_the_spot_collection: _, ...items } = body().items;
  const decidedAt = new Date().toISOString();
  const created = await sys.call('POST', '/api/v1/summary-cases', { token: officer, body: body({ collection: undefined, items, decidedAt, documentNumber: '兴民简罚〔2026〕9号' }) });
  expect(created.status).toBe(201);
  const execution = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${created.body.id}/execution`, { token: officer });
    return r.status === 200 ? r.body : undefined;
  });
  const pay = computeDue(new LegalCalendar(BUILT_IN_SCHEDULES), decidedAt, { amount: 15, unit: 'day' });
  expect(execution).toMatchObject({ state: 'performing', fineFen: 5_000, payment: { dueAt: pay.due, lastDay: pay.lastDay, paidAt: null } });
  // Paid: the execution ends the case (the summary filing still goes on as the unit head's task).
  const paid = await sys.call('POST', `/api/v1/cases/${created.body.id}/payments`, { token: officer, body: { paidAt: new Date().toISOString(), amountYuan: 50, receipt: 'LN-0002' } });
  expect(paid.body.state).toBe('paid');
  const c = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${created.body.id}`, { token: officer });
    return r.body.status === 'ended' ? r.body : undefined;
  });
  expect(c.stage).toBe('archiving');
});
