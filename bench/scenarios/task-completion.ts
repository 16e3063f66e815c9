import { randomUUID } from 'node:crypto';
import type { bareIdle, bareSteps } from '../baseline/workflows';
import { MECHANISMS, Mechanism, noopUpdate, stepUpdate, stopUpdate, writeUpdate } from '../baseline/messages';
import { AGENCY, Bench, CASE_FORM, OFFICER, UNIT_HEAD } from '../lib/context';
import { OpTrace, profileOps } from '../lib/history';
import { withCpu } from '../lib/cpu';
import { closedLoop, inParallel } from '../lib/load';
import { Summary, summarize } from '../lib/stats';
import { Comparison, compare, line } from './case-start';

export interface CompletionRun extends Comparison {
  /** The same Update on the same idle workflows, answered at once (no row written). */
  noopBaseline: Summary;
  /**
   * A step's writes (close the task, touch the case, a record entry, open the next task) in an Update on
   * bare Temporal, made by each mechanism of issue 21 item 1: what each costs on this server.
   */
  mechanisms?: Record<Mechanism, Summary & { cpu: Record<string, number> }>;
}

/**
 * 2. Task completion: the unit head completes their review over HTTP; the API answers once the
 * Update was accepted, the task closed, the record appended and the chief's task opened.
 * Baseline: an Update on an idle workflow whose handler writes one row (the projection), and,
 * for reference, the same Update answered without writing anything.
 */
export async function taskCompletion(b: Bench): Promise<CompletionRun[]> {
  b.progress.section('2/6 task completion: POST /api/v1/tasks/:id/completion vs a bare Update on an idle workflow');
  const needed = b.sizes.starts[1] + b.sizes.starts[16] + b.sizes.warmup;
  const tasks = await openReviews(b, needed);
  const idle = await idleWorkflows(b, needed);
  const stepping = await idleWorkflows(b, b.sizes.starts[16], 'bareSteps');
  let nextTask = 0;
  let nextIdle = 0;

  const lawtrailOp = async (traces: OpTrace[]) => {
    const t = tasks[nextTask++];
    const sentAt = Date.now();
    const r = await b.api.call('POST', `/api/v1/tasks/${t.id}/completion`, UNIT_HEAD, { decision: 'agree', opinion: '同意' });
    if (r.task.status !== 'completed' || r.case.status !== 'pending_approval')
      throw new Error(`unexpected answer ${JSON.stringify(r).slice(0, 200)}`);
    traces.push({ workflowId: t.workflowId, sentAt, answeredAt: Date.now(), segment: { kind: 'update', index: 1 } });
  };
  const baselineOp = async (traces: OpTrace[]) => {
    const workflowId = idle[nextIdle++];
    const sentAt = Date.now();
    await b.temporal.workflow.getHandle(workflowId).executeUpdate(writeUpdate, { args: ['approval'] });
    traces.push({ workflowId, sentAt, answeredAt: Date.now(), segment: { kind: 'update', index: 0 } });
  };

  const warm: OpTrace[] = [];
  await closedLoop({ label: 'warm-up', concurrency: 4, count: b.sizes.warmup, op: () => baselineOp(warm), progress: b.progress });
  await closedLoop({ label: 'warm-up', concurrency: 4, count: b.sizes.warmup, op: () => lawtrailOp(warm), progress: b.progress });

  const runs: CompletionRun[] = [];
  for (const concurrency of [1, 16] as const) {
    const count = b.sizes.starts[concurrency];
    const bt: OpTrace[] = [];
    const lt: OpTrace[] = [];
    const firstIdle = nextIdle;
    const base = await withCpu(b.stack.pids, () =>
      closedLoop({ label: 'baseline Update', concurrency, count, op: () => baselineOp(bt), progress: b.progress }),
    );
    const law = await withCpu(b.stack.pids, () =>
      closedLoop({ label: 'POST completion', concurrency, count, op: () => lawtrailOp(lt), progress: b.progress }),
    );
    const run = compare(concurrency, law, base);
    b.progress.update('  reading workflow histories for the profile…');
    run.profile = { lawtrail: await profileOps(b.temporal, lt), baseline: await profileOps(b.temporal, bt) };
    let n = firstIdle;
    const noop = await closedLoop({
      label: 'baseline no-op Update',
      concurrency,
      count,
      op: () => b.temporal.workflow.getHandle(idle[n++]).executeUpdate(noopUpdate),
      progress: b.progress,
    });
    const mechanisms = {} as NonNullable<CompletionRun['mechanisms']>;
    for (const how of MECHANISMS) {
      // Each workflow takes one Update per run, in turn: a step closes the task the last one opened.
      const m = await withCpu(b.stack.pids, () =>
        closedLoop({
          label: `baseline step (${how})`,
          concurrency,
          count,
          op: (i) => b.temporal.workflow.getHandle(stepping[i]).executeUpdate(stepUpdate, { args: [how] }),
          progress: b.progress,
        }),
      );
      mechanisms[how] = { ...summarize(m.latencies, m.seconds, m.errors), cpu: m.cpu };
    }
    const result: CompletionRun = { ...run, noopBaseline: summarize(noop.latencies, noop.seconds, noop.errors), mechanisms };
    b.progress.done(`${line('task completion', run)} | no-op Update p99 ${result.noopBaseline.p99} ms`);
    runs.push(result);
  }
  await inParallel([...idle, ...stepping], 16, (id) => b.temporal.workflow.getHandle(id).executeUpdate(stopUpdate));
  return runs;
}

/** The unit head's open reviews (scenario 1 leaves them behind); more cases are started if short. */
async function openReviews(b: Bench, n: number): Promise<{ id: string; workflowId: string }[]> {
  const query = () =>
    b.db.query(
      `SELECT id, workflow_id FROM tasks WHERE status = 'open' AND kind = 'unit_head_review' AND agency_id = $1 ORDER BY opened_at LIMIT $2`,
      [AGENCY, n],
    );
  let rows = (await query()).rows;
  if (rows.length < n) {
    const missing = Array.from({ length: n - rows.length });
    await inParallel(
      missing,
      8,
      () => b.api.call('POST', '/api/v1/cases', OFFICER, CASE_FORM),
      (d) => b.progress.update(`  starting cases to review: ${d}/${missing.length}`),
    );
    rows = (await query()).rows;
  }
  return rows.map((r) => ({ id: r.id, workflowId: r.workflow_id }));
}

async function idleWorkflows(b: Bench, n: number, type: 'bareIdle' | 'bareSteps' = 'bareIdle'): Promise<string[]> {
  const ids = Array.from({ length: n }, () => `${type}-${randomUUID()}`);
  await inParallel(
    ids,
    8,
    async (workflowId) => {
      await b.temporal.workflow.start<typeof bareIdle | typeof bareSteps>(type, { workflowId, taskQueue: b.stack.baselineQueue });
    },
    (d) => b.progress.update(`  starting ${type} baseline workflows: ${d}/${n}`),
  );
  return ids;
}
