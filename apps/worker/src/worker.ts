import { Client } from '@temporalio/client';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createActivities } from '#activities/index';
import { Env } from '#libs/config/env';
import { dataConverter } from '#libs/temporal/data-converter';
import { aliasLibs } from './bundle';
import { ensureSchedules } from './schedules';

/**
 * The worker runs every workflow and activity of lawtrail on one task queue, and makes sure the
 * daily sealing of the record's day heads is scheduled on it. Tests pass a
 * prebuilt workflow bundle so they do not bundle once per test file.
 */
export async function createWorker(
  env: Env,
  db: DataSource,
  workflows: Pick<WorkerOptions, 'workflowsPath' | 'workflowBundle'> = { workflowsPath: require.resolve('../../../workflows') },
  o: { schedules?: boolean } = {},
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: env.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: env.temporalNamespace,
    taskQueue: env.taskQueue,
    dataConverter,
    // The case-operation activities end a terminated case's workflows through the same connection.
    activities: createActivities(db, new Client({ connection, namespace: env.temporalNamespace, dataConverter }), env.storageDir),
    // A case's workflows wait on people for hours or days, so caching them buys little, while the
    // SDK's default (sized from the heap limit: 2,310 on a 4 GB heap) grew the worker by ~330 KiB per
    // open case up to ~1.1 GB; 500 holds every workflow in flight at once (bench/README.md, scenario 4).
    maxCachedWorkflows: 500,
    ...workflows,
    ...(workflows.workflowsPath ? { bundlerOptions: { webpackConfigHook: aliasLibs(workflows.workflowsPath) } } : {}),
  });
  // Temporal's time-skipping test server has no schedules: tests on it pass `schedules: false`.
  if (o.schedules !== false) await ensureSchedules(env);
  return { worker, connection };
}
