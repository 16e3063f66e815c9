import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { BaselineActivities } from './activities';
import { noopUpdate, stopUpdate, writeUpdate } from './messages';

// Bare Temporal, the yardstick for lawtrail: the same activity options as workflows/activities.ts.
const { writeRow } = proxyActivities<BaselineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Scenario 1's baseline: an empty workflow that writes one row and ends. */
export async function bareStart(): Promise<void> {
  await writeRow('start');
}

/**
 * Scenario 2's baseline: an idle workflow taking Updates. `writeUpdate` answers once its row is
 * written (as a lawtrail completion answers once its projection is); `noopUpdate` answers at once.
 */
export async function bareIdle(): Promise<void> {
  let stop = false;
  setHandler(writeUpdate, async (step) => {
    await writeRow(step);
  });
  setHandler(noopUpdate, () => undefined);
  setHandler(stopUpdate, () => {
    stop = true;
  });
  await condition(() => stop);
}

/**
 * Scenario 3's baseline: the short lifecycle without lawtrail's rules. A row when it starts, a row
 * per approval (each an Update answered once written), and a row for the decision, then it ends.
 */
export async function bareLifecycle(): Promise<void> {
  let approvals = 0;
  setHandler(writeUpdate, async (step) => {
    await writeRow(step);
    approvals++;
  });
  await writeRow('start');
  await condition(() => approvals >= 2);
  await writeRow('decision');
}
export { bareSteps, fairDecision, fairLifecycle } from './fair';
