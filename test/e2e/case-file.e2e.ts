import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { verifyPackageFile } from '#api/cli/verify-package';
import { chinaDate } from '#libs/calendar/dates';
import { sealRecordDays } from '#libs/persistence/day-heads-store';
import { eventually } from '../support/database';
import { decidedCase } from '../support/decided-case';
import { ensurePoppler, pdfText } from '../support/poppler';
import { TestSystem } from '../support/system';

// The 案卷 of a case run to archive (README "Documents", 案卷): its documents in record order with hashes that
// match the files and the record, one PDF whose catalogue gives where each document starts, and the export
// package that `npm run verify -- --package` checks offline, naming one byte changed in it.
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string) => s.replace(/\s+/g, '');
const pageText = (pdf: Buffer, page: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), '-', '-'], { input: pdf }).toString('utf8');

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
    disposition: res.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** A 兴隆台 case decided, handed over, paid and ended (execution.e2e.ts); returns its id. */
async function endedCase(): Promise<string> {
  const caseId = await decidedCase(sys, 'xlt', { handedOverAt: new Date().toISOString() });
  const officer = await token('xlt.officer1');
  const paid = await sys.call('POST', `/api/v1/cases/${caseId}/payments`, {
    token: officer,
    body: { paidAt: new Date().toISOString(), amountYuan: 1000, receipt: 'LN-1' },
  });
  expect(paid.status).toBe(200);
  await eventually(async () =>
    (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body.status === 'ended' ? true : undefined,
  );
  return caseId;
}

it('a case run to archive gives its documents in order, the 案卷 PDF, and a package that verifies offline until one byte changes', async () => {
  const caseId = await endedCase();
  const c = `/api/v1/cases/${caseId}`;
  const archivist = 'xlt.archivist';

  // Before archiving: a draft.
  const draft = await download(`${c}/case-file/pdf`, archivist);
  expect(draft).toMatchObject({ status: 200, type: 'application/pdf' });
  expect(squeeze(pageText(draft.bytes, 1))).toContain('行政执法案卷（草稿）');
  await eventually(async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: await token(archivist) })).body.items[0]);
  const archived = await sys.call('POST', `${c}/archive`, {
    token: await token(archivist),
    body: { archiveNumber: 'XLT-2026-9', location: '档案室一号柜' },
  });
  expect(archived.body.status).toBe('archived');

  // Its documents, in record order, each file's SHA-256 the list's and the record's.
  const kase = (await sys.call('GET', c, { token: await token(archivist) })).body;
  const docs = (await sys.call('GET', `${c}/documents?pageSize=100`, { token: await token(archivist) })).body.items;
  expect(docs.map((d: any) => d.kind)).toEqual(['initiation_approval', 'pre_decision_notice', 'decision']);
  const record = (await sys.call('GET', `${c}/record?pageSize=100`, { token: await token(archivist) })).body.items;
  const named = record.filter((e: any) => e.action === 'document_generated').map((e: any) => e.details.sha256);
  expect(named).toEqual(docs.map((d: any) => d.sha256));
  const files = [];
  for (const d of docs) {
    const f = await download(`${c}/documents/${d.id}/file`, archivist);
    expect(sha(f.bytes)).toBe(d.sha256);
    files.push(f.bytes);
  }

  // The 案卷 PDF: the cover, then the catalogue whose 页号 are where each document actually starts.
  const pdf = await download(`${c}/case-file/pdf`, archivist);
  expect(decodeURIComponent(pdf.disposition.split("filename*=UTF-8''")[1])).toBe(`行政执法案卷（${kase.caseNumber}）.pdf`);
  expect((await download(`${c}/case-file/pdf`, archivist)).bytes.equals(pdf.bytes)).toBe(true);
  const cover = squeeze(pageText(pdf.bytes, 1));
  for (const s of [kase.caseNumber, kase.decisionNumber, '兴隆台区民政局', '行政执法案卷']) expect(cover).toContain(s);
  expect(cover).not.toContain('草稿');
  const catalogue = pageText(pdf.bytes, 2);
  expect(squeeze(catalogue)).toContain('鉴定意见书');
  let start = 1;
  for (const [i, d] of docs.entries()) {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: files[i] }).toString())![1]);
    const line = catalogue.split('\n').find((l) => l.includes(d.kindLabel))!;
    expect(line.trim().split(/\s+/)).toContain(pages === 1 ? `${start}` : `${start}-${start + pages - 1}`);
    const first = pageText(pdf.bytes, 2 + start);
    expect(first.trim().split('\n')[0].trim()).toBe(String(start));
    expect(squeeze(first)).toContain(d.kindLabel);
    start += pages;
  }
  expect(squeeze(pageText(pdf.bytes, 2 + start))).toContain('备考表');

  // The day is sealed (as the nightly schedule would), then the package: the same case, the same ZIP.
  await sealRecordDays(sys.database.db, chinaDate(new Date()));
  const pkg = await download(`${c}/case-file/package`, archivist);
  expect(pkg).toMatchObject({ status: 200, type: 'application/zip' });
  expect((await download(`${c}/case-file/package`, archivist)).bytes.equals(pkg.bytes)).toBe(true);
  const entries = unzipSync(pkg.bytes);
  const manifest = JSON.parse(Buffer.from(entries['manifest.json']).toString('utf8'));
  expect(manifest).toMatchObject({ caseId, caseNumber: kase.caseNumber, scope: 'full', dayHead: { sealed: true } });
  expect(manifest.chain.entries.length).toBe(record.length);
  expect(manifest.files.filter((f: any) => f.kind === 'document').map((f: any) => f.sha256)).toEqual(docs.map((d: any) => d.sha256));
  expect(sha(entries[manifest.files[0].path])).toBe(sha(pdf.bytes));

  const dir = mkdtempSync(join(tmpdir(), 'lawtrail-package-'));
  const ok = join(dir, 'case-file.zip');
  writeFileSync(ok, pkg.bytes);
  const verified = await verifyPackageFile(ok);
  expect(verified.exitCode).toBe(0);
  expect(verified.lines.join('\n')).toContain(`${kase.caseNumber}：导出包完整`);
  expect(verified.lines.join('\n')).toContain(`记录链 ${record.length} 条完整`);

  // One byte of the 决定书 flipped inside the ZIP (stored uncompressed): the file is named.
  const decision = manifest.files.find((f: any) => f.sha256 === docs[2].sha256);
  const at = pkg.bytes.indexOf(files[2]);
  expect(at).toBeGreaterThan(0);
  const flipped = Buffer.from(pkg.bytes);
  flipped[at + 1000] ^= 1;
  const bad = join(dir, 'flipped.zip');
  writeFileSync(bad, flipped);
  const refused = await verifyPackageFile(bad);
  expect(refused.exitCode).toBe(1);
  expect(refused.lines[0]).toBe(`不符：${decision.path}：SHA-256 与清单不符（文件被修改）`);
});

