import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { verifyPackageFile } from '#api/cli/verify-package';
import { decidedCase } from '../support/decided-case';
import { ensurePoppler, pdfText } from '../support/poppler';
import { TestSystem } from '../support/system';

// A corrected document in the 案卷 (README "Documents", 案卷): the catalogue and the pages hold the version in
// force, once; the 备考表 says which version it replaced, when, by whom and why; the export package keeps every
// version, each marked with its version and what it replaces, and still verifies offline.
let sys: TestSystem;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string) => s.replace(/\s+/g, '');
const pageCount = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())![1]);

beforeAll(async () => {
  ensurePoppler();
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

async function download(path: string, user: string): Promise<Buffer> {
  const res = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${await sys.token(user)}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

it('a corrected 决定书 is in the 案卷 once, as its version in force, the 备考表 saying what it replaced; the package keeps both', async () => {
  const caseId = await decidedCase(sys, 'xlt');
  const officer = await sys.token('xlt.officer1');
  const c = `/api/v1/cases/${caseId}`;
  const archivist = 'xlt.archivist';

  // The evidence the 决定书 names is flagged, and the 决定书 corrected: version 2 replaces version 1.
  const evidence = (await sys.call('GET', `${c}/evidence`, { token: officer })).body.items.find((r: any) => r.title === '鉴定意见书');
  const flag = { flag: 'commercial_secret', reason: '含企业工艺参数' };
  expect((await sys.call('POST', `${c}/evidence/${evidence.id}/flags`, { token: officer, body: flag })).status).toBe(200);
  const [v1] = (await sys.call('GET', `${c}/documents?kind=decision`, { token: officer })).body.items;
  const v2 = await sys.call('POST', `${c}/documents/${v1.id}/regenerate`, { token: officer, body: { reason: '标注涉密证据' } });
  expect(v2).toMatchObject({ status: 201, body: { version: 2, replaces: v1.id } });
  const documents = (await sys.call('GET', `${c}/documents?pageSize=100`, { token: officer })).body.items;
  const inForce = documents.filter((d: any) => d.replacedBy === null);
  expect(inForce).toHaveLength(documents.length - 1);
  const entry = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items.find(
    (e: any) => e.action === 'document_generated' && e.details.documentId === v2.body.id,
  );

  // The 案卷: cover and catalogue, the documents in force (their pages only), the 备考表.
  const pdf = await download(`${c}/case-file/pdf`, archivist);
  const files = await Promise.all(inForce.map((d: any) => download(`${c}/documents/${d.id}/file`, archivist)));
  expect(files.map(sha)).toEqual(inForce.map((d: any) => d.sha256));
  const documentPages = files.reduce((n, f) => n + pageCount(f), 0);
  expect(pageCount(pdf)).toBe(2 + documentPages + 1);
  const pages = pdfText(pdf).split('\f');
  const catalogue = squeeze(pages[1]);
  expect(catalogue.split('行政处罚决定书')).toHaveLength(2);
  expect(catalogue).toContain(`第2版，SHA-256：${v2.body.sha256.slice(0, 16)}`);
  expect(catalogue).not.toContain(v1.sha256.slice(0, 16));
  // The 决定书's pages are version 2's: the evidence marked 涉密.
  expect(squeeze(pages.slice(2, 2 + documentPages).join(''))).toContain('鉴定意见书〔涉密：商业秘密〕');
  const remarks = squeeze(pages[2 + documentPages]);
  expect(remarks).toContain(`本卷共有文书${inForce.length}件，共${documentPages}页`);
  for (const s of [
    `行政处罚决定书（${v1.number}）第1版（SHA-256：${v1.sha256.slice(0, 16)}…）`,
    `由${entry.actor.name}更正为第2版（SHA-256：${v2.body.sha256.slice(0, 16)}…），理由：标注涉密证据`,
  ])
    expect(remarks).toContain(s);

  // The package: every version, marked; both files as stored; verified offline.
  const pkg = await download(`${c}/case-file/package`, archivist);
  const zip = unzipSync(pkg);
  const manifest = JSON.parse(Buffer.from(zip['manifest.json']).toString('utf8'));
  const decisions = manifest.files.filter((f: any) => f.kind === 'document' && f.title === '行政处罚决定书');
  expect(decisions).toEqual([
    expect.objectContaining({ version: 1, sha256: v1.sha256, replaces: null, inForce: false }),
    expect.objectContaining({ version: 2, sha256: v2.body.sha256, replaces: decisions[0].path, inForce: true }),
  ]);
  for (const f of decisions) expect(sha(zip[f.path])).toBe(f.sha256);
  expect(manifest.files.filter((f: any) => f.kind === 'document')).toHaveLength(documents.length);
  expect(sha(zip[manifest.files[0].path])).toBe(sha(pdf));
  const dir = mkdtempSync(join(tmpdir(), 'lawtrail-package-'));
  writeFileSync(join(dir, 'corrected.zip'), pkg);
  expect((await verifyPackageFile(join(dir, 'corrected.zip'))).exitCode).toBe(0);
});
