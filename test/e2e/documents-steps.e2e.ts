import { createHash } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { fieldRecordFromRecord } from '#activities/documents/field-record';
import { hearingNoticeFromRecord } from '#activities/documents/hearing-notice';
import { onTheSpotDecisionFromRecord } from '#activities/documents/on-the-spot-decision';
import { publicNoticeFromRecord } from '#activities/documents/public-notice';
import { renderPdf } from '#activities/documents/render';
import { workflowIdForInitiation } from '#libs/messages/initiation';
import { dataConverter } from '#libs/temporal/data-converter';
import { eventually } from '../support/database';
import { decidedCase } from '../support/decided-case';
import { regeneratesUnchanged, unstorable } from '../support/documents';
import { ensurePoppler, pdfText } from '../support/poppler';
import { summaryBody } from '../support/summary-body';
import { TestSystem } from '../support/system';

// The field records, the on-the-spot decision, the 公告 and the 听证通知书 are made by the steps that make
// them: the written record added, the on-the-spot case written, the attempt by public notice begun, the
// hearing scheduled (named in the step's transaction, rendered once the step was answered). Each is listed, its file matches its hash, and the record
// renders the same bytes again.
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  ensurePoppler();
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

/** The case's documents of one kind, and the text of the only one. */
async function only(caseId: string, kind: string, user: string) {
  // Rendered once the step was answered ('documents-after-step'): listed within seconds.
  const list = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/documents?kind=${kind}`, { token: await token(user) });
    return r.status === 200 && r.body.total ? r : undefined;
  });
  expect(list.body.total).toBe(1);
  const d = list.body.items[0];
  const res = await fetch(`${sys.baseUrl}/api/v1/cases/${caseId}/documents/${d.id}/file`, {
    headers: { authorization: `Bearer ${await token(user)}` },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(sha(bytes)).toBe(d.sha256);
  return { d, text: squeeze(pdfText(bytes)) };
}

const unchanged = (caseId: string, d: { id: string; sha256: string }, chief: string) => regeneratesUnchanged(sys, caseId, d, chief);

it('a 询问笔录 and a 现场检查（勘验）笔录 are made as the written records are added; other written records make none', async () => {
  const caseId = await sys.filedCase('xx');
  const c = `/api/v1/cases/${caseId}`;
  const officer = await token('xx.officer1');
  const notYet = await sys.call('GET', `${c}/documents?kind=inquiry_transcript`, { token: officer });
  expect(notYet).toMatchObject({ status: 409, body: { code: 'DOCUMENT_NOT_YET' } });
  expect(notYet.body.errors[0].message).toContain('制作询问笔录');
  await sys.evidenceRecord(caseId, 'xx');
  expect((await sys.call('GET', `${c}/documents?kind=inquiry_transcript`, { token: officer })).status).toBe(409);

  const inquiry = await sys.partyInquiry(caseId, 'xx', { rights: ['statement', 'defence', 'hearing'], method: '口头告知并记入笔录' });
  expect(inquiry.status).toBe(201);
  const officers = [await sys.officer('xx.officer1'), await sys.officer('xx.officer2')];
  const inspection = await sys.call('POST', `${c}/records`, {
    token: officer,
    body: {
      kind: 'on_site_inspection_transcript',
      title: '昇平街赟园门店检查',
      recordedAt: new Date().toISOString(),
      place: '昇平街赟园门店',
      content: '现场发现牌匾一块。',
      officers,
      signatures: { partySigned: false, refusalReason: '不愿签字', witness: '店员王喆' },
      avOmissionReason: '现场无法录像',
    },
  });
  expect(inspection.status).toBe(201);

  const asked = await only(caseId, 'inquiry_transcript', 'xx.officer1');
  expect(asked.d).toMatchObject({ kindLabel: '询问笔录', number: null, version: 1, stepRef: `evidence:${inquiry.body.id}` });
  const names = await sys.database.db.query(`SELECT display_name FROM users WHERE username IN ('xx.officer1', 'xx.officer2')`);
  for (const n of names) expect(asked.text).toContain(n.display_name);
  for (const s of ['询问笔录', '■当事人□证人', '■陈述■申辩□申请回避■听证', '问：……答：……', officers[1].certificateNo, '当场出示执法证件'])
    expect(asked.text).toContain(s);
  const seen = await only(caseId, 'on_site_inspection_transcript', 'xx.officer1');
  for (const s of [
    '现场检查（勘验）笔录',
    '昇平街赟园门店',
    '现场发现牌匾一块',
    '拒绝签名（理由：不愿签字），见证人：店员王喆',
    '现场无法录像',
  ])
    expect(seen.text).toContain(s);

  // Named in the record right after the record's entry; the record renders the same bytes again.
  const record = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items;
  const entry = record.find((e: any) => e.details.recordId === inquiry.body.id);
  expect(record.find((e: any) => e.seq === entry.seq + 1)).toMatchObject({
    action: 'document_generated',
    details: { documentId: asked.d.id, kind: 'inquiry_transcript', sha256: asked.d.sha256 },
  });
  const again = await sys.database.db.transaction((m) => fieldRecordFromRecord(m, caseId, inquiry.body.id, asked.d.stepRef, null));
  expect(sha(await renderPdf(again!.definition))).toBe(asked.d.sha256);
  await unchanged(caseId, asked.d, 'xx.chief');
  await unchanged(caseId, seen.d, 'xx.chief');
  expect((await sys.call('GET', `${c}/documents`, { token: officer })).body.total).toBe(3); // with the 审批表

  // In the draft 案卷 each 笔录 is its document, not also a record listed without pages: 3 documents (with the
  // 审批表) and 1 record (the appraisal).
  const draft = await fetch(`${sys.baseUrl}${c}/case-file/pdf`, { headers: { authorization: `Bearer ${await token('xx.archivist')}` } });
  expect(draft.status).toBe(200);
  expect(squeeze(pdfText(Buffer.from(await draft.arrayBuffer())))).toContain('本卷共有文书3件');

  // A flagged record's 笔录 is read as the record: refused to an officer of another unit, read (and the read
  // recorded) by the legal reviewer.
  await sys.call('POST', `${c}/evidence/${inquiry.body.id}/flags`, {
    token: await token('xx.unithead'),
    body: { flag: 'privacy', reason: '涉及当事人隐私' },
  });
  const path = `${c}/documents/${asked.d.id}/file`;
  expect(await sys.call('GET', path, { token: await token('xx.officer3') })).toMatchObject({
    status: 403,
    body: { code: 'RECORD_CONFIDENTIAL' },
  });
  const legal = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${await token('xx.legal')}` } });
  expect(legal.status).toBe(200);
  // The party's copy, on the party's request to read the record granted by the chief (新乡: the chief's
  // consent), withholds the record's title and content (行政处罚法 50), whoever of the agency makes it.
  const request = await sys.call('POST', `${c}/access-requests`, {
    token: officer,
    body: { requester: '当事人', requestedAt: new Date().toISOString(), scope: '询问笔录', actions: ['view'] },
  });
  const consent = { decision: 'granted', opinion: '同意查阅，隐去涉密内容' };
  expect(
    (await sys.call('POST', `/api/v1/tasks/${request.body.task.id}/completion`, { token: await token('xx.chief'), body: consent })).status,
  ).toBe(200);
  const party = await fetch(`${sys.baseUrl}${path}?copy=party&request=${request.body.requestId}`, {
    headers: { authorization: `Bearer ${await token('xx.officer3')}` },
  });
  expect(party.status).toBe(200);
  const partyText = squeeze(pdfText(Buffer.from(await party.arrayBuffer())));
  expect(partyText).toContain('■■■（涉及个人隐私');
  expect(partyText).not.toContain('问：……答：……');
  // Corrected after the flag: version 2, its title marked 涉密, replacing version 1.
  const corrected = await sys.call('POST', `${path.slice(0, -'/file'.length)}/regenerate`, {
    token: await token('xx.chief'),
    body: { reason: '标记涉密后更正' },
  });
  expect(corrected).toMatchObject({ status: 201, body: { version: 2, replaces: asked.d.id, kind: 'inquiry_transcript' } });
  const reads = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items.filter(
    (e: any) => e.action === 'record_read',
  );
  expect(reads).toEqual([expect.objectContaining({ details: expect.objectContaining({ recordId: inquiry.body.id }) })]);
});

