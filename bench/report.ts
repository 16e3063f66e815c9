import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sizes } from './lib/context';
import { Breakdown } from './lib/history';
import { Machine } from './lib/machine';
import { Summary } from './lib/stats';
import { ServerKind } from './lib/temporal-config';
import { CASE_FILE_TARGET_MS, CaseFilePdfRun } from './scenarios/case-file-pdf';
import { CaseSearch, searchMarkdown } from './scenarios/case-search';
import { Comparison } from './scenarios/case-start';
import { DeadlineLag } from './scenarios/deadline-lag';
import { DocumentsBench, documentsMarkdown } from './scenarios/documents';
import { DUE_VIEW_TARGET_MS, DueViewAtScale, dueViewMarkdown } from './scenarios/due-view';
import { OpenCases } from './scenarios/open-cases';
import { RecordVerificationRun, recordVerificationMarkdown } from './scenarios/record-verification';
import { CompletionRun } from './scenarios/task-completion';
import { Throughput } from './scenarios/throughput';
import type { Mechanism } from './baseline/messages';

export interface Results {
  date: string;
  /** The Temporal server it ran on (`--server`); results of each are kept apart. */
  server: ServerKind;
  machine: Machine;
  sizes: Sizes;
  scenarios: {
    caseStart?: Comparison[];
    taskCompletion?: CompletionRun[];
    throughput?: Throughput;
    openCases?: OpenCases;
    deadlineLag?: DeadlineLag;
    caseSearch?: CaseSearch;
    caseFilePdf?: CaseFilePdfRun;
    documents?: DocumentsBench;
    dueViewAtScale?: DueViewAtScale;
    recordVerification?: RecordVerificationRun;
  };
  /** Wall time of the whole `npm run bench`, set-up included. */
  seconds: number;
}

/** The targets; the README states them, the bench only reports whether they were met. */
export const TARGETS = {
  latencyRatioP99: 1.3,
  casesPerSecond: 20,
  /** Sustained filing throughput over the fair baseline's (issue 21). */
  fairThroughputRatio: 0.5,
  /** "Flat": the worker's RSS grows by at most this fraction from the first to the last checkpoint. */
  workerGrowth: 0.1,
  deadlineLagP99Ms: 2000,
};

const RESULTS = join(__dirname, '..', '..', 'bench', 'results');

/**
 * results/<timestamp>.json and .md, kept for comparison, marked `-postgres` (or `-external`) when not
 * on the dev server; latest.json and latest.md are copies of the newest dev-server run, and
 * latest-postgres.* (latest-external.*) of the newest run on that server, so neither hides the other.
 */
export function writeResults(r: Results): string[] {
  mkdirSync(RESULTS, { recursive: true });
  const stamp = r.date.replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  const server = r.server === 'dev' ? '' : `-${r.server}`;
  const json = join(RESULTS, `${stamp}${server}${r.sizes.quick ? '-quick' : ''}.json`);
  const md = json.replace(/\.json$/, '.md');
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(md, markdown(r));
  copyFileSync(json, join(RESULTS, `latest${server}.json`));
  copyFileSync(md, join(RESULTS, `latest${server}.md`));
  return [json, join(RESULTS, `latest${server}.md`)];
}

/** The line that says which Temporal server the figures are for, and where the other's are. */
function serverLine(server: ServerKind = 'dev'): string {
  return {
    dev: "Temporal: the CLI's dev server (in-memory SQLite). On Temporal with PostgreSQL, as deployed: `--server=postgres`, latest-postgres.md.",
    postgres: "Temporal: **a Temporal server on PostgreSQL**, as deployed (`--server=postgres`). On the CLI's dev server: latest.md.",
    external: "Temporal: a server of the caller's (TEMPORAL_ADDRESS).",
  }[server];
}

const ms = (s: Summary) => `${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)}`;
const f = (x: number) => (Number.isFinite(x) ? (x >= 100 ? Math.round(x).toLocaleString('en') : String(x)) : '–');
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

