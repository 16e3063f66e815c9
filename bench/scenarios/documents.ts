import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake/js/index';
import { RECEIPT_FIXTURE } from '#activities/documents/fixtures';
import { renderPdf } from '#activities/documents/render';
import { FONT } from '#libs/documents/layout';
import { serviceReceiptDocument } from '#libs/documents/service-receipt';
import { Bench, CASE_FORM, CHIEF, OFFICER, UNIT_HEAD } from '../lib/context';
import { rssOf } from '../lib/observe';
import { Summary, ratio, round, summarize } from '../lib/stats';

export interface RenderRun {
  wall: Summary;
  /** CPU time of this process per document (user + system), the figure load on the cores does not inflate. */
  cpuMsPerDocument: number;
}

export interface DocumentsBench {
  receipt: {
    renders: number;
    bytes: number;
    /** lawtrail's renderer: the fonts read once and kept in pdfmake's virtual file system. */
    lawtrail: RenderRun;
    /** The same pdfmake given the fonts by path, as before: it reads both TTF files (15 MB each) per document. */
    baseline: RenderRun;
    sameBytes: boolean;
    ratio: { p50: number; p99: number; cpu: number };
  };
  /** Ten party copies of a 程序启动审批表 asked at once: the API renders them (copies are made on demand). */
  parallel: { documents: number; seconds: number; apiRssMb: { before: number; peak: number; after: number } };
}

/**
 * 8. Documents. A 送达回证 rendered again and again in the driver's own process, by lawtrail's renderer and by
 * the baseline, alternately so both see the same load on the cores: generation time, CPU and size. Then
 * one case is filed (its 程序启动审批表 made at filing) and ten party copies of it are asked of the API at once,
 * the API's resident memory sampled every 10 ms.
 */
export async function documents(b: Bench): Promise<DocumentsBench> {
  b.progress.section('8/8 documents: a 送达回证 rendered (fonts in memory vs by path), ten party copies in parallel in the API');
  // First, while the API's connections are fresh: the render loop below keeps this process busy for a while.
  const parallel = await partyCopies(b, 10);
  const renders = b.sizes.quick ? 40 : 200;
  const definition = () => serviceReceiptDocument(RECEIPT_FIXTURE);
  const byPath = baselineRenderer();
  const ours = { wall: [] as number[], cpu: 0 };
  const theirs = { wall: [] as number[], cpu: 0 };
  let bytes: Buffer = Buffer.alloc(0);
  let sameBytes = true;
  for (let i = 0; i < renders + b.sizes.warmup; i++) {
    const a = await timed(() => renderPdf(definition()));
    const z = await timed(() => byPath(definition()));
    sameBytes &&= sha(a.bytes) === sha(z.bytes);
    bytes = a.bytes;
    if (i < b.sizes.warmup) continue;
    for (const [into, run] of [
      [ours, a],
      [theirs, z],
    ] as const) {
      into.wall.push(run.ms);
      into.cpu += run.cpuMs;
    }
  }
  const run = (r: typeof ours): RenderRun => ({
    wall: summarize(r.wall, r.wall.reduce((x, y) => x + y, 0) / 1000),
    cpuMsPerDocument: round(r.cpu / renders),
  });
  const lawtrail = run(ours);
  const baseline = run(theirs);
  return {
    receipt: {
      renders,
      bytes: bytes.length,
      lawtrail,
      baseline,
      sameBytes,
      ratio: {
        p50: ratio(lawtrail.wall.p50, baseline.wall.p50),
        p99: ratio(lawtrail.wall.p99, baseline.wall.p99),
        cpu: ratio(lawtrail.cpuMsPerDocument, baseline.cpuMsPerDocument),
      },
    },
    parallel,
  };
}