it('an on-the-spot decision makes its 当场行政处罚决定书 with its 文号, and is no 行政处罚决定书', async () => {
  const officer = await token('xlt.officer1');
  const created = await sys.call('POST', '/api/v1/summary-cases', {
    token: officer,
    body: summaryBody({ party: { kind: 'person', name: '王喆堃', address: '昇平街赟园' } }),
  });
  expect(created.status).toBe(201);
  const caseId = created.body.id;
  const kase = (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body;
  const { d, text } = await only(caseId, 'on_the_spot_decision', 'xlt.officer1');
  expect(d).toMatchObject({ kindLabel: '当场行政处罚决定书', number: kase.decisionNumber, stepRef: 'summary-decision' });
  for (const s of [
    kase.decisionNumber,
    '王喆堃',
    '未按规定办理殡葬事宜登记',
    '《殡葬管理条例》第二十条',
    '罚款50元',
    '■当场缴纳',
    'LN-0001',
    '兴隆台区某街道',
  ])
    expect(text).toContain(s);
  expect((await sys.call('GET', `/api/v1/cases/${caseId}/documents?kind=decision`, { token: officer })).body.code).toBe('DOCUMENT_NOT_YET');
  const again = await sys.database.db.transaction((m) => onTheSpotDecisionFromRecord(m, caseId, 'summary-decision', null));
  expect(sha(await renderPdf(again!.definition))).toBe(d.sha256);
  await unchanged(caseId, d, 'xlt.chief');
});

it('service falling back to public notice makes its 公告, naming the method that failed and when it is deemed served', async () => {
  const caseId = await decidedCase(sys, 'xlt');
  const officer = await token('xlt.officer1');
  const pending = await eventually(async () =>
    (await sys.call('GET', `/api/v1/cases/${caseId}/services`, { token: officer })).body.items.find((s: any) => s.status === 'pending'),
  );
  const base = `/api/v1/cases/${caseId}/services/${pending.id}`;
  await sys.call('POST', `${base}/attempts`, { token: officer, body: { method: 'direct', startedAt: new Date().toISOString() } });
  await sys.call('POST', `${base}/outcome`, {
    token: officer,
    body: { outcome: 'failed', at: new Date().toISOString(), failureReason: '当事人下落不明' },
  });
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
      publicNotice: { carrier: 'posting', place: '本局公告栏', audiovisual },
    },
  });
  expect(posted.status).toBe(200);
  const attempt = posted.body.attempts.at(-1);
  const { d, text } = await only(caseId, 'public_notice', 'xlt.officer1');
  expect(d).toMatchObject({ kindLabel: '公告', number: null, stepRef: `service-attempt:${attempt.id}` });
  for (const s of ['公告', '王五：', '直接送达', '当事人下落不明', '■张贴□报纸□网站', '本局公告栏', '即视为送达'])
    expect(text).toContain(s);
  // The direct attempt made a 送达回证, the notice none.
  const receipts = (await sys.call('GET', `/api/v1/cases/${caseId}/documents?kind=service_receipt`, { token: officer })).body;
  expect(receipts.total).toBe(1);
  const again = await sys.database.db.transaction(async (m) => {
    const [{ view }] = await m.query('SELECT view FROM services WHERE id = $1', [pending.id]);
    return publicNoticeFromRecord(m, view, attempt.id, d.stepRef);
  });
  expect(sha(await renderPdf(again!.definition))).toBe(d.sha256);
  await unchanged(caseId, d, 'xlt.chief');
});

