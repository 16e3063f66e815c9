import { performance } from 'node:perf_hooks';
import { Progress } from './progress';
import { percentile, round } from './stats';

export interface LoadResult {
  latencies: number[];
  errors: number;
  /** The first few failures, to say what went wrong. */
  errorSamples: string[];
  seconds: number;
}

export interface LoadOptions {
  label: string;
  concurrency: number;
  /** Stop after this many operations… */
  count?: number;
  /** …or once this many seconds have passed (operations under way finish). */
  seconds?: number;
  op: (i: number) => Promise<void>;
  progress: Progress;
}

/**
 * A closed loop: `concurrency` callers, each starting its next operation as soon as the last one
 * answered. Latency is the time of one `op`; throughput is completions over wall time.
 */
export async function closedLoop(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const until = o.seconds === undefined ? Infinity : start + o.seconds * 1000;
  const more = () => (o.count === undefined || next < o.count) && performance.now() < until;
  const ticker = setInterval(() => {
    const elapsed = (performance.now() - start) / 1000;
    const sorted = latencies.slice(-2000).sort((a, b) => a - b);
    const of = o.count !== undefined ? `/${o.count}` : '';
    const left = o.seconds !== undefined ? `  ${Math.max(0, Math.ceil(o.seconds - elapsed))} s left` : '';
    const p = (q: number) => (sorted.length ? `${round(percentile(sorted, q))} ms` : '–');
    o.progress.update(
      `  ${o.label}  c=${o.concurrency}  ${latencies.length}${of} done  ${round(latencies.length / elapsed, 1)}/s  ` +
        `p50 ${p(50)}  p99 ${p(99)}  errors ${errors}${left}`,
    );
  }, 250);
  const caller = async () => {
    while (more()) {
      const i = next++;
      const t0 = performance.now();
      try {
        await o.op(i);
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(String((err as Error)?.message ?? err).slice(0, 300));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency }, caller));
  } finally {
    clearInterval(ticker);
  }
  return { latencies, errors, errorSamples, seconds: (performance.now() - start) / 1000 };
}

/** Runs `op` over `items` with at most `concurrency` at a time (set-up work, not measured). */
export async function inParallel<T>(
  items: T[],
  concurrency: number,
  op: (item: T, i: number) => Promise<void>,
  tick?: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const caller = async () => {
    while (next < items.length) {
      const i = next++;
      await op(items[i], i);
      tick?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, caller));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
