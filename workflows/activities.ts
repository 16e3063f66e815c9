import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

/**
 * Every activity of lawtrail is a short database transaction, keyed so a retry changes nothing
 * twice: 30 seconds each, retried with backoff until the database is back.
 */
export const activities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
