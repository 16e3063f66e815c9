import { createHash } from 'node:crypto';
import { decisionFromRecord, makeDecisionDocument } from '#activities/documents/decision';
import { initiationApprovalFromRecord } from '#activities/documents/initiation-approval';
import { renderPdf } from '#activities/documents/render';
import { receiptFromRecord } from '#activities/documents/service-receipt';
import { eventually } from '../support/database';
import { decidedCase } from '../support/decided-case';
import { ensurePoppler, pdfText } from '../support/poppler';
import { EX_OFFICIO_CASE } from '../support/forms';
import { TestSystem } from '../support/system';

// 执法文书 are generated when the step that makes them happens, stored by SHA-256 and named in the record:
// filing makes the 程序启动审批表 (with its 案号), the decision issued the 行政处罚决定书 (with its 文号), each
// service attempt its 送达回证.
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

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

it('a decided and served case lists its 程序启动审批表, 决定书 and 送达回证, with hashes matching the files and the record', async () => {
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
  expect(list).toMatchObject({ total: 3, page: 1 });
  const [filing, decision, receipt] = list.items;
  expect(filing).toMatchObject({ kind: 'initiation_approval', kindLabel: '程序启动审批表', number: kase.caseNumber, stepRef: 'concluded' });
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
    expect.objectContaining({ documentId: decision.id, kind: 'decision', number: kase.decisionNumber, sha256: decision.sha256 }),
    expect.objectContaining({ documentId: receipt.id, kind: 'service_receipt', sha256: receipt.sha256 }),
  ]);
  // Each document is dated by the step that made it, and named in the record right after that step.
  const stepOf = (action: string) => record.find((e: any) => e.action === action);
  expect(decision.createdAt).toBe(stepOf('decision_issued').at);
  expect(receipt.createdAt).toBe(stepOf('service_attempted').at);
  expect(filing.createdAt).toBe(stepOf('case_initiated').at);
  expect(generated[1].seq).toBe(stepOf('decision_issued').seq + 1);

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
    ];
  });
  expect(sha(await renderPdf(again[0]!.definition))).toBe(decision.sha256);
  expect(sha(await renderPdf(again[1]!.definition))).toBe(receipt.sha256);
  expect(sha(await renderPdf(again[2]!.definition))).toBe(filing.sha256);

  // The step retried (the activity run again) makes nothing twice.
  await sys.database.db.transaction((m) => makeDecisionDocument(m, sys.env.storageDir, caseId, 'decision-issued', null));
  expect((await sys.call('GET', `${c}/documents`, { token: officer })).body.total).toBe(3);
  const entries = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items;
  expect(entries.filter((e: any) => e.action === 'document_generated')).toHaveLength(3);

  const slip = await download(`${c}/documents/${receipt.id}/file`, 'xlt.unithead');
  expect(sha(slip.bytes)).toBe(receipt.sha256);
  const slipText = pdfText(slip.bytes).replace(/\s+/g, '');
  for (const s of ['送达回证', kase.decisionNumber, '王五', '■直接送达', '□邮寄送达']) expect(slipText).toContain(s);
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
