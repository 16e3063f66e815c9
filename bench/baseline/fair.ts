import {
  ParentClosePolicy,
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { StepActivities } from './steps';
import { Mechanism, fairRegisteredUpdate, fairStepUpdate, stepUpdate, stopUpdate } from './messages';

// The same activity options as lawtrail's (workflows/activities.ts); local ones as lawtrail would run them.
const options = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '30 seconds' } } as const;
const regular = proxyActivities<StepActivities>(options);
const local = proxyLocalActivities<StepActivities>(options);

/**
 * Scenario 3's fair baseline: the filing lifecycle with lawtrail's human steps and database writes
 * (bench/baseline/steps.ts), each step's writes one transaction in one regular activity. The start is
 * answered once the case and the unit head's task are written; each approval Update once its step's
 * writes are; the chief's once the decision stage is started too.
 */
export async function fairLifecycle(): Promise<void> {
  let task = { id: uuid4(), kind: 'unit_head_review' };
  let approvals = 0;
  let registered = false;
  setHandler(fairRegisteredUpdate, () => condition(() => registered));
  setHandler(fairStepUpdate, async () => {
    await condition(() => registered);
    const taskId = task.id;
    if (approvals === 0) {
      task = { id: uuid4(), kind: 'chief_approval' };
      await regular.fairStep(taskId, task);
    } else {
      await regular.fairFile(taskId);
      await startChild(fairDecision, { workflowId: `${workflowInfo().workflowId}:decision`, parentClosePolicy: ParentClosePolicy.ABANDON });
    }
    approvals++;
  });
  await regular.fairRegister(task);
  registered = true;
  await condition(() => approvals >= 2);
}

/** The decision stage: its first writes, then it waits on its deadline as lawtrail's does. */
export async function fairDecision(): Promise<void> {
  await regular.fairDecisionOpened({ id: uuid4(), kind: 'draft_decision' });
  await sleep('90 days');
}

/**
 * Scenario 2's mechanism baselines: a case with an open task; each `benchStep` Update closes it and opens
 * the next, the writes of one human step, as `Mechanism` says, and answers once they are committed.
 */
export async function bareSteps(): Promise<void> {
  let task = { id: uuid4(), kind: 'review' };
  let stop = false;
  let registered = false;
  setHandler(stepUpdate, async (how: Mechanism) => {
    await condition(() => registered); // the first task is written before it is closed
    const taskId = task.id;
    task = { id: uuid4(), kind: 'review' };
    if (how === 'one') await regular.fairStep(taskId, task);
    else if (how === 'local') await local.fairStep(taskId, task);
    else {
      const a = how === 'two' ? regular : local;
      await a.fairClose(taskId);
      await a.fairOpen(task);
    }
  });
  setHandler(stopUpdate, () => {
    stop = true;
  });
  await regular.fairRegister(task);
  registered = true;
  await condition(() => stop);
}
