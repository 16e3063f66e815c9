import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import type { CaseFileFacts } from '#libs/documents/case-file';
import { decisionDocument } from '#libs/documents/decision';
import { initiationApprovalDocument } from '#libs/documents/initiation-approval';
import { serviceReceiptDocument } from '#libs/documents/service-receipt';
import { ensurePoppler, pdfText } from '../../test/support/poppler';
import { type CaseFilePart, caseFilePdf } from './case-file';
import { DECISION_FIXTURE, INITIATION_FIXTURE, RECEIPT_FIXTURE } from './fixtures';
import { renderPdf } from './render';

// The 案卷 (README "Documents", 案卷): cover, 卷内文件目录 with page ranges, the stored documents joined as
// they are with continuous 页号, the 备考表; the same record gives the same bytes.
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string) => s.replace(/\s+/g, '');

export const CASE_FILE_FACTS: CaseFileFacts = {
  agencyName: '兴隆台区民政局',
  caseNumber: '兴民罚立〔2026〕12号',
  decisionNumber: '兴民罚决〔2026〕7号',
  cause: '涉嫌以社会团体名义开展活动未经登记',
  parties: DECISION_FIXTURE.parties,
  filedAt: '2026-04-01T02:00:00.000Z',
  closedAt: '2026-05-20T02:00:00.000Z',
  retentionPeriod: '长期',
  archiveFields: [
    { label: '归档编号', value: 'XLT-2026-12' },
    { label: '类别', value: '行政处罚' },
    { label: '保管期限', value: '长期' },
  ],
  archived: { by: '李档案', at: '2026-05-25T06:30:00.000Z', location: '档案室一号柜' },
  missing: ['听证报告'],
  incompleteReason: '当事人未到场，听证终止',
  corrections: [],
  madeAt: '2026-05-25T06:30:00.000Z',
};

let parts: CaseFilePart[];

beforeAll(async () => {
  ensurePoppler();
  const [initiation, decision, receipt] = await Promise.all([
    renderPdf(initiationApprovalDocument(INITIATION_FIXTURE)),
    renderPdf(decisionDocument(DECISION_FIXTURE)),
    renderPdf(serviceReceiptDocument(RECEIPT_FIXTURE)),
  ]);
  parts = [
    {
      item: { kind: 'document', title: '程序启动审批表', number: '兴民罚立〔2026〕12号', at: '2026-04-01T02:00:00.000Z' },
      pdf: initiation,
    },
    { item: { kind: 'written', title: '询问笔录（王喆堃）', number: null, at: '2026-04-02T02:00:00.000Z' }, pdf: null },
    {
      item: {
        kind: 'audiovisual',
        title: '现场检查录像',
        number: null,
        at: '2026-04-03T02:00:00.000Z',
        file: { name: 'av/03-现场检查录像.mp4', sha256: 'ab'.repeat(32) },
      },
      pdf: null,
    },
    { item: { kind: 'document', title: '行政处罚决定书', number: '兴民罚决〔2026〕7号', at: '2026-05-06T03:15:42.000Z' }, pdf: decision },
    { item: { kind: 'document', title: '送达回证', number: null, at: '2026-05-07T03:15:42.000Z' }, pdf: receipt },
  ];
});

const pageCount = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())![1]);
const pageText = (pdf: Buffer, page: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), '-', '-'], { input: pdf }).toString('utf8');

it('renders the same record twice to identical bytes, dated by the record', async () => {
  const [a, b] = [await caseFilePdf(CASE_FILE_FACTS, parts), await caseFilePdf(CASE_FILE_FACTS, parts)];
  expect(sha(a)).toBe(sha(b));
  const info = execFileSync('pdfinfo', ['-isodates', '-'], { input: a }).toString();
  expect(info).toMatch(/CreationDate:\s+2026-05-25T06:30:00Z/);
  expect(info).toMatch(/ModDate:\s+2026-05-25T06:30:00Z/);
  expect(info).toMatch(/Producer:\s+lawtrail \(pdfmake, pdf-lib\)/);
  const later = await caseFilePdf({ ...CASE_FILE_FACTS, madeAt: '2026-05-26T06:30:00.000Z' }, parts);
  expect(sha(later)).not.toBe(sha(a));
});

it('has the cover with the archive fields, the catalogue whose 页号 are where each document starts, and the 备考表', async () => {
  const pdf = await caseFilePdf(CASE_FILE_FACTS, parts);
  const docPages = await Promise.all(parts.filter((p) => p.pdf).map((p) => pageCount(Buffer.from(p.pdf!))));
  const cover = squeeze(pageText(pdf, 1));
  for (const s of [
    '兴隆台区民政局',
    '行政执法案卷',
    '兴民罚立〔2026〕12号',
    '王喆堃',
    '2026年4月1日',
    '2026年5月20日',
    '长期',
    'XLT-2026-12',
    '行政处罚',
  ])
    expect(cover).toContain(s);
  expect(cover).not.toContain('草稿');
  const catalogue = pageText(pdf, 2);
  expect(squeeze(catalogue)).toContain('卷内文件目录');
  expect(squeeze(catalogue)).toContain('见电子文件');
  expect(squeeze(catalogue)).toContain('abababababababab');
  // The documents follow the two unnumbered front pages; each starts at the 页号 the catalogue gives it.
  let start = 1;
  const front = 2;
  for (const [i, title] of ['程序启动审批表', '行政处罚决定书', '送达回证'].entries()) {
    const range = docPages[i] === 1 ? `${start}` : `${start}-${start + docPages[i] - 1}`;
    const line = catalogue.split('\n').find((l) => l.includes(title))!;
    expect(line.trim().split(/\s+/)).toContain(range);
    const page = pageText(pdf, front + start);
    expect(squeeze(page)).toContain(title);
    // The 页号 stamped at the top right is the first line of the page's text.
    expect(page.trim().split('\n')[0].trim()).toBe(String(start));
    start += docPages[i];
  }
  expect(pageCount(pdf)).toBe(front + start - 1 + 1);
  const remarks = squeeze(pageText(pdf, front + start));
  for (const s of ['备考表', '听证报告', '当事人未到场，听证终止', '李档案', '2026年5月25日14时30分归档', '档案室一号柜', '检查人'])
    expect(remarks).toContain(s);
});

it('marks a draft (before archiving) and leaves the archive fields to fill in', async () => {
  const pdf = await caseFilePdf(
    { ...CASE_FILE_FACTS, archived: null, retentionPeriod: null, archiveFields: [{ label: '归档编号', value: null }] },
    parts,
  );
  const cover = squeeze(pageText(pdf, 1));
  expect(cover).toContain('行政执法案卷（草稿）');
  expect(cover).toContain('归档编号（归档时填写）');
  expect(squeeze(pdfText(pdf))).toContain('尚未归档（草稿）');
});
