import { Sizes } from './context';

/**
 * How big a run is. The full run (about 15–20 minutes on 2 cores) measures against the targets
 * (bench/report.ts); `--quick` (about 5 minutes) checks that everything works. Environment variables size
 * one scenario of either.
 */
export function sizesFrom(args: string[], env: NodeJS.ProcessEnv): Sizes {
  const quick = args.includes('--quick');
  const num = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
    return n;
  };
  const starts = num('LAWTRAIL_BENCH_STARTS', quick ? 160 : 800);
  const open = num('LAWTRAIL_BENCH_OPEN_CASES', quick ? 1000 : 10_000);
  const marks = (quick ? [200, 1000] : [1000, 2500, 5000, 10_000]).filter((m) => m < open);
  return {
    quick,
    warmup: quick ? 10 : 30,
    starts: { 1: Math.max(10, Math.round(starts / 4)), 16: starts },
    throughput: {
      steps: quick ? [2, 8, 16] : [1, 2, 4, 8, 16, 32],
      stepSeconds: num('LAWTRAIL_BENCH_STEP_SECONDS', quick ? 5 : 10),
      sustainSeconds: num('LAWTRAIL_BENCH_SUSTAIN_SECONDS', quick ? 15 : 60),
    },
    openCases: { checkpoints: [...marks, open] },
    deadlines: num('LAWTRAIL_BENCH_DEADLINES', quick ? 200 : 1000),
    // The full size even in a quick run: the fill is one statement of some seconds.
    searchCases: num('LAWTRAIL_BENCH_SEARCH_CASES', 100_000),
    // The target is stated for 100 entries; a larger case file is measured with this set (e.g. 300).
    caseFileEntries: num('LAWTRAIL_BENCH_CASE_FILE_ENTRIES', 100),
    // The full sizes even in a quick run: filled by SQL in some seconds (the full verification of 100 000
    // entries takes about 20 s).
    dueViewItems: [10_000, num('LAWTRAIL_BENCH_DUE_ITEMS', 100_000)],
    recordEntries: num('LAWTRAIL_BENCH_RECORD_ENTRIES', 100_000),
  };
}

/** `--only=1,3` → {1, 3}; every scenario when absent. */
export function scenariosFrom(args: string[]): Set<number> {
  const only = args.find((a) => a.startsWith('--only='));
  if (!only) return new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  return new Set(only.slice('--only='.length).split(',').map(Number));
}