async function partyCopies(b: Bench, n: number): Promise<DocumentsBench['parallel']> {
  const c = await b.api.call('POST', '/api/v1/cases', OFFICER, CASE_FORM);
  for (const [user, decision] of [
    [UNIT_HEAD, 'agree'],
    [CHIEF, 'approve'],
  ] as const) {
    const [task] = (await b.api.call('GET', `/api/v1/tasks?caseId=${c.id}`, user)).items;
    await b.api.call('POST', `/api/v1/tasks/${task.id}/completion`, user, { decision, opinion: '同意' });
  }
  const [doc] = (await b.api.call('GET', `/api/v1/cases/${c.id}/documents`, OFFICER)).items;
  // A party copy is made on a granted access request (兴隆台: the officer decides, per 政府信息公开条例).
  const asked = await b.api.call('POST', `/api/v1/cases/${c.id}/access-requests`, OFFICER, {
    requester: '王五',
    requestedAt: new Date().toISOString(),
    scope: '程序启动审批表',
    actions: ['copy'],
  });
  await b.api.call('POST', `/api/v1/tasks/${asked.task.id}/completion`, OFFICER, { decision: 'granted', opinion: '准予复制' });
  const path = `/api/v1/cases/${c.id}/documents/${doc.id}/file?copy=party&request=${asked.requestId}`;
  await b.api.bytes(path, OFFICER); // the API's first render loads the fonts: not what is measured
  const before = rssOf(b.stack.pids.api).rssMb;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(b.stack.pids.api).rssMb)), 10);
  const t = performance.now();
  await Promise.all(Array.from({ length: n }, () => b.api.bytes(path, OFFICER)));
  const seconds = round((performance.now() - t) / 1000, 2);
  clearInterval(sampler);
  return {
    documents: n,
    seconds,
    apiRssMb: { before, peak: Math.max(peak, rssOf(b.stack.pids.api).rssMb), after: rssOf(b.stack.pids.api).rssMb },
  };
}

/**
 * pdfmake as lawtrail called it before the fonts were cached: a second instance of its class (its own fonts
 * and policies; the virtual file system is shared, but these paths are not in it), the faces named by path.
 */
function baselineRenderer(): (d: ReturnType<typeof serviceReceiptDocument>) => Promise<Buffer> {
  const Pdfmake = Object.getPrototypeOf(pdfmake).constructor as new () => typeof pdfmake;
  const instance = new Pdfmake();
  const dir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  const regular = join(dir, '400Regular', 'NotoSerifSC_400Regular.ttf');
  const bold = join(dir, '700Bold', 'NotoSerifSC_700Bold.ttf');
  instance.setFonts({ [FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((p) => p === regular || p === bold);
  return (d) => instance.createPdf(d).getBuffer();
}

async function timed(render: () => Promise<Buffer>): Promise<{ ms: number; cpuMs: number; bytes: Buffer }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const bytes = await render();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, bytes };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function documentsMarkdown(d: DocumentsBench): string[] {
  const r = d.receipt;
  const row = (who: string, x: RenderRun) => `| ${who} | ${x.wall.p50} / ${x.wall.p95} / ${x.wall.p99} | ${x.cpuMsPerDocument} |`;
  return [
    `**Documents.** One 送达回证 (${(r.bytes / 1024).toFixed(1)} KiB) rendered ${r.renders} times in the driver's process, alternately by ` +
      `lawtrail's renderer (fonts read once, kept in pdfmake's virtual file system) and by the baseline (the fonts by path, read for every ` +
      `document, as before); ${r.sameBytes ? 'the same bytes every time' : '**the bytes differ**'}. Times in ms.`,
    '',
    '| renderer | p50 / p95 / p99 | CPU per document |',
    '|---|---|---|',
    row('lawtrail (fonts in memory)', r.lawtrail),
    row('baseline (fonts by path)', r.baseline),
    `| ratio | ${r.ratio.p50}× / – / ${r.ratio.p99}× | ${r.ratio.cpu}× |`,
    '',
    `Ten party copies of a 程序启动审批表 asked of the API at once: all answered in ${d.parallel.seconds} s; the API's RSS ` +
      `${d.parallel.apiRssMb.before} MiB before, ${d.parallel.apiRssMb.peak} MiB at the peak, ${d.parallel.apiRssMb.after} MiB after.`,
    '',
  ];
}
