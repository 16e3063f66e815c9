import { randomUUID } from 'node:crypto';
import { workflowIdForInitiation } from '#libs/messages/initiation';
import type { bareStart } from '../baseline/workflows';
import { AGENCY, Bench, CASE_FORM, OFFICER } from '../lib/context';
import { Breakdown, OpTrace, profileOps } from '../lib/history';
import { withCpu } from '../lib/cpu';
import { LoadResult, closedLoop } from '../lib/load';
import { Summary, ratio, summarize } from '../lib/stats';

export interface Comparison {
  concurrency: number;
  lawtrail: Summary;
  baseline: Summary;
  /** lawtrail ÷ baseline at p50 and p99. */
  ratioP50: number;
  ratioP99: number;
  profile?: { lawtrail?: Breakdown; baseline?: Breakdown };
  /** CPU ms per operation, by process (lib/cpu.ts): where the machine's two cores went. */
  cpu?: { lawtrail?: Record<string, number>; baseline?: Record<string, number> };
  errorSamples?: string[];
}

/**
 * 1. Case start: POST /api/v1/cases answers once the initiation workflow has run its first task
 * and the case row, its first record entries and its first task are committed (update-with-start).
 * Baseline: `client.workflow.start` of a workflow whose one activity writes one row, waited for
 * until it has ended (so the row is committed).
 */
export async function caseStart(b: Bench): Promise<Comparison[]> {
  b.progress.section('1/6 case start: POST /api/v1/cases vs client.workflow.start + one-row activity');
  const runs: Comparison[] = [];
  const baselineOp = async (traces: OpTrace[]) => {
    const workflowId = `bare-start-${randomUUID()}`;
    const sentAt = Date.now();
    const h = await b.temporal.workflow.start<typeof bareStart>('bareStart', { workflowId, taskQueue: b.stack.baselineQueue });
    await h.result();
    traces.push({ workflowId, sentAt, answeredAt: Date.now(), segment: { kind: 'start' } });
  };
  const lawtrailOp = async (traces: OpTrace[]) => {
    const sentAt = Date.now();
    const c = await b.api.call('POST', '/api/v1/cases', OFFICER, CASE_FORM);
    if (c.status !== 'pending_approval' || c.agencyId !== AGENCY) throw new Error(`unexpected case ${JSON.stringify(c).slice(0, 200)}`);
    traces.push({ workflowId: workflowIdForInitiation(c.id), sentAt, answeredAt: Date.now(), segment: { kind: 'start' } });
  };

  // Warm-up: JIT, connection pools, the worker's caches; not measured.
  const warm: OpTrace[] = [];
  await closedLoop({ label: 'warm-up', concurrency: 4, count: b.sizes.warmup, op: () => baselineOp(warm), progress: b.progress });
  await closedLoop({ label: 'warm-up', concurrency: 4, count: b.sizes.warmup, op: () => lawtrailOp(warm), progress: b.progress });

  for (const concurrency of [1, 16] as const) {
    const count = b.sizes.starts[concurrency];
    const bt: OpTrace[] = [];
    const lt: OpTrace[] = [];
    const base = await withCpu(b.stack.pids, () =>
      closedLoop({ label: 'baseline start', concurrency, count, op: () => baselineOp(bt), progress: b.progress }),
    );
    const law = await withCpu(b.stack.pids, () =>
      closedLoop({ label: 'POST /cases', concurrency, count, op: () => lawtrailOp(lt), progress: b.progress }),
    );
    const run = compare(concurrency, law, base);
    b.progress.update('  reading workflow histories for the profile…');
    run.profile = { lawtrail: await profileOps(b.temporal, lt), baseline: await profileOps(b.temporal, bt) };
    b.progress.done(line('case start', run));
    runs.push(run);
  }
  return runs;
}

export function compare(concurrency: number, law: LoadResult & { cpu?: Record<string, number> }, base: typeof law): Comparison {
  const lawtrail = summarize(law.latencies, law.seconds, law.errors);
  const baseline = summarize(base.latencies, base.seconds, base.errors);
  const errorSamples = [...law.errorSamples, ...base.errorSamples];
  return {
    concurrency,
    lawtrail,
    baseline,
    ratioP50: ratio(lawtrail.p50, baseline.p50),
    ratioP99: ratio(lawtrail.p99, baseline.p99),
    ...(law.cpu && { cpu: { lawtrail: law.cpu, baseline: base.cpu } }),
    ...(errorSamples.length && { errorSamples }),
  };
}

export function line(what: string, r: Comparison): string {
  const f = (s: Summary) => `p50 ${s.p50} / p95 ${s.p95} / p99 ${s.p99} ms, ${s.throughput}/s${s.errors ? `, ${s.errors} errors` : ''}`;
  return `${what} c=${r.concurrency}: lawtrail ${f(r.lawtrail)} | baseline ${f(r.baseline)} | p99 ×${r.ratioP99}`;
}
