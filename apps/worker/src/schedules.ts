import { Client, Connection, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { Env } from '#libs/config/env';
import { dataConverter } from '#libs/temporal/data-converter';
import { scheduleIdForRecordHeads } from '#libs/messages/record-heads';

/**
 * The daily sealing of the record's day heads, at 00:10 China time: 16:10 UTC, since Asia/Shanghai
 * keeps UTC+08:00 without daylight saving (libs/calendar/dates.ts) and the server needs no tz data.
 * Created at every worker start; an existing schedule is left as it is. A run missed while the
 * server was down is caught up within a day, and any later run seals every day still missing.
 */
export async function ensureSchedules(env: Env): Promise<void> {
  const connection = await Connection.connect({ address: env.temporalAddress });
  try {
    const client = new Client({ connection, namespace: env.temporalNamespace, dataConverter });
    await client.schedule
      .create({
        scheduleId: scheduleIdForRecordHeads(env.taskQueue),
        spec: { calendars: [{ hour: 16, minute: 10 }] },
        action: {
          type: 'startWorkflow',
          workflowType: 'sealRecordDaysWorkflow',
          taskQueue: env.taskQueue,
          args: [{}],
          workflowId: `record-heads-${env.taskQueue}`,
        },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      })
      .catch((err: unknown) => {
        if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      });
  } finally {
    await connection.close();
  }
}
