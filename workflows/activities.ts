import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '#activities/index';

/**
 * Every activity of lawtrail is a short database transaction, keyed so a retry changes nothing
 * twice: 30 seconds each, retried with backoff until the database is back. No attempt bound: what
 * retrying cannot mend (an integrity violation) fails at once as non-retryable (activities/integrity.ts),
 * and an Update passes that failure to the API; what remains is transient, and a case's timer must not
 * be dropped because the database was away for an hour.
 */
export const activities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