it('puts the archive fields 003 asks for on the cover, from its profile', async () => {
  // A 平罗 case filed and terminated (the chief approving): it then waits for its file to be archived.
  const caseId = await sys.filedCase('pl');
  const c = `/api/v1/cases/${caseId}`;
  const asked = await sys.call('POST', `${c}/operations`, {
    token: await token('pl.officer1'),
    body: { kind: 'termination', reason: '当事人死亡' },
  });
  expect(asked.status).toBe(202);
  const chief = await token('pl.chief');
  const approval = await eventually(
    async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=case_operation_approval`, { token: chief })).body.items[0],
  );
  await sys.call('POST', `/api/v1/tasks/${approval.id}/completion`, { token: chief, body: { decision: 'approve', opinion: '同意' } });
  await eventually(
    async () =>
      (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=archive_file`, { token: await token('pl.archivist') })).body.items[0],
  );
  const draft = squeeze(pageText((await download(`${c}/case-file/pdf`, 'pl.archivist')).bytes, 1));
  expect(draft).toContain('归档编号（归档时填写）');
  const archived = await sys.call('POST', `${c}/archive`, {
    token: await token('pl.archivist'),
    body: {
      archiveNumber: 'PL-2026-7',
      category: '行政处罚',
      retentionPeriod: '30年',
      startDate: '2026-01-05',
      endDate: '2026-02-10',
      incompleteReason: '案件终止，未作出处罚决定',
      location: '档案室',
    },
  });
  expect(archived.body.status).toBe('archived');
  const pdf = (await download(`${c}/case-file/pdf`, 'pl.archivist')).bytes;
  const cover = squeeze(pageText(pdf, 1));
  for (const s of ['归档编号PL-2026-7', '类别行政处罚', '保管期限30年', '起始日期2026年1月5日', '终止日期2026年2月10日'])
    expect(cover).toContain(s);
  // The 备考表 (last page) says what the file lacks and why it was archived anyway.
  const remarks = squeeze(
    pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim())
      .at(-1)!,
  );
  for (const s of ['备考表', '处理决定书', '案件终止，未作出处罚决定', '存放于档案室']) expect(remarks).toContain(s);
});

