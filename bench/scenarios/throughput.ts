import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { fairRegisteredUpdate, fairStepUpdate, writeUpdate } from '../baseline/messages';
import type { bareLifecycle, fairLifecycle } from '../baseline/workflows';
import { workflowIdForDecision } from '#libs/messages/decision';
import { workflowIdForInitiation } from '#libs/messages/initiation';
import { historySizes } from '../lib/history';
import { Bench, CASE_FORM, CHIEF, OFFICER, UNIT_HEAD } from '../lib/context';
import { withCpu } from '../lib/cpu';
import { LoadResult, closedLoop, sleep } from '../lib/load';
import { Summary, ratio, round, summarize } from '../lib/stats';

export interface Step {
  concurrency: number;
  lawtrail: Summary;
  baseline: Summary;
  /** The fair baseline: lawtrail's human steps and writes on bare Temporal (bench/baseline/fair.ts). */
  fair: Summary;
}

export interface Throughput {
  steps: Step[];
  /** The last concurrency at which throughput still grew by 10 % or more; beyond it only p99 grows. */
  knee: { lawtrail: Knee; baseline: Knee; fair: Knee };
  sustained: {
    concurrency: number;
    lawtrail: Summary;
    baseline: Summary;
    /** Held at its own knee's concurrency. */
    fair: Summary & { concurrency: number };
    /** lawtrail's sustained throughput over the fair baseline's (target ≥ 0.5). */
    fairRatio: number;
    seconds: number;
    cpu: { lawtrail: Record<string, number>; baseline: Record<string, number>; fair: Record<string, number> };
  };
  /** Filed cases of the sustained run whose decision stage had written its deadline, and how long after the run that took. */
  decisionStage: { cases: number; withDeadline: number; settledSecondsAfterRun: number };
  /** What one filed case leaves in Temporal: its initiation and decision workflows' histories (mean of a sample). */
  histories: { initiation: { events: number; kb: number }; decision: { events: number; kb: number } };
  errorSamples?: string[];
}

export interface Knee {
  concurrency: number;
  throughput: number;
  p99: number;
  /** p99 at the next step, where throughput no longer grows as much. */
  nextP99?: number;
}

/**
 * 3. Throughput of the short lifecycle: the officer starts a case, the unit head agrees, the chief
 * approves — the decision to file it (立案), which starts the decision stage and its 90-day deadline.
 * Each person reads their task list first, as they would. Closed loops at rising concurrency find
 * the knee; then the knee's concurrency is held for the sustained run, which must have no error.
 * Baselines: a workflow that writes a row, takes two Updates each writing a row, writes the
 * decision's row and ends; and the fair one, which makes lawtrail's writes for each step.
 */
export async function throughput(b: Bench): Promise<Throughput> {
  b.progress.section('3/6 throughput: start → unit head → chief (filing), closed loops at rising concurrency');
  const { steps: levels, stepSeconds, sustainSeconds } = b.sizes.throughput;
  const filed: string[] = [];
  const lawtrailOp = (into?: string[]) => async () => {
    const id = await lifecycle(b);
    into?.push(id);
  };
  const baselineOp = () => bareLifecycleOnce(b);
  const fairOp = () => fairLifecycleOnce(b);

  const steps: Step[] = [];
  const errorSamples: string[] = [];
  for (const concurrency of levels) {
    const base = await closedLoop({ label: `baseline lifecycle`, concurrency, seconds: stepSeconds, op: baselineOp, progress: b.progress });
    await sleep(1000);
    const fair = await closedLoop({
      label: 'fair baseline lifecycle',
      concurrency,
      seconds: stepSeconds,
      op: fairOp,
      progress: b.progress,
    });
    await sleep(1000);
    const law = await closedLoop({
      label: `lawtrail lifecycle`,
      concurrency,
      seconds: stepSeconds,
      op: lawtrailOp(),
      progress: b.progress,
    });
    errorSamples.push(...law.errorSamples, ...base.errorSamples, ...fair.errorSamples);
    const step = { concurrency, lawtrail: sum(law), baseline: sum(base), fair: sum(fair) };
    b.progress.done(
      `c=${concurrency}: lawtrail ${step.lawtrail.throughput} cases/s p99 ${step.lawtrail.p99} ms | baseline ${step.baseline.throughput}/s p99 ${step.baseline.p99} ms | fair ${step.fair.throughput}/s p99 ${step.fair.p99} ms${law.errors + base.errors + fair.errors ? ` | errors ${law.errors}+${base.errors}+${fair.errors}` : ''}`,
    );
    steps.push(step);
    await sleep(2000); // let the decision stages just started settle before the next step
  }
  const knee = { lawtrail: kneeOf(steps, 'lawtrail'), baseline: kneeOf(steps, 'baseline'), fair: kneeOf(steps, 'fair') };
  b.progress.done(
    `knee: lawtrail c=${knee.lawtrail.concurrency} (${knee.lawtrail.throughput} cases/s), baseline c=${knee.baseline.concurrency} (${knee.baseline.throughput}/s), fair c=${knee.fair.concurrency} (${knee.fair.throughput}/s)`,
  );

  b.progress.section(`  sustained ${sustainSeconds} s at each knee`);
  const base = await withCpu(b.stack.pids, () =>
    closedLoop({
      label: 'baseline sustained',
      concurrency: knee.baseline.concurrency,
      seconds: sustainSeconds,
      op: baselineOp,
      progress: b.progress,
    }),
  );
  await sleep(2000);
  const fair = await withCpu(b.stack.pids, () =>
    closedLoop({
      label: 'fair baseline sustained',
      concurrency: knee.fair.concurrency,
      seconds: sustainSeconds,
      op: fairOp,
      progress: b.progress,
    }),
  );
  await sleep(2000);
  const law = await withCpu(b.stack.pids, () =>
    closedLoop({
      label: 'lawtrail sustained',
      concurrency: knee.lawtrail.concurrency,
      seconds: sustainSeconds,
      op: lawtrailOp(filed),
      progress: b.progress,
    }),
  );
  errorSamples.push(...law.errorSamples, ...base.errorSamples, ...fair.errorSamples);
  const sustained = {
    concurrency: knee.lawtrail.concurrency,
    lawtrail: sum(law),
    baseline: sum(base),
    fair: { ...sum(fair), concurrency: knee.fair.concurrency },
    fairRatio: ratio(sum(law).throughput, sum(fair).throughput),
    seconds: sustainSeconds,
    cpu: { lawtrail: law.cpu, baseline: base.cpu, fair: fair.cpu },
  };
  b.progress.done(
    `sustained: lawtrail ${sustained.lawtrail.throughput} cases/s (${law.errors} errors) | baseline ${sustained.baseline.throughput}/s (${base.errors} errors) | fair ${sustained.fair.throughput}/s (${fair.errors} errors): ×${sustained.fairRatio} of the fair`,
  );

  const decisionStage = await decisionStageSettled(b, filed);
  const sample = filed.slice(0, 20);
  const histories = {
    initiation: await historySizes(b.temporal, sample.map(workflowIdForInitiation)),
    decision: await historySizes(b.temporal, sample.map(workflowIdForDecision)),
  };
  return { steps, knee, sustained, decisionStage, histories, ...(errorSamples.length && { errorSamples: errorSamples.slice(0, 5) }) };
}

