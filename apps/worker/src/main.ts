import 'reflect-metadata';
import { parseEnv } from '#libs/config/env';
import { openDataSource } from '#libs/persistence/data-source';
import { createWorker } from './worker';

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const db = await openDataSource(env.appDatabaseUrl);
  const { worker, connection } = await createWorker(env, db);
  console.log(`lawtrail worker polling task queue "${env.taskQueue}" on ${env.temporalAddress}`);
  // The SDK stops polling on SIGINT/SIGTERM and lets running tasks finish before run() resolves.
  await worker.run();
  await connection.close();
  await db.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
