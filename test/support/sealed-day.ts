import { Client, Connection } from '@temporalio/client';
import { addDays, chinaDate, chinaDayStart } from '#libs/calendar/dates';
import { dataConverter } from '#libs/temporal/data-converter';
import { TestSystem } from './system';

/** Long enough for a record-heads test file to file its cases, seal and run its tests within one China day. */
const ROOM_MS = 180_000;

/**
 * A system with two filed cases of 兴隆台 whose entries all fall on one China day, sealed through
 * that day (the schedule seals the day that ended; here today is sealed early, its later entries go to
 * tomorrow's head). Run within a few minutes of China midnight, it first waits for the next day, so the
 * day the tests name is the entries' own day whatever the hour.
 */
export async function twoCasesSealedToday(): Promise<{ sys: TestSystem; temporal: Client; a: string; b: string; today: string }> {
  const untilMidnight = chinaDayStart(addDays(chinaDate(new Date()), 1)).getTime() - Date.now();
  if (untilMidnight < ROOM_MS) await new Promise((r) => setTimeout(r, untilMidnight + 1000));
  const today = chinaDate(new Date());
  const sys = await TestSystem.start();
  const temporal = new Client({ connection: await Connection.connect({ address: process.env.LAWTRAIL_TEST_TEMPORAL! }), dataConverter });
  const [a, b] = [await sys.filedCase('xlt'), await sys.filedCase('xlt')];
  await temporal.workflow.execute('sealRecordDaysWorkflow', {
    taskQueue: sys.env.taskQueue,
    workflowId: `seal-${sys.env.taskQueue}`,
    args: [{ through: today }],
  });
  return { sys, temporal, a, b, today };
}

/** Time for `twoCasesSealedToday` in a `beforeAll`: the wait for midnight and the start. */
export const SEALED_DAY_SETUP_MS = ROOM_MS + 120_000;
