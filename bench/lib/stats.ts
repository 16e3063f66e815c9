/** Latency figures of one measured run, in milliseconds, and its throughput per second. */
export interface Summary {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** Completed operations per second of wall time. */
  throughput: number;
  seconds: number;
}

/** The nearest-rank percentile (no interpolation: every figure is a latency that was observed). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

export function summarize(latencies: number[], seconds: number, errors = 0): Summary {
  const s = [...latencies].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    n: s.length,
    errors,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    mean: round(mean),
    max: round(s[s.length - 1] ?? NaN),
    throughput: round(s.length / seconds, 2),
    seconds: round(seconds, 1),
  };
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** lawtrail / baseline, two decimals. */
export function ratio(a: number, b: number): number {
  return round(a / b, 2);
}