/** One case through the short lifecycle over HTTP; returns its id. */
async function lifecycle(b: Bench): Promise<string> {
  const c = await b.api.call('POST', '/api/v1/cases', OFFICER, CASE_FORM);
  for (const [user, decision, after] of [
    [UNIT_HEAD, 'agree', 'pending_approval'],
    [CHIEF, 'approve', 'initiated'],
  ] as const) {
    const list = await b.api.call('GET', `/api/v1/tasks?caseId=${c.id}`, user);
    if (list.items.length !== 1) throw new Error(`${user} sees ${list.items.length} tasks on the case`);
    const r = await b.api.call('POST', `/api/v1/tasks/${list.items[0].id}/completion`, user, { decision, opinion: '同意' });
    if (r.case.status !== after) throw new Error(`case is ${r.case.status} after ${decision}, expected ${after}`);
  }
  return c.id;
}

async function bareLifecycleOnce(b: Bench): Promise<void> {
  const h = await b.temporal.workflow.start<typeof bareLifecycle>('bareLifecycle', {
    workflowId: `bare-life-${randomUUID()}`,
    taskQueue: b.stack.baselineQueue,
  });
  await h.executeUpdate(writeUpdate, { args: ['unit_head'] });
  await h.executeUpdate(writeUpdate, { args: ['chief'] });
  await h.result();
}

/** The fair baseline's lifecycle, as the API drives lawtrail's: start (answered once written), two approvals. */
async function fairLifecycleOnce(b: Bench): Promise<void> {
  const start = new WithStartWorkflowOperation<typeof fairLifecycle>('fairLifecycle', {
    workflowId: `fair-life-${randomUUID()}`,
    taskQueue: b.stack.baselineQueue,
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  await b.temporal.workflow.executeUpdateWithStart(fairRegisteredUpdate, { startWorkflowOperation: start });
  const h = await start.workflowHandle();
  await h.executeUpdate(fairStepUpdate);
  await h.executeUpdate(fairStepUpdate);
}

function sum(r: LoadResult): Summary {
  return summarize(r.latencies, r.seconds, r.errors);
}

export function kneeOf(steps: Step[], who: 'lawtrail' | 'baseline' | 'fair'): Knee {
  let k = 0;
  for (let i = 1; i < steps.length; i++) {
    if (steps[i][who].throughput >= steps[k][who].throughput * 1.1 && !steps[i][who].errors) k = i;
    else break;
  }
  const s = steps[k];
  return { concurrency: s.concurrency, throughput: s[who].throughput, p99: s[who].p99, nextP99: steps[k + 1]?.[who].p99 };
}

/** Every filed case's decision stage writes its deadline shortly after the chief's approval. */
async function decisionStageSettled(b: Bench, filed: string[]) {
  const t0 = Date.now();
  let withDeadline = 0;
  for (;;) {
    const { rows } = await b.db.query(`SELECT count(DISTINCT case_id)::int AS n FROM case_deadlines WHERE case_id = ANY($1::uuid[])`, [
      filed,
    ]);
    withDeadline = rows[0].n;
    b.progress.update(`  decision stages started: ${withDeadline}/${filed.length}`);
    if (withDeadline === filed.length || Date.now() - t0 > 120_000) break;
    await sleep(250);
  }
  return { cases: filed.length, withDeadline, settledSecondsAfterRun: round((Date.now() - t0) / 1000, 1) };
}