export function markdown(r: Results): string {
  const m = r.machine;
  const s = r.scenarios;
  const out: string[] = [
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.os}; Node ${m.node.slice(1)}, ${m.postgres}, ${m.temporal}. ` +
      `Load average before/after: ${m.loadAverageBefore[0]} / ${m.loadAverageAfter?.[0] ?? '–'}. ${r.sizes.quick ? '**Quick run (smoke sizes).** ' : ''}Whole run ${Math.round(r.seconds / 60)} min.`,
    '',
    serverLine(r.server),
    '',
    '| scenario | lawtrail p50 / p95 / p99 ms | throughput | baseline p50 / p95 / p99 ms | throughput | ratio p50 / p99 | target | |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const row = (name: string, c: Comparison, unit: string) =>
    out.push(
      `| ${name}, concurrency ${c.concurrency} | ${ms(c.lawtrail)} | ${c.lawtrail.throughput} ${unit} | ${ms(c.baseline)} | ${c.baseline.throughput} ${unit} | ${c.ratioP50}× / ${c.ratioP99}× | p99 ≤ ${TARGETS.latencyRatioP99}× | ${mark(c.ratioP99 <= TARGETS.latencyRatioP99 && !c.lawtrail.errors)} |`,
    );
  s.caseStart?.forEach((c) => row('1. case start', c, 'cases/s'));
  s.taskCompletion?.forEach((c) => row('2. task completion', c, 'tasks/s'));
  if (s.throughput) {
    const t = s.throughput.sustained;
    const ok = t.lawtrail.throughput >= TARGETS.casesPerSecond && !t.lawtrail.errors;
    out.push(
      `| 3. lifecycle sustained ${t.seconds} s, concurrency ${t.concurrency} | ${ms(t.lawtrail)} | **${t.lawtrail.throughput} cases/s**, ${t.lawtrail.errors} errors | ${ms(t.baseline)} | ${t.baseline.throughput} /s | ${ratioOf(t.lawtrail.p50, t.baseline.p50)}× / ${ratioOf(t.lawtrail.p99, t.baseline.p99)}× | ≥ ${TARGETS.casesPerSecond} cases/s, no error | ${mark(ok)} |`,
    );
    if (t.fair) {
      const fairOk = t.fairRatio >= TARGETS.fairThroughputRatio && !t.lawtrail.errors;
      out.push(
        `| 3. lifecycle vs the fair baseline (its concurrency ${t.fair.concurrency}) | ${ms(t.lawtrail)} | ${t.lawtrail.throughput} cases/s | ${ms(t.fair)} | ${t.fair.throughput} /s | throughput ${t.fairRatio}× | ≥ ${TARGETS.fairThroughputRatio}× the fair baseline's throughput | ${mark(fairOk)} |`,
      );
    }
  }
  if (s.openCases) {
    const cps = s.openCases.checkpoints;
    const [a, z] = [cps[0], cps[cps.length - 1]];
    const g = workerGrowth(cps);
    out.push(
      `| 4. open cases ${a.openCases.toLocaleString('en')} → ${z.openCases.toLocaleString('en')} | worker RSS ${cps.map((c) => c.workerRssMb).join(' → ')} MiB: ${g.kibPerCase} KiB per case, ${g.percent >= 0 ? '+' : ''}${g.percent} % over the range; PostgreSQL ${s.openCases.perCase.databaseKb} KiB/case; due view page 1 p99 ${f(z.dueView.firstPage.p99)} ms | | | | | flat memory (≤ +${TARGETS.workerGrowth * 100} %) | ${mark(g.percent <= TARGETS.workerGrowth * 100)} |`,
    );
  }
  if (s.deadlineLag) {
    const d = s.deadlineLag;
    out.push(
      `| 5. deadline lag, ${d.deadlines.toLocaleString('en')} due in one minute | ${ms(d.recorded)} after the due time | ${d.missing ? `${d.missing} missing` : 'all escalated'} | | | | p99 ≤ ${TARGETS.deadlineLagP99Ms / 1000} s | ${mark(d.recorded.p99 <= TARGETS.deadlineLagP99Ms && !d.missing)} |`,
    );
  }
  if (s.caseSearch) {
    const slowest = s.caseSearch.probes.reduce((a, p) => (p.http.p50 > a.http.p50 ? p : a));
    const missed = s.caseSearch.probes.filter((p) => p.trigramExpected && !p.trigramUsed).length;
    out.push(
      `| 6. case search, ${s.caseSearch.cases.toLocaleString('en')} cases | slowest (${slowest.name}) ${ms(slowest.http)} | | | | | trigram index used from 3 characters | ${mark(!missed)} |`,
    );
  }
  if (s.dueViewAtScale?.points.length) {
    const z = s.dueViewAtScale.points[s.dueViewAtScale.points.length - 1];
    out.push(
      `| 9. due view, ${z.rows.toLocaleString('en')} open items | page 1 ${ms(z.firstPage)}; middle page by cursor ${ms(z.deepPage)} | | | | | page 1 p99 ≤ ${DUE_VIEW_TARGET_MS} ms at 100,000 | ${z.rows >= 100_000 ? mark(z.firstPage.p99 <= DUE_VIEW_TARGET_MS) : '(quick size)'} |`,
    );
  }
  if (s.recordVerification) {
    const r = s.recordVerification;
    out.push(
      `| 10. record verification, ${r.entries.toLocaleString('en')} entries | full ${f(r.full.ms)} ms; from the checkpoint after ${r.incremental.appended} new ${f(r.incremental.ms)} ms | | | | | (no target) | |`,
    );
  }
  if (s.caseFilePdf) {
    const c = s.caseFilePdf;
    out.push(
      `| 7. 案卷 PDF, ${c.entries} entries (${c.documents} documents, ${c.pages} pages, ${f(c.sizeKb)} KiB) | ${ms(c.time)} | | | | | p50 ≤ ${CASE_FILE_TARGET_MS / 1000} s | ${mark(c.time.p50 <= CASE_FILE_TARGET_MS)} |`,
    );
  }
  if (s.documents) {
    const d = s.documents.receipt;
    out.push(
      `| 8. one 送达回证 (${(d.bytes / 1024).toFixed(1)} KiB), fonts in memory vs by path | ${ms(d.lawtrail.wall)}, CPU ${d.lawtrail.cpuMsPerDocument} ms | | ${ms(d.baseline.wall)}, CPU ${d.baseline.cpuMsPerDocument} ms | | ${d.ratio.p50}× / ${d.ratio.p99}× (CPU ${d.ratio.cpu}×) | same bytes | ${mark(d.sameBytes)} |`,
    );
  }
  out.push('', ...details(r));
  return `${out.join('\n')}\n`;
}

