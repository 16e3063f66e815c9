import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { type CaseFilePart, caseFilePdf } from '#activities/documents/case-file';
import { DECISION_FIXTURE, DEMAND_FIXTURE, INITIATION_FIXTURE, NOTICE_FIXTURE, RECEIPT_FIXTURE } from '#activities/documents/fixtures';
import { renderPdf } from '#activities/documents/render';
import type { CaseFileFacts } from '#libs/documents/case-file';
import { decisionDocument } from '#libs/documents/decision';
import { demandNoticeDocument } from '#libs/documents/demand-notice';
import { initiationApprovalDocument } from '#libs/documents/initiation-approval';
import { preDecisionNoticeDocument } from '#libs/documents/pre-decision-notice';
import { serviceReceiptDocument } from '#libs/documents/service-receipt';
import type { Bench } from '../lib/context';
import { Summary, round, summarize } from '../lib/stats';

export interface CaseFilePdfRun {
  entries: number;
  documents: number;
  pages: number;
  sizeKb: number;
  /** Joining the 案卷 (cover and catalogue rendered, documents copied and stamped, 备考表), per run. */
  time: Summary;
}

/** The target (README "Benchmarks"): a 100-entry 案卷 PDF in at most 2 s on this machine. */
export const CASE_FILE_TARGET_MS = 2000;

const DAY = 24 * 3600_000;

/**
 * The fixture: a 案卷 of `entries` catalogue lines, seven in ten a stored document PDF (the five templates in
 * turn, each rendered with its own step time, so every PDF is distinct), the rest written and audio-video
 * records listed without pages. Rendered once, before measuring: the 案卷 joins stored files.
 */
export async function caseFileFixture(entries: number): Promise<{ facts: CaseFileFacts; parts: CaseFilePart[] }> {
  const start = Date.parse('2026-03-02T01:00:00.000Z');
  const kinds = [
    ['程序启动审批表', (madeAt: string) => initiationApprovalDocument({ ...INITIATION_FIXTURE, madeAt })],
    ['行政处罚事先告知书', (madeAt: string) => preDecisionNoticeDocument({ ...NOTICE_FIXTURE, madeAt })],
    ['行政处罚决定书', (madeAt: string) => decisionDocument({ ...DECISION_FIXTURE, madeAt })],
    ['送达回证', (madeAt: string) => serviceReceiptDocument({ ...RECEIPT_FIXTURE, madeAt })],
    ['催告书', (madeAt: string) => demandNoticeDocument({ ...DEMAND_FIXTURE, madeAt })],
  ] as const;
  const parts: CaseFilePart[] = [];
  for (let i = 0; i < entries; i++) {
    const at = new Date(start + i * DAY).toISOString();
    if (i % 10 < 7) {
      const [title, definition] = kinds[i % kinds.length];
      parts.push({ item: { kind: 'document', title, number: null, at }, pdf: await renderPdf(definition(at)) });
    } else if (i % 10 < 9) parts.push({ item: { kind: 'written', title: `询问笔录（第${i}份）`, number: null, at }, pdf: null });
    else
      parts.push({
        item: {
          kind: 'audiovisual',
          title: `执法录像（第${i}份）`,
          number: null,
          at,
          file: { name: `audiovisual/${i}.mp4`, sha256: 'ab'.repeat(32) },
        },
        pdf: null,
      });
  }
  const madeAt = new Date(start + entries * DAY).toISOString();
  const facts: CaseFileFacts = {
    agencyName: DECISION_FIXTURE.agencyName,
    caseNumber: DECISION_FIXTURE.caseNumber,
    decisionNumber: DECISION_FIXTURE.number,
    cause: '涉嫌以社会团体名义开展活动未经登记',
    parties: DECISION_FIXTURE.parties,
    filedAt: new Date(start).toISOString(),
    closedAt: madeAt,
    retentionPeriod: '长期',
    archiveFields: [],
    archived: { by: '李档案', at: madeAt, location: '档案室一号柜' },
    missing: [],
    incompleteReason: null,
    corrections: [],
    madeAt,
  };
  return { facts, parts };
}

/** 7. The 案卷 PDF of `entries` catalogue entries (100 unless LAWTRAIL_BENCH_CASE_FILE_ENTRIES), joined in the bench's process (no HTTP: the figure is the joining's). */
export async function caseFilePdfBench(b: Pick<Bench, 'sizes' | 'progress'>, entries = 100): Promise<CaseFilePdfRun> {
  b.progress.section(`7 案卷 PDF: ${entries} entries (cover, catalogue, documents with 页号, 备考表)`);
  const { facts, parts } = await caseFileFixture(entries);
  await caseFilePdf(facts, parts); // warm-up: fonts loaded, code compiled
  const times: number[] = [];
  let last: Buffer = Buffer.alloc(0);
  const runs = b.sizes.quick ? 3 : 10;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await caseFilePdf(facts, parts);
    times.push(performance.now() - t);
  }
  const pages = (await PDFDocument.load(last)).getPageCount();
  return {
    entries,
    documents: parts.filter((p) => p.pdf).length,
    pages,
    sizeKb: round(last.length / 1024, 0),
    time: summarize(times, (performance.now() - t0) / 1000),
  };
}
