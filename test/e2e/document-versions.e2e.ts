import { createHash } from 'node:crypto';
import { eventually } from '../support/database';
import { decidedCase } from '../support/decided-case';
import { ensurePoppler, pdfText } from '../support/poppler';
import { TestSystem } from '../support/system';

// A correction never overwrites a 执法文书: the document is rendered again from the record as it stands and
// stored as the next version naming the one it replaces, in the record too. A party's access request gets a
// copy with the confidential content (涉密: 商业秘密, 个人隐私…, 行政处罚法 50) withheld: made on demand, not a
// version, with its own hash, on a granted access request only, and its handing over is on the record.
let sys: TestSystem;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');

beforeAll(async () => {
  ensurePoppler();
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

/** A party's request to copy the record, granted by the officer (兴隆台: per 政府信息公开条例); its id. */
async function grantedRequest(caseId: string, decision: 'granted' | 'refused' | null = 'granted'): Promise<string> {
  const officer = await sys.token('xlt.officer1');
  const asked = await sys.call('POST', `/api/v1/cases/${caseId}/access-requests`, {
    token: officer,
    body: { requester: '王喆堃', requestedAt: new Date().toISOString(), scope: '行政处罚决定书', actions: ['copy'] },
  });
  expect(asked.body.task).toMatchObject({ kind: 'access_request' });
  if (decision) {
    const body = { decision, opinion: decision === 'granted' ? '准予复制，涉密内容隐去' : '不予准许' };
    expect((await sys.call('POST', `/api/v1/tasks/${asked.body.task.id}/completion`, { token: officer, body })).status).toBe(200);
  }
  return asked.body.requestId;
}

async function download(path: string, user: string) {
  const res = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${await sys.token(user)}` } });
  return {
    status: res.status,
    digest: res.headers.get('content-digest'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

it('asked again of an unchanged record, every kind renders the bytes stored: no new version', async () => {
  const caseId = await decidedCase(sys, 'xlt');
  const officer = await sys.token('xlt.officer1');
  const c = `/api/v1/cases/${caseId}`;
  const pending = await eventually(async () =>
    (await sys.call('GET', `${c}/services`, { token: officer })).body.items.find((s: any) => s.status === 'pending'),
  );
  const attempt = { method: 'direct', startedAt: new Date().toISOString() };
  expect((await sys.call('POST', `${c}/services/${pending.id}/attempts`, { token: officer, body: attempt })).status).toBe(200);
  // The 送达回证 is rendered once the attempt was answered ('documents-after-step').
  const before = await eventually(async () => {
    const items = (await sys.call('GET', `${c}/documents`, { token: officer })).body.items;
    return items.length === 4 ? items : undefined;
  });
  expect(before.map((d: any) => d.kind)).toEqual(['initiation_approval', 'pre_decision_notice', 'decision', 'service_receipt']);
  for (const d of before) {
    const again = await sys.call('POST', `${c}/documents/${d.id}/regenerate`, {
      token: await sys.token('xlt.chief'),
      body: { reason: '核对' },
    });
    expect(again).toMatchObject({ status: 200, body: { id: d.id, version: 1, sha256: d.sha256 } });
  }
  expect((await sys.call('GET', `${c}/documents`, { token: officer })).body.total).toBe(4);
  expect((await sys.call('POST', `${c}/documents/${caseId}/regenerate`, { token: officer, body: { reason: '核对' } })).status).toBe(404);
});

it('flagging the evidence a 决定书 names, then correcting it, stores version 2 with the 涉密 mark, replacing version 1; a party copy withholds the title', async () => {
  const caseId = await decidedCase(sys, 'xlt');
  const officer = await sys.token('xlt.officer1');
  const c = `/api/v1/cases/${caseId}`;
  const documents = async () => (await sys.call('GET', `${c}/documents?kind=decision`, { token: officer })).body.items;
  const [v1] = await documents();
  const v1File = await download(`${c}/documents/${v1.id}/file`, 'xlt.officer1');
  expect(flat(v1File.bytes)).toContain('鉴定意见书');
  expect(flat(v1File.bytes)).not.toContain('涉密');

  // Nothing in the record changed: the same bytes, no new version (200, the version as it is).
  const same = await sys.call('POST', `${c}/documents/${v1.id}/regenerate`, { token: officer, body: { reason: '核对' } });
  expect(same).toMatchObject({ status: 200, body: { id: v1.id, version: 1, sha256: v1.sha256, replacedBy: null } });

  // The evidence the decision names is flagged a commercial secret: the paper must say so.
  const record = (await sys.call('GET', `${c}/evidence`, { token: officer })).body.items.find((r: any) => r.title === '鉴定意见书');
  const flagged = await sys.call('POST', `${c}/evidence/${record.id}/flags`, {
    token: officer,
    body: { flag: 'commercial_secret', reason: '含企业工艺参数' },
  });
  expect(flagged.status).toBe(200);

  // Bad input and the wrong person change nothing.
  const noReason = await sys.call('POST', `${c}/documents/${v1.id}/regenerate`, { token: officer, body: {} });
  expect(noReason.status).toBe(400);
  expect(noReason.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'reason' })] });
  const legal = await sys.call('POST', `${c}/documents/${v1.id}/regenerate`, {
    token: await sys.token('xlt.legal'),
    body: { reason: '更正' },
  });
  expect(legal.status).toBe(403);

  const headers = { 'idempotency-key': `correct-${caseId}` };
  const v2 = await sys.call('POST', `${c}/documents/${v1.id}/regenerate`, { token: officer, headers, body: { reason: '标注涉密证据' } });
  expect(v2).toMatchObject({
    status: 201,
    body: { kind: 'decision', version: 2, replaces: v1.id, replacedBy: null, stepRef: 'decision-issued' },
  });
  expect(v2.body.sha256).not.toBe(v1.sha256);
  // The same request again (a retry) answers the same; without the key, the record gives v2's bytes: no v3.
  expect(
    await sys.call('POST', `${c}/documents/${v1.id}/regenerate`, { token: officer, headers, body: { reason: '标注涉密证据' } }),
  ).toMatchObject({
    status: 201,
    body: { id: v2.body.id },
  });
  expect(await sys.call('POST', `${c}/documents/${v1.id}/regenerate`, { token: officer, body: { reason: '再次核对' } })).toMatchObject({
    status: 200,
    body: { id: v2.body.id, version: 2 },
  });

  // Both versions listed, linked both ways; each file served as stored.
  expect(await documents()).toEqual([
    expect.objectContaining({ id: v1.id, version: 1, replaces: null, replacedBy: v2.body.id, sha256: v1.sha256 }),
    expect.objectContaining({ id: v2.body.id, version: 2, replaces: v1.id, replacedBy: null }),
  ]);
  expect(sha((await download(`${c}/documents/${v1.id}/file`, 'xlt.officer1')).bytes)).toBe(v1.sha256);
  const v2File = await download(`${c}/documents/${v2.body.id}/file`, 'xlt.officer1');
  expect(sha(v2File.bytes)).toBe(v2.body.sha256);
  expect(flat(v2File.bytes)).toContain('鉴定意见书〔涉密：商业秘密〕');

  // The record says which it replaces, who and why.
  const entries = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items;
  const generated = entries.filter((e: any) => e.action === 'document_generated' && e.details.kind === 'decision');
  expect(generated.map((e: any) => e.details)).toEqual([
    expect.objectContaining({ documentId: v1.id, version: 1 }),
    expect.objectContaining({ documentId: v2.body.id, version: 2, replaces: v1.id, reason: '标注涉密证据', sha256: v2.body.sha256 }),
  ]);
  expect(generated[1].summary).toContain('第2版，更正第1版');
  expect(generated[1].actor).toMatchObject({ name: expect.any(String) });

  // The party's copy: the title withheld with the reason, its own hash in Content-Digest, nothing stored.
  const request = await grantedRequest(caseId);
  const copy = await download(`${c}/documents/${v2.body.id}/file?copy=party&request=${request}`, 'xlt.officer1');
  expect(copy.status).toBe(200);
  const copyText = flat(copy.bytes);
  expect(copyText).not.toContain('鉴定意见书');
  expect(copyText).toContain('■■■（涉及商业秘密，依《中华人民共和国行政处罚法》第五十条不予提供）');
  expect(copyText).toContain('本件为提供当事人查阅、复制的文本');
  expect(copy.digest).toBe(`sha-256=:${createHash('sha256').update(copy.bytes).digest('base64')}:`);
  expect(sha(copy.bytes)).not.toBe(v2.body.sha256);
  expect(decodeURIComponent(copy.disposition!.split("UTF-8''")[1])).toContain('（当事人查阅本）');
  expect(await documents()).toHaveLength(2);
  // The same record gives the same copy.
  expect(sha((await download(`${c}/documents/${v1.id}/file?copy=party&request=${request}`, 'xlt.officer1')).bytes)).toBe(sha(copy.bytes));
  expect((await download(`${c}/documents/${v1.id}/file?copy=nobody`, 'xlt.officer1')).status).toBe(400);
});

it('a party copy is made on a granted access request only, and each copy handed over is one entry of the record, retries included', async () => {
  const caseId = await decidedCase(sys, 'xlt');
  const officer = await sys.token('xlt.officer1');
  const c = `/api/v1/cases/${caseId}`;
  const [decision] = (await sys.call('GET', `${c}/documents?kind=decision`, { token: officer })).body.items;
  const copyOf = (request?: string, user = 'xlt.officer1') =>
    download(`${c}/documents/${decision.id}/file?copy=party${request ? `&request=${request}` : ''}`, user);
  const fieldError = (r: { bytes: Buffer }) => JSON.parse(r.bytes.toString('utf8'));
  const entries = async () =>
    (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items.filter((e: any) => e.action === 'party_copy_made');

  // No request named, a request of no one, one still to decide, one refused: no copy, nothing recorded.
  const none = await copyOf();
  expect(none.status).toBe(400);
  expect(fieldError(none)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'request' })] });
  expect((await copyOf('not-a-uuid')).status).toBe(400);
  const unknown = await copyOf('6f1c0000-0000-4000-8000-00000000abcd');
  expect({ status: unknown.status, code: fieldError(unknown).code }).toEqual({ status: 404, code: 'ACCESS_REQUEST_NOT_FOUND' });
  const pending = await copyOf(await grantedRequest(caseId, null));
  expect(pending.status).toBe(409);
  expect(fieldError(pending)).toMatchObject({ code: 'ACCESS_NOT_GRANTED', errors: [{ field: 'request', message: '该申请尚待决定' }] });
  const refused = await copyOf(await grantedRequest(caseId, 'refused'));
  expect(fieldError(refused)).toMatchObject({ code: 'ACCESS_NOT_GRANTED', errors: [{ field: 'request', message: '该申请未获准予' }] });
  // A request of another case does not open this one's documents.
  const other = await sys.filedCase('xlt');
  expect((await copyOf(await grantedRequest(other))).status).toBe(404);
  expect(await entries()).toEqual([]);

  // Granted: the copy, and one entry naming who, which document and the copy's hash.
  const request = await grantedRequest(caseId);
  const copy = await copyOf(request);
  expect(copy.status).toBe(200);
  const [entry] = await entries();
  expect(entry).toMatchObject({
    actor: { name: expect.any(String), role: 'officer' },
    details: { requestId: request, documentId: decision.id, kind: 'decision', version: 1, sha256: sha(copy.bytes) },
  });
  expect(entry.summary).toContain(`SHA-256：${sha(copy.bytes)}`);
  // The same copy asked again (a retry) appends nothing; another person handing it over is their own entry.
  expect(sha((await copyOf(request)).bytes)).toBe(sha(copy.bytes));
  expect(await entries()).toHaveLength(1);
  expect((await copyOf(request, 'xlt.unithead')).status).toBe(200);
  expect((await entries()).map((e: any) => e.actor.role)).toEqual(['officer', 'unit_head']);
  // Another agency still cannot read the case, request or not.
  expect((await copyOf(request, 'pl.officer1')).status).toBe(404);
});