it('a hearing scheduled makes its 听证通知书 with the time, the place and the presiding officer (行政处罚法 64)', async () => {
  const caseId = await sys.filedCase('hy');
  const officer = await token('hy.officer1');
  const now = new Date().toISOString();
  await sys.call('POST', `/api/v1/cases/${caseId}/pre-decision-notice`, {
    token: officer,
    body: { servedAt: now, rights: ['statement', 'defence', 'hearing'], method: '直接送达' },
  });
  await sys.call('POST', `/api/v1/cases/${caseId}/hearing-requests`, { token: officer, body: { requestedAt: now } });
  expect((await sys.call('GET', `/api/v1/cases/${caseId}/documents?kind=hearing_notice`, { token: officer })).status).toBe(409);
  // Fixed in China time: 20 days on, 9:30, whatever the hour the test runs.
  const day = new Date(Date.parse(now) + 20 * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const at = new Date(`${day}T09:30:00+08:00`).toISOString();
  const scheduled = await sys.call('POST', `/api/v1/cases/${caseId}/hearing`, {
    token: officer,
    body: { notifiedAt: now, at, place: '听证室', host: '周堃' },
  });
  expect(scheduled.status).toBe(200);
  const { d, text } = await only(caseId, 'hearing_notice', 'hy.officer1');
  expect(d).toMatchObject({ kindLabel: '听证通知书', stepRef: 'hearing-scheduled' });
  const [y, m, dd] = day.split('-').map(Number);
  for (const s of ['听证通知书', `${y}年${m}月${dd}日9时30分`, '听证室', '周堃', '有权申请回避', '七个工作日前送达'])
    expect(text).toContain(s);
  const again = await sys.database.db.transaction((q) => hearingNoticeFromRecord(q, caseId, 'hearing-scheduled', null));
  expect(sha(await renderPdf(again!.definition))).toBe(d.sha256);
  await unchanged(caseId, d, 'hy.chief');
});

it('a document the database refuses for its integrity is kept pending with the reason, and its workflow still ends', async () => {
  // Its step was answered long before: refusing it now would fail the workflow at its end while every
  // step stands. A retry would be refused again; the row says why, for a person to mend.
  const restore = unstorable(sys.env.storageDir);
  const connection = await Connection.connect({ address: process.env.LAWTRAIL_TEST_TEMPORAL });
  try {
    const caseId = await sys.filedCase('hy');
    // Another row in the filing document's place (case, kind, step, version): its making is refused.
    await sys.database.db.query(
      `INSERT INTO case_documents (id, case_id, kind, number, version, sha256, size, created_at, step_ref, replaces, missing_characters)
       VALUES (gen_random_uuid(), $1, 'initiation_approval', NULL, 1, repeat('0', 64), 1, now(), 'concluded', NULL, '{}')`,
      [caseId],
    );
    restore();
    const initiation = new Client({ connection, dataConverter }).workflow.getHandle(workflowIdForInitiation(caseId));
    await eventually(async () => ((await initiation.describe()).status.name === 'COMPLETED' ? true : undefined), 30000);
    const [pending] = await sys.database.db.query('SELECT kind, step_ref, failure FROM pending_documents WHERE case_id = $1', [caseId]);
    expect(pending).toMatchObject({
      kind: 'initiation_approval',
      step_ref: 'concluded',
      failure: expect.stringContaining('case_documents'),
    });
    // The case's people see it on the case (GET …/documents/pending), another agency does not see the case.
    const c = `/api/v1/cases/${caseId}/documents/pending`;
    const shown = await sys.call('GET', c, { token: await token('hy.officer1') });
    expect(shown.status).toBe(200);
    expect(shown.body.items).toEqual([
      {
        kind: 'initiation_approval',
        kindLabel: expect.stringContaining('审批表'),
        stepRef: 'concluded',
        namedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        failure: expect.stringContaining('case_documents'),
      },
    ]);
    expect((await sys.call('GET', c, { token: await token('xlt.officer1') })).body.code).toBe('CASE_NOT_FOUND');
  } finally {
    restore();
    await connection.close();
  }
});
