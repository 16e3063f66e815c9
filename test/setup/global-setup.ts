import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { aliasLibs } from '../../apps/worker/src/bundle';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// Relative, not #libs/…: jest loads its global setup with plain Node resolution, which maps the aliases to dist/.
import { APP_ROLE, ensureAppLogin } from '../../libs/persistence/app-role';

/**
 * Starts the real servers once for the whole run, on free ports, and hands their addresses to
 * the test files through the environment: PostgreSQL (embedded unless DATABASE_URL is set),
 * the Temporal dev server (unless TEMPORAL_ADDRESS is set), and one workflow bundle.
 */
export default async function globalSetup(): Promise<void> {
  const started: { stop: () => Promise<unknown> }[] = [];
  (globalThis as { __lawtrail?: unknown }).__lawtrail = started;
  const { startPostgres, freePort } = await import('../../scripts/postgres.mjs');
  const { temporalCliPath, temporalTestServerPath } = await import('../../scripts/provision-temporal.mjs');
  const [cli, testServer] = await Promise.all([temporalCliPath(), temporalTestServerPath()]);
  if (testServer) process.env.LAWTRAIL_TEST_SERVER_PATH = testServer;
  const scratch = mkdtempSync(join(tmpdir(), 'lawtrail-test-'));
  chmodSync(scratch, 0o755); // PostgreSQL's own user must enter it (see scripts/postgres.mjs)

  const pgUrl = process.env.DATABASE_URL;
  if (pgUrl) process.env.LAWTRAIL_TEST_PG_URL = pgUrl;
  else {
    const pg = await startPostgres({ dir: join(scratch, 'pg'), port: await freePort(), persistent: false });
    started.push(pg);
    process.env.LAWTRAIL_TEST_PG_URL = pg.url;
  }

  await appLogin(process.env.LAWTRAIL_TEST_PG_URL!);

  if (process.env.TEMPORAL_ADDRESS) process.env.LAWTRAIL_TEST_TEMPORAL = process.env.TEMPORAL_ADDRESS;
  else {
    const env = await TestWorkflowEnvironment.createLocal({
      server: { ip: '127.0.0.1', executable: cli ? { type: 'existing-path', path: cli } : undefined },
    });
    started.push({ stop: () => env.teardown() });
    process.env.LAWTRAIL_TEST_TEMPORAL = env.address;
  }

  const workflowsPath = require.resolve('../../workflows');
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    webpackConfigHook: aliasLibs(workflowsPath),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  const bundlePath = join(scratch, 'workflow-bundle.js');
  writeFileSync(bundlePath, code);
  process.env.LAWTRAIL_TEST_BUNDLE = bundlePath;
}

/**
 * The API and the worker of the end-to-end tests log in as `lawtrail_app`, as in production. On a
 * server of your own (DATABASE_URL) that already has the role, LAWTRAIL_APP_DB_PASSWORD names its
 * password; otherwise the test user must be allowed to create roles.
 */
async function appLogin(adminUrl: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const given = process.env.LAWTRAIL_APP_DB_PASSWORD;
    const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    if (!(given && rowCount)) await ensureAppLogin((sql, params) => admin.query(sql, params), given ?? 'lawtrail-app-test');
    process.env.LAWTRAIL_TEST_APP_PASSWORD = given ?? 'lawtrail-app-test';
  } finally {
    await admin.end();
  }
}