it('another agency may not read the 案卷 or its package; with a record flagged, only the circle may, and the read is recorded', async () => {
  const caseId = await sys.filedCase('xlt');
  const c = `/api/v1/cases/${caseId}`;
  expect((await download(`${c}/case-file/pdf`, 'pl.officer1')).status).toBe(404);
  expect((await download(`${c}/case-file/package`, 'pl.officer1')).status).toBe(404);
  // Unflagged, any reader of the case's agency may.
  expect((await download(`${c}/case-file/pdf`, 'xlt.officer3')).status).toBe(200);

  // An audio-video record with its file: in the package by its SHA-256, in the catalogue as 见电子文件.
  const now = new Date().toISOString();
  const av = await sys.call('POST', `${c}/av-records`, {
    token: await token('xlt.officer1'),
    body: { title: '现场检查录像', recordedAt: now, activityEndedAt: now, method: 'video', usedAsEvidence: false, metadata: {} },
  });
  expect(av.status).toBe(201);
  const video = Buffer.from('录像内容 — 案卷导出测试');
  expect((await sys.storeFile(caseId, av.body.id, video, { user: 'xlt.officer1', type: 'video/mp4' })).status).toBe(200);

  const recordId = await sys.evidenceRecord(caseId, 'xlt');
  const flagged = await sys.call('POST', `${c}/evidence/${recordId}/flags`, {
    token: await token('xlt.unithead'),
    body: { flag: 'privacy', reason: '涉及当事人病历' },
  });
  expect(flagged.status).toBe(200);
  // An officer of another unit (执法二科) reads the record's existence only, never the whole file.
  for (const part of ['pdf', 'package']) {
    const refused = await download(`${c}/case-file/${part}`, 'xlt.officer3');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.bytes.toString('utf8')).code).toBe('RECORD_CONFIDENTIAL');
  }
  const pkg = await download(`${c}/case-file/package`, 'xlt.archivist');
  expect(pkg.status).toBe(200);
  const manifest = JSON.parse(Buffer.from(unzipSync(pkg.bytes)['manifest.json']).toString('utf8'));
  expect(manifest.chain.entries.at(-1)).toMatchObject({ action: 'record_read', details: { recordId } });
  const avFile = manifest.files.find((f: any) => f.kind === 'audiovisual');
  expect(avFile).toMatchObject({
    path: `audiovisual/${sha(video).slice(0, 12)}.mp4`,
    sha256: sha(video),
    size: video.length,
    title: '现场检查录像',
  });
  expect(manifest.dayHead).toMatchObject({ sealed: false, latest: null });
  const dir = mkdtempSync(join(tmpdir(), 'lawtrail-package-'));
  writeFileSync(join(dir, 'open.zip'), pkg.bytes);
  expect((await verifyPackageFile(join(dir, 'open.zip'))).exitCode).toBe(0);
  const catalogue = squeeze(pageText((await download(`${c}/case-file/pdf`, 'xlt.archivist')).bytes, 2));
  for (const s of ['现场检查录像', avFile.path, sha(video).slice(0, 16), '见电子文件', '鉴定意见书', '见执法记录'])
    expect(catalogue).toContain(s);
});