/** A plan in a few words: the tables read whole (a few rows, as users, are fine), and the query's time in PostgreSQL. */
function scans(p: { nodes: string[]; executionMs: number }): string {
  const seq = [...new Set(p.nodes.filter((n) => n.startsWith('Seq Scan')).map((n) => n.replace('Seq Scan on ', '')))];
  return `${seq.length ? `${seq.join(', ')} read whole, the rest by index` : 'indexes only'} (${p.executionMs} ms)`;
}

/**
 * The worker's memory growth with open cases: the least-squares line through the checkpoints (one
 * RSS reading moves ±50 MiB with the garbage collector), as KiB per case and as the rise over the
 * measured range relative to the first checkpoint.
 */
export function workerGrowth(cps: { openCases: number; workerRssMb: number }[]): { kibPerCase: number; percent: number } {
  const n = cps.length;
  const mx = cps.reduce((a, c) => a + c.openCases, 0) / n;
  const my = cps.reduce((a, c) => a + c.workerRssMb, 0) / n;
  const sxx = cps.reduce((a, c) => a + (c.openCases - mx) ** 2, 0);
  const slope = sxx ? cps.reduce((a, c) => a + (c.openCases - mx) * (c.workerRssMb - my), 0) / sxx : 0; // MiB per case
  const range = cps[n - 1].openCases - cps[0].openCases;
  const start = my + slope * (cps[0].openCases - mx);
  return { kibPerCase: Math.round(slope * 1024 * 10) / 10, percent: Math.round(((slope * range) / start) * 100) };
}

const MECHANISM_NAMES: Record<Mechanism, string> = {
  one: 'one regular activity',
  two: 'two regular activities in sequence',
  local: 'one local activity',
  local2: 'two local activities in sequence',
};

