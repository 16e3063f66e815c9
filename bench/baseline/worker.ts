import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { createBaselineActivities } from './activities';
import { BASELINE_TABLE } from './messages';
import { FAIR_TABLES, createStepActivities } from './steps';

/**
 * The baseline worker, a process of its own like lawtrail's (`apps/worker/src/main.ts`), with the
 * SDK's defaults. Env: DATABASE_URL (its own database), TEMPORAL_ADDRESS, LAWTRAIL_TASK_QUEUE.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  await pool.query(BASELINE_TABLE);
  await pool.query(FAIR_TABLES);
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.LAWTRAIL_TASK_QUEUE!,
    workflowsPath: require.resolve('./workflows'),
    activities: { ...createBaselineActivities(pool), ...createStepActivities(pool) },
  });
  console.log(`baseline worker polling task queue "${process.env.LAWTRAIL_TASK_QUEUE}"`);
  await worker.run();
  await connection.close();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
