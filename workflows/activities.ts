import {
  ActivityFailure,
  ApplicationFailure,
  type RetryPolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
} from '@temporalio/workflow';
import type { Activities } from '#activities/index';

/**
 * Every activity of lawtrail is a short database transaction, keyed so a retry changes nothing
 * twice: 30 seconds each, retried with backoff until the database is back. No attempt bound: what
 * retrying cannot mend (an integrity violation) fails at once as non-retryable (activities/integrity.ts),
 * and an Update passes that failure to the API; what remains is transient, and a case's timer must not
 * be dropped because the database was away for an hour.
 */
const startToCloseTimeout = '30 seconds';
const retry: RetryPolicy = { initialInterval: '1 second', maximumInterval: '30 seconds' };

const remote = proxyActivities<Activities>({ startToCloseTimeout, retry });

/**
 * The same activities run as local activities: inside the workflow task that calls them, with no
 * activity task queue round trip, so a human step (Update accepted, task closed, record appended, next
 * task opened) is one workflow task. Retries back off inside that task for the first ~15 s (1+2+4+8);
 * from a backoff of 10 s on, each retry waits on a server timer instead, so a database away for an hour
 * does not hold one workflow task all that time (the SDK's default threshold, 1 minute, is above our
 * 30 s maximum interval and would never let go).
 */
const local = proxyLocalActivities<Activities>({ startToCloseTimeout, retry, localRetryThreshold: '10 seconds' });

/**
 * Stay on the task queue: the daily sealing may take long (a month of days at once), and ending a
 * case's workflows (finding them, then terminating each) calls the Temporal server, which a workflow
 * task must not wait on.
 */
const REMOTE_ONLY: ReadonlySet<string> = new Set<keyof Activities>(['sealRecordDays', 'caseWorkflows', 'endCaseWorkflows']);

type AnyActivity = (...args: unknown[]) => Promise<unknown>;

/**
 * What workflow code calls (`const { openTask } = activities`): each call decides where it runs. Added
 * after cases existed: a call in a history recorded before it replays as the activity task it was, and
 * every call made after the upgrade marks `local-writes` and runs locally.
 */
export const activities = new Proxy({} as Activities, {
  get(_, name: string): AnyActivity {
    return async (...args) => {
      if (REMOTE_ONLY.has(name) || !patched('local-writes')) return (remote[name as keyof Activities] as AnyActivity)(...args);
      try {
        return await (local[name as keyof Activities] as AnyActivity)(...args);
      } catch (e) {
        // A local activity's failure arrives bare; wrapped as a task-queue activity's is, so an Update
        // passes on an integrity violation the same way (the API reads ActivityFailure → ApplicationFailure).
        if (e instanceof ApplicationFailure)
          throw new ActivityFailure('Activity task failed', name, undefined, 'NON_RETRYABLE_FAILURE', undefined, e);
        throw e;
      }
    };
  },
});
