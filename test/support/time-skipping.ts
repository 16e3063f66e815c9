import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { TestDatabase, freshDatabase } from './database';

export interface TimeSkipping {
  env: TestWorkflowEnvironment;
  database: TestDatabase;
  taskQueue: string;
  stop(): Promise<void>;
}

/**
 * Temporal's time-skipping test server with a real worker whose activities write to a fresh
 * PostgreSQL database: workflow tests see what people would see, and days pass in milliseconds.
 */
export async function startTimeSkipping(taskQueue: string): Promise<TimeSkipping> {
  const path = process.env.LAWTRAIL_TEST_SERVER_PATH;
  const env = await TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
  const database = await freshDatabase();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: process.env.LAWTRAIL_TEST_BUNDLE! },
    activities: createActivities(database.db),
  });
  const running = worker.run();
  return {
    env,
    database,
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await database.drop();
      await env.teardown();
    },
  };
}
