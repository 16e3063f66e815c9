import { createHash } from 'node:crypto';
import { decisionFromRecord, makeDecisionDocument } from '#activities/documents/decision';
import { demandNoticeFromRecord } from '#activities/documents/demand-notice';
import { preDecisionNoticeFromRecord } from '#activities/documents/pre-decision-notice';
import { initiationApprovalFromRecord } from '#activities/documents/initiation-approval';
import { renderPdf } from '#activities/documents/render';
import { receiptFromRecord } from '#activities/documents/service-receipt';
import { chinaDate } from '#libs/calendar/dates';
import { chineseDate } from '#libs/documents/layout';
import { eventually } from '../support/database';
import { decidedCase } from '../support/decided-case';
import { ensurePoppler, pdfText } from '../support/poppler';
import { EX_OFFICIO_CASE } from '../support/forms';
import { TestSystem } from '../support/system';

// 执法文书 are generated when the step that makes them happens, stored by SHA-256 and named in the record:
// filing makes the 程序启动审批表 (with its 案号), the pre-decision notice served its 行政处罚事先告知书, the
// decision issued the 行政处罚决定书 (with its 文号), each service attempt its 送达回证, the 催告书 served its
// document.
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DAY = 24 * 3600_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

beforeAll(async () => {
  ensurePoppler();
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

async function download(path: string, user: string) {
  const res = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${await token(user)}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

it('a decided and served case lists its 程序启动审批表, 告知书, 决定书 and 送达回证, with hashes matching the files and the record', async () => {
  const caseId = await decidedCase(sys, 'xlt');
  const officer = await token('xlt.officer1');
  const c = `/api/v1/cases/${caseId}`;
  const pending = await eventually(async () =>
    (await sys.call('GET', `${c}/services`, { token: officer })).body.items.find((s: any) => s.status === 'pending'),
  );
  const startedAt = new Date().toISOString();
  expect(
    (await sys.call('POST', `${c}/services/${pending.id}/attempts`, { token: officer, body: { method: 'direct', startedAt } })).status,
  ).toBe(200);
  const served = await sys.call('POST', `${c}/services/${pending.id}/outcome`, {
    token: officer,
    body: { outcome: 'served', at: new Date().toISOString(), receipt: { signedBy: '王五' } },
  });
  expect(served.status).toBe(200);

  const kase = (await sys.call('GET', c, { token: officer })).body;
  const list = (await sys.call('GET', `${c}/documents`, { token: officer })).body;
  expect(list).toMatchObject({ total: 4, page: 1 });
  const [filing, notice, decision, receipt] = list.items;
  expect(filing).toMatchObject({ kind: 'initiation_approval', kindLabel: '程序启动审批表', number: kase.caseNumber, stepRef: 'concluded' });
  // Handed over, its date entered: no 文号 was typed for it.
  expect(notice).toMatchObject({ kind: 'pre_decision_notice', kindLabel: '行政处罚事先告知书', number: null, stepRef: 'notice-served' });
  expect(decision).toMatchObject({
    kind: 'decision',
    kindLabel: '行政处罚决定书',
    number: kase.decisionNumber,
    version: 1,
    stepRef: 'decision-issued',
  });
  expect(receipt).toMatchObject({ kind: 'service_receipt', kindLabel: '送达回证', number: null, version: 1 });
  expect(receipt.stepRef).toMatch(/^service-attempt:/);

  const record = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items;
  const generated = record.filter((e: any) => e.action === 'document_generated');
  expect(generated.map((e: any) => e.details)).toEqual([
    expect.objectContaining({ documentId: filing.id, kind: 'initiation_approval', number: kase.caseNumber, sha256: filing.sha256 }),
    expect.objectContaining({ documentId: notice.id, kind: 'pre_decision_notice', number: null, sha256: notice.sha256 }),
    expect.objectContaining({ documentId: decision.id, kind: 'decision', number: kase.decisionNumber, sha256: decision.sha256 }),
    expect.objectContaining({ documentId: receipt.id, kind: 'service_receipt', sha256: receipt.sha256 }),
  ]);
  // Each document is dated by the step that made it, and named in the record right after that step.
  const stepOf = (action: string) => record.find((e: any) => e.action === action);
  expect(decision.createdAt).toBe(stepOf('decision_issued').at);
  expect(receipt.createdAt).toBe(stepOf('service_attempted').at);
  expect(filing.createdAt).toBe(stepOf('case_initiated').at);
  expect(notice.createdAt).toBe(stepOf('notice_served').at);
  expect(generated[1].seq).toBe(stepOf('notice_served').seq + 1);
  expect(generated[2].seq).toBe(stepOf('decision_issued').seq + 1);

  const file = await download(`${c}/documents/${decision.id}/file`, 'xlt.officer1');
  expect(file).toMatchObject({ status: 200, type: 'application/pdf' });
  expect(sha(file.bytes)).toBe(decision.sha256);
  expect(file.bytes.length).toBe(decision.size);
  expect(file.disposition).toContain(`filename="decision-${decision.sha256.slice(0, 8)}.pdf"`);
  expect(decodeURIComponent(file.disposition!.split("filename*=UTF-8''")[1])).toBe(
    `行政处罚决定书（${kase.decisionNumber}）-${decision.sha256.slice(0, 8)}.pdf`,
  );
  const text = pdfText(file.bytes).replace(/\s+/g, '');
  for (const s of [kase.decisionNumber, '兴隆台区民政局', '王五', '违法事实', '罚款1000元', '《社会团体登记管理条例》第三十条'])
    expect(text).toContain(s.replace(/\s+/g, ''));

  // Anyone holding the record renders the same bytes again.
  const again = await sys.database.db.transaction(async (m) => {
    const [{ view }] = await m.query('SELECT view FROM services WHERE id = $1', [pending.id]);
    return [
      await decisionFromRecord(m, caseId, 'decision-issued', null),
      await receiptFromRecord(m, view, receipt.stepRef.split(':')[1], receipt.stepRef),
      await initiationApprovalFromRecord(m, caseId, 'concluded', null),
      await preDecisionNoticeFromRecord(m, caseId, 'notice-served', null),
    ];
  });
  expect(sha(await renderPdf(again[0]!.definition))).toBe(decision.sha256);
  expect(sha(await renderPdf(again[1]!.definition))).toBe(receipt.sha256);
  expect(sha(await renderPdf(again[2]!.definition))).toBe(filing.sha256);
  expect(sha(await renderPdf(again[3]!.definition))).toBe(notice.sha256);

  // The step retried (the activity run again) makes nothing twice.
  await sys.database.db.transaction((m) => makeDecisionDocument(m, sys.env.storageDir, caseId, 'decision-issued', null));
  expect((await sys.call('GET', `${c}/documents`, { token: officer })).body.total).toBe(4);
  const entries = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items;
  expect(entries.filter((e: any) => e.action === 'document_generated')).toHaveLength(4);

  // The 告知书: the draft's facts and penalty, the profile's periods (兴隆台: 3 working days to state, 5 to ask
  // for a hearing), dated by the day of service.
  const told = await download(`${c}/documents/${notice.id}/file`, 'xlt.officer1');
  expect(sha(told.bytes)).toBe(notice.sha256);
  const toldText = pdfText(told.bytes).replace(/\s+/g, '');
  for (const s of [
    '行政处罚事先告知书',
    `案号：${kase.caseNumber}`,
    '王五：',
    '违法事实',
    '拟对你（单位）作出如下行政处罚：罚款1000元',
    '3个工作日内',
    '5个工作日内',
  ])
    expect(toldText).toContain(s);

  const slip = await download(`${c}/documents/${receipt.id}/file`, 'xlt.unithead');
  expect(sha(slip.bytes)).toBe(receipt.sha256);
  const slipText = pdfText(slip.bytes).replace(/\s+/g, '');
  for (const s of ['送达回证', kase.decisionNumber, '王五', '■直接送达', '□邮寄送达']) expect(slipText).toContain(s);
});

it('a 催告书 served is listed with its hash matching the file and the record, and reads the obligation, the amount and the rights', async () => {
  // Handed over seven months ago (entered late): payment and remedy periods have run out.
  const caseId = await decidedCase(sys, 'xlt', { handedOverAt: ago(210) });
  const officer = await token('xlt.officer1');
  const c = `/api/v1/cases/${caseId}`;
  await eventually(async () => ((await sys.call('GET', `${c}/execution`, { token: officer })).body.state === 'overdue' ? true : undefined));
  expect((await sys.call('GET', `${c}/documents?kind=demand_notice`, { token: officer })).status).toBe(409);
  const demandText = '自收到本催告书之日起十日内缴纳罚款及加处罚款共计二千元';
  expect((await sys.call('POST', `${c}/demand-notice`, { token: officer, body: { content: demandText } })).status).toBe(200);
  expect((await sys.completeTask(caseId, 'xlt.chief', { decision: 'approve', opinion: '同意催告', signedAt: ago(22) })).status).toBe(200);
  const service = await eventually(async () =>
    (await sys.call('GET', `${c}/services`, { token: officer })).body.items.find((s: any) => s.document.kind === 'demand_notice'),
  );
  const base = `${c}/services/${service.id}`;
  expect((await sys.call('POST', `${base}/attempts`, { token: officer, body: { method: 'direct', startedAt: ago(21) } })).status).toBe(200);
  const served = await sys.call('POST', `${base}/outcome`, {
    token: officer,
    body: { outcome: 'served', at: ago(21), receipt: { signedBy: '王五' } },
  });
  expect(served.status).toBe(200);

  const [demand] = await eventually(async () => {
    const items = (await sys.call('GET', `${c}/documents?kind=demand_notice`, { token: officer })).body.items;
    return items?.length ? items : undefined;
  });
  const kase = (await sys.call('GET', c, { token: officer })).body;
  expect(demand).toMatchObject({
    kind: 'demand_notice',
    kindLabel: '催告书',
    number: `${kase.decisionNumber}（催告）`,
    stepRef: 'demand-served',
  });
  const record = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items;
  const step = record.find((e: any) => e.action === 'deadline_set' && e.summary.startsWith('催告书已于'));
  const entry = record.find((e: any) => e.action === 'document_generated' && e.details.kind === 'demand_notice');
  // Named after the step's entry (rendered once the step was answered, 'documents-after-step').
  expect(entry).toMatchObject({ details: { documentId: demand.id, sha256: demand.sha256, number: demand.number } });
  expect(entry.seq).toBeGreaterThan(step.seq);
  expect(demand.createdAt).toBe(step.at);

  const file = await download(`${c}/documents/${demand.id}/file`, 'xlt.officer1');
  expect(sha(file.bytes)).toBe(demand.sha256);
  const text = pdfText(file.bytes).replace(/\s+/g, '');
  // 1,000 yuan unpaid for months: the 加处罚款 has reached its cap, the fine's amount (行政处罚法 72).
  for (const s of [
    '催告书',
    `${kase.decisionNumber}（催告）`,
    '王五：',
    demandText,
    '罚款1000元',
    '合计应缴2000.00元',
    '有权进行陈述和申辩',
  ])
    expect(text).toContain(s);
  const again = await sys.database.db.transaction(async (m) => {
    const [{ view }] = await m.query('SELECT view FROM executions WHERE case_id = $1', [caseId]);
    return demandNoticeFromRecord(m, view, 'demand-served');
  });
  expect(sha(await renderPdf(again!.definition))).toBe(demand.sha256);
});

it('a 告知书 issued and served through the service workflow carries its typed 文号 and its issue date, and tells the filed facts before any draft', async () => {
  const caseId = await sys.filedCase('xlt');
  const officer = await token('xlt.officer1');
  const c = `/api/v1/cases/${caseId}`;
  const number = `兴民罚告〔2026〕${caseId.slice(0, 6)}号`;
  const issued = await sys.call('POST', `${c}/pre-decision-notice`, {
    token: officer,
    body: { rights: ['statement', 'defence'], documentNumber: number },
  });
  expect(issued.status).toBe(200);
  const service = await eventually(async () =>
    (await sys.call('GET', `${c}/services`, { token: officer })).body.items.find((s: any) => s.document.kind === 'pre_decision_notice'),
  );
  const now = new Date().toISOString();
  const base = `${c}/services/${service.id}`;
  expect((await sys.call('POST', `${base}/attempts`, { token: officer, body: { method: 'direct', startedAt: now } })).status).toBe(200);
  const served = await sys.call('POST', `${base}/outcome`, {
    token: officer,
    body: { outcome: 'served', at: now, receipt: { signedBy: '王五' } },
  });
  expect(served.status).toBe(200);

  const [notice] = await eventually(async () => {
    const items = (await sys.call('GET', `${c}/documents?kind=pre_decision_notice`, { token: officer })).body.items;
    return items?.length ? items : undefined;
  });
  expect(notice).toMatchObject({ kind: 'pre_decision_notice', number, stepRef: 'notice-served' });
  const file = await download(`${c}/documents/${notice.id}/file`, 'xlt.officer1');
  expect(sha(file.bytes)).toBe(notice.sha256);
  const text = pdfText(file.bytes).replace(/\s+/g, '');
  const issuedOn = service.document.dated.at;
  for (const s of [
    number,
    '王五：',
    EX_OFFICIO_CASE.facts,
    '（告知时尚未拟定，未记录）',
    '3个工作日内',
    chineseDate(chinaDate(new Date(issuedOn))),
  ])
    expect(text).toContain(s.replace(/\s+/g, ''));
  // No penalty intended yet and 兴隆台 does not tell hearings always: no hearing right on the paper.
  expect(text).not.toContain('要求听证');
  const again = await sys.database.db.transaction((m) => preDecisionNoticeFromRecord(m, caseId, 'notice-served', null));
  expect(sha(await renderPdf(again!.definition))).toBe(notice.sha256);
});

it('reads under the case’s read rules, and refuses a kind the case cannot have yet', async () => {
  const caseId = await sys.filedCase('xlt');
  const c = `/api/v1/cases/${caseId}`;
  const officer = await token('xlt.officer1');
  // Filed: its 程序启动审批表 only.
  const filed = await eventually(async () => {
    const r = (await sys.call('GET', `${c}/documents`, { token: officer })).body;
    return r.total ? r : undefined;
  });
  expect(filed.items.map((d: any) => d.kind)).toEqual(['initiation_approval']);
  const early = await sys.call('GET', `${c}/documents?kind=decision`, { token: officer });
  expect(early).toMatchObject({ status: 409, body: { code: 'DOCUMENT_NOT_YET', errors: [{ field: 'kind', code: 'DOCUMENT_NOT_YET' }] } });
  expect((await sys.call('GET', `${c}/documents?kind=letter`, { token: officer })).status).toBe(400);
  expect((await sys.call('GET', `${c}/documents`, { token: await token('hy.officer1') })).status).toBe(404);
  expect((await sys.call('GET', `${c}/documents/${caseId}/file`, { token: officer })).body).toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
  expect((await sys.call('GET', `${c}/documents/not-a-uuid/file`, { token: officer })).status).toBe(404);
});

it('names the characters the font lacks: the document renders, the gap is in the list and the record', async () => {
  const caseId = await sys.filedCase('xlt', { ...EX_OFFICIO_CASE, parties: [{ kind: 'person', name: '𠮷田昇' }] });
  const c = `/api/v1/cases/${caseId}`;
  const officer = await token('xlt.officer1');
  const [form] = await eventually(async () => {
    const items = (await sys.call('GET', `${c}/documents`, { token: officer })).body.items;
    return items?.length ? items : undefined;
  });
  expect(form).toMatchObject({ kind: 'initiation_approval', missingCharacters: ['𠮷'] });
  const record = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items;
  const entry = record.find((e: any) => e.action === 'document_generated');
  expect(entry.details.missingCharacters).toEqual(['𠮷']);
  expect(entry.summary).toContain('字库缺少“𠮷”');
  expect((await download(`${c}/documents/${form.id}/file`, 'xlt.officer1')).status).toBe(200);
});
