import 'reflect-metadata';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createWorker } from '#worker/worker';
import { parseEnv } from '#libs/config/env';
import { openDataSource } from '#libs/persistence/data-source';

// The real worker (apps/worker/src/worker.ts) in a process of its own, for a test to SIGKILL.
// Like apps/worker/src/main.ts, but on the workflow bundle the test run already built. It prints
// one line once it polls; the parent waits for it.
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const env = parseEnv(process.env);
  const db = await openDataSource(env.databaseUrl, 5);
  const { worker } = await createWorker(env, db, { workflowBundle: { codePath: process.env.LAWTRAIL_TEST_BUNDLE! } });
  const running = worker.run();
  console.log(`worker polling ${env.taskQueue}`);
  await running;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