/** Scenario 2's mechanism baselines: one step's writes in a bare Update, by how they are made. */
function mechanismsMarkdown(runs: CompletionRun[]): string[] {
  if (!runs.some((c) => c.mechanisms)) return [];
  const out = [
    "**A step's writes by mechanism** (bare Temporal: an Update closes a task, touches the case, appends a record entry and opens the next task; CPU ms per Update):",
    '',
    '| mechanism | concurrency | p50 / p95 / p99 ms | Updates/s | baseline worker | Temporal server | PostgreSQL | total CPU |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const c of runs)
    for (const [how, m] of Object.entries(c.mechanisms ?? {}) as [Mechanism, NonNullable<CompletionRun['mechanisms']>[Mechanism]][])
      out.push(
        `| ${MECHANISM_NAMES[how]} | ${c.concurrency} | ${ms(m)} | ${m.throughput}${m.errors ? ` (${m.errors} errors)` : ''} | ${m.cpu.baselineWorker ?? '–'} | ${m.cpu.temporalServer ?? '–'} | ${m.cpu.postgres ?? '–'} | ${m.cpu.total} |`,
      );
  out.push('');
  return out;
}

function ratioOf(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}

function details(r: Results): string[] {
  const s = r.scenarios;
  const out: string[] = [];
  const profiles = [
    ...(s.caseStart ?? []).map((c) => [`case start c=${c.concurrency}`, c.profile] as const),
    ...(s.taskCompletion ?? []).map((c) => [`task completion c=${c.concurrency}`, c.profile] as const),
  ];
  if (profiles.length) {
    out.push(
      '**Where the time goes** (mean ms over a sample of each run, from the workflow histories; see bench/README.md):',
      '',
      '| operation | total | before the workflow (HTTP, API, client) | workflow tasks queued / on the worker | activities queued / running | server, between events | after (reply, read-back) | workflow tasks, activities (local) | events | history KiB |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    const p = (name: string, b?: Breakdown) =>
      b &&
      out.push(
        `| ${name} | ${b.total} | ${b.beforeWorkflow} | ${b.workflowTaskQueue} / ${b.workflowTaskRun} | ${b.activityQueue} / ${b.activityRun} | ${b.serverOther} | ${b.afterWorkflow} | ${b.workflowTasks}, ${b.activities}${b.localActivities ? ` (+${b.localActivities} local)` : ''} | ${b.events} | ${b.historyKb} |`,
      );
    for (const [name, prof] of profiles) {
      p(`${name}, lawtrail`, prof?.lawtrail);
      p(`${name}, baseline`, prof?.baseline);
    }
    out.push('');
  }
  const cpus: [string, Record<string, number> | undefined][] = [
    ...(s.caseStart ?? []).flatMap(
      (c) =>
        [
          [`case start c=${c.concurrency}, lawtrail`, c.cpu?.lawtrail],
          [`case start c=${c.concurrency}, baseline`, c.cpu?.baseline],
        ] as [string, Record<string, number> | undefined][],
    ),
    ...(s.taskCompletion ?? []).flatMap(
      (c) =>
        [
          [`task completion c=${c.concurrency}, lawtrail`, c.cpu?.lawtrail],
          [`task completion c=${c.concurrency}, baseline`, c.cpu?.baseline],
        ] as [string, Record<string, number> | undefined][],
    ),
    ['lifecycle (sustained), lawtrail', s.throughput?.sustained.cpu.lawtrail],
    ['lifecycle (sustained), baseline', s.throughput?.sustained.cpu.baseline],
    ['lifecycle (sustained), fair baseline', s.throughput?.sustained.cpu.fair],
    ['emergency start (scenario 4)', s.openCases?.creationCpu],
  ];
  if (cpus.some(([, c]) => c)) {
    // temporalPostgres: the Temporal server's own PostgreSQL backends, on --server=postgres only.
    const cols = [
      'api',
      'worker',
      'baselineWorker',
      'temporalServer',
      ...(r.server === 'postgres' ? ['temporalPostgres'] : []),
      'postgres',
      'benchDriver',
      'total',
    ];
    out.push(
      '**CPU per operation** (ms of CPU time, by process, from /proc; two cores give 2,000 ms per second):',
      '',
      `| operation | ${cols.join(' | ')} |`,
      `|---|${cols.map(() => '---').join('|')}|`,
    );
    for (const [name, c] of cpus) if (c) out.push(`| ${name} | ${cols.map((k) => c[k] ?? '–').join(' | ')} |`);
    out.push('');
  }
  if (s.taskCompletion?.length) {
    out.push(
      `A bare Update answered without writing anything: p99 ${s.taskCompletion.map((c) => `${c.noopBaseline.p99} ms at concurrency ${c.concurrency}`).join(', ')}.`,
      '',
    );
    out.push(...mechanismsMarkdown(s.taskCompletion));
  }
  if (s.throughput) {
    const t = s.throughput;
    out.push(
      '**Throughput by concurrency** (closed loops, ' + `${r.sizes.throughput.stepSeconds} s each; lifecycle latency in ms):`,
      '',
      '| concurrency | lawtrail cases/s | lawtrail p50 / p99 | baseline /s | baseline p50 / p99 | fair baseline /s | fair p50 / p99 |',
      '|---|---|---|---|---|---|---|',
    );
    for (const st of t.steps)
      out.push(
        `| ${st.concurrency} | ${st.lawtrail.throughput}${st.lawtrail.errors ? ` (${st.lawtrail.errors} errors)` : ''} | ${f(st.lawtrail.p50)} / ${f(st.lawtrail.p99)} | ${st.baseline.throughput} | ${f(st.baseline.p50)} / ${f(st.baseline.p99)} | ${st.fair?.throughput ?? '–'} | ${st.fair ? `${f(st.fair.p50)} / ${f(st.fair.p99)}` : '–'} |`,
      );
    out.push(
      '',
      `Knee: lawtrail at concurrency ${t.knee.lawtrail.concurrency} (${t.knee.lawtrail.throughput} cases/s, p99 ${f(t.knee.lawtrail.p99)} ms, next step p99 ${f(t.knee.lawtrail.nextP99 ?? NaN)} ms); baseline at ${t.knee.baseline.concurrency} (${t.knee.baseline.throughput}/s)` +
        `${t.knee.fair ? `; fair baseline at ${t.knee.fair.concurrency} (${t.knee.fair.throughput}/s)` : ''}. ` +
        `Decision stage started for ${t.decisionStage.withDeadline} of ${t.decisionStage.cases} filed cases of the sustained run (${t.decisionStage.settledSecondsAfterRun} s after it ended). ` +
        `One filed case leaves two histories: initiation ${t.histories.initiation.events} events, ${t.histories.initiation.kb} KiB; decision ${t.histories.decision.events} events, ${t.histories.decision.kb} KiB.`,
      '',
    );
  }
  if (s.openCases) {
    const o = s.openCases;
    out.push(
      '**Open cases** (emergency starts, each with a running 24-hour timer):',
      '',
      '| open cases | with timers | worker RSS MiB | API RSS MiB | Temporal server RSS MiB | PostgreSQL MiB | due view rows | page 1 p50 / p99 ms | middle page p50 / p99 ms | overdue page p50 / p99 ms | how PostgreSQL reads a page |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const c of [{ ...o.baseline, dueView: undefined }, ...o.checkpoints]) {
      const d = c.dueView;
      out.push(
        `| ${c.openCases.toLocaleString('en')} | ${c.withTimers.toLocaleString('en')} | ${c.workerRssMb} | ${c.apiRssMb} | ${c.temporalServerRssMb ?? '–'} | ${c.databaseMb} | ${d?.rows ?? '–'} | ${d ? `${f(d.firstPage.p50)} / ${f(d.firstPage.p99)}` : '–'} | ${d ? `${f(d.deepPage.p50)} / ${f(d.deepPage.p99)}` : '–'} | ${d ? `${f(d.overdue.p50)} / ${f(d.overdue.p99)}` : '–'} | ${d ? `all: ${scans(d.plan)}; overdue: ${scans(d.overduePlan)}` : ''} |`,
      );
    }
    out.push(
      '',
      `Per case added: worker ${o.perCase.workerRssKb} KiB, PostgreSQL ${o.perCase.databaseKb} KiB. Emergency starts: p50 ${f(o.creation.p50)} / p99 ${f(o.creation.p99)} ms at concurrency 16, ${o.creation.throughput} cases/s.`,
      '',
    );
  }
  if (s.deadlineLag) {
    const d = s.deadlineLag;
    out.push(
      `**Deadline lag**: ${d.deadlines} uploads due ${d.window.from.slice(11, 19)}–${d.window.to.slice(11, 19)} UTC. The workflow woke p50 ${f(d.woke.p50)} / p99 ${f(d.woke.p99)} ms after the due time; the escalation was seen committed p50 ${f(d.recorded.p50)} / p99 ${f(d.recorded.p99)} / max ${f(d.recorded.max)} ms after it (polled every 100 ms). ` +
        `Then the overdue view (${d.dueView.rows} rows in all) answered its first page in p50 ${f(d.dueView.overdue.p50)} / p99 ${f(d.dueView.overdue.p99)} ms.`,
      '',
    );
  }
  if (s.caseSearch) out.push(...searchMarkdown(s.caseSearch));
  if (s.documents) out.push(...documentsMarkdown(s.documents));
  if (s.dueViewAtScale) out.push(...dueViewMarkdown(s.dueViewAtScale));
  if (s.recordVerification) out.push(...recordVerificationMarkdown(s.recordVerification));
  return out;
}
