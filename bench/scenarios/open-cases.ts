import { readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCY, Bench, EMERGENCY_FORM, OFFICER } from '../lib/context';
import { withCpu } from '../lib/cpu';
import { closedLoop, sleep } from '../lib/load';
import { databaseSize, rssOf, temporalServerPid } from '../lib/observe';
import { Summary, round, summarize } from '../lib/stats';
import { DueViewTiming, dueView } from './due-view';

export interface Checkpoint {
  openCases: number;
  /** Cases with a running legal timer (an open task with a due time or a running case deadline). */
  withTimers: number;
  workerRssMb: number;
  workerPeakMb: number;
  apiRssMb: number;
  temporalServerRssMb?: number;
  databaseMb: number;
  tablesMb: Record<string, number>;
  dueView: DueViewTiming;
}

export interface OpenCases {
  /** Emergency starts issued to reach the checkpoints, at concurrency 16, and their latency. */
  creation: Summary;
  /** CPU ms per emergency start, by process. */
  creationCpu: Record<string, number>;
  baseline: Omit<Checkpoint, 'dueView'>;
  checkpoints: Checkpoint[];
  /** Between the first and the last checkpoint, per case added. */
  perCase: { workerRssKb: number; databaseKb: number };
}

/**
 * 4. Open cases: emergency starts (先行启动), each an initiation workflow with a running 24-hour
 * back-report timer, until the agency holds each checkpoint's number of open cases; at each, the
 * worker's resident memory, PostgreSQL's size and the supervisor's due view.
 */
export async function openCases(b: Bench): Promise<OpenCases> {
  const marks = b.sizes.openCases.checkpoints;
  b.progress.section(`4/6 open cases: emergency starts with running timers up to ${marks.join(', ')} open cases`);
  const baseline = await observe(b);
  const latencies: number[] = [];
  let seconds = 0;
  let errors = 0;
  const checkpoints: Checkpoint[] = [];
  const cpu: { ops: number; cpu: Record<string, number> }[] = [];
  for (const mark of marks) {
    const missing = mark - (await openCount(b));
    if (missing > 0) {
      const r = await withCpu(b.stack.pids, () =>
        closedLoop({
          label: `emergency starts → ${mark}`,
          concurrency: 16,
          count: missing,
          progress: b.progress,
          op: async () => {
            const c = await b.api.call('POST', '/api/v1/cases', OFFICER, EMERGENCY_FORM);
            if (c.status !== 'emergency_started') throw new Error(`case is ${c.status}`);
          },
        }),
      );
      cpu.push({ ops: r.latencies.length, cpu: r.cpu });
      latencies.push(...r.latencies);
      seconds += r.seconds;
      errors += r.errors;
      if (r.errors) b.progress.done(`${r.errors} starts failed: ${r.errorSamples[0]}`);
    }
    await sleep(5000); // let the last workflow tasks finish and the worker settle before reading its memory
    const point = { ...(await observe(b)), dueView: await dueView(b) };
    if (process.env.LAWTRAIL_BENCH_HEAP_SNAPSHOTS) await heapSnapshot(b, point.openCases);
    b.progress.done(
      `${point.openCases} open cases: worker RSS ${point.workerRssMb} MiB (peak ${point.workerPeakMb}), database ${point.databaseMb} MiB, ` +
        `due view page 1 p50 ${point.dueView.firstPage.p50} ms, middle page p50 ${point.dueView.deepPage.p50} ms`,
    );
    checkpoints.push(point);
  }
  const [first, last] = [checkpoints[0], checkpoints[checkpoints.length - 1]];
  const added = Math.max(1, last.openCases - first.openCases);
  return {
    creation: summarize(latencies, seconds, errors),
    creationCpu: weighted(cpu),
    baseline,
    checkpoints,
    perCase: {
      workerRssKb: round(((last.workerRssMb - first.workerRssMb) * 1024) / added, 2),
      databaseKb: round(((last.databaseMb - first.databaseMb) * 1024) / added, 2),
    },
  };
}

async function openCount(b: Bench): Promise<number> {
  const { rows } = await b.db.query(
    `SELECT count(*)::int AS n FROM cases WHERE agency_id = $1 AND status NOT IN ('declined', 'ended', 'terminated', 'transferred', 'archived')`,
    [AGENCY],
  );
  return rows[0].n;
}

async function observe(b: Bench): Promise<Omit<Checkpoint, 'dueView'>> {
  const {
    rows: [t],
  } = await b.db.query(
    `SELECT count(DISTINCT case_id)::int AS n FROM (
       SELECT case_id FROM tasks WHERE status = 'open' AND due_at IS NOT NULL
       UNION ALL SELECT case_id FROM case_deadlines WHERE state = 'running') x`,
  );
  // RSS moves with the garbage collector: the median of five readings over two seconds.
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssOf(b.stack.pids.worker).rssMb);
    await sleep(500);
  }
  const worker = { rssMb: readings.sort((x, y) => x - y)[2], peakMb: rssOf(b.stack.pids.worker).peakMb };
  const temporal = temporalServerPid();
  const size = await databaseSize(b.db);
  return {
    openCases: await openCount(b),
    withTimers: t.n,
    workerRssMb: worker.rssMb,
    workerPeakMb: worker.peakMb,
    apiRssMb: rssOf(b.stack.pids.api).rssMb,
    ...(temporal && { temporalServerRssMb: rssOf(temporal).rssMb }),
    databaseMb: size.totalMb,
    tablesMb: size.tables,
  };
}

/**
 * The worker writes a V8 heap snapshot (run.mjs starts it with --heapsnapshot-signal) into logs/heap;
 * renamed after the open cases it holds, once its size stops changing. `node bench/heap-diff.mjs a b`
 * compares two. The snapshot stops the worker for some seconds: the due view was timed before.
 */
async function heapSnapshot(b: Bench, open: number): Promise<void> {
  const dir = join(b.stack.logs, 'heap');
  const before = new Set(readdirSync(dir));
  process.kill(b.stack.pids.worker, 'SIGWINCH'); // not SIGUSR2: the Temporal runtime shuts the worker down on it
  b.progress.update(`  heap snapshot of the worker at ${open} open cases…`);
  for (let last = -1; ; await sleep(1000)) {
    const file = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    const size = file ? statSync(join(dir, file)).size : -1;
    if (file && size > 0 && size === last) {
      renameSync(join(dir, file), join(dir, `worker-${open}.heapsnapshot`));
      return;
    }
    last = size;
  }
}

function weighted(runs: { ops: number; cpu: Record<string, number> }[]): Record<string, number> {
  const ops = runs.reduce((a, r) => a + r.ops, 0);
  const out: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.cpu)) out[k] = (out[k] ?? 0) + (v * r.ops) / Math.max(ops, 1);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, round(v, 1)]));
}
