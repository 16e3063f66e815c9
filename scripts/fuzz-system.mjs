// The whole system for `npm run test:fuzz` (scripts/fuzz.mjs), as `npm run dev` starts it but nothing kept:
// embedded PostgreSQL in a scratch folder, the Temporal dev server in memory, migrations, demo users,
// worker and API on free ports; and stopping it all, in reverse order, when the run ends or fails.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startPostgres } from './postgres.mjs';
import { temporalCliPath } from './provision-temporal.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const stops = [];
const children = new Set();
let stopping = false;

/** Runs `stop` when the system stops, before what was started earlier (the reverse order of starting). */
export function onStop(stop) {
  stops.push(stop);
}

function node(name, args, env, { wait }) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  for (const s of [child.stdout, child.stderr]) s.on('data', (b) => logs.push(String(b)));
  child.logs = logs;
  if (!wait) {
    children.add(child);
    child.on('exit', (code) => {
      children.delete(child);
      if (!stopping) fail(`${name} exited (${code}):\n${logs.join('').slice(-3000)}`);
    });
    return Promise.resolve(child);
  }
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(child) : reject(new Error(`${name} failed (${code}):\n${logs.join('').slice(-3000)}`)),
    ),
  );
}

export async function stopAll() {
  if (stopping) return;
  stopping = true;
  await Promise.all([...children].map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGTERM')))));
  for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
}

export async function fail(message) {
  console.error(`[fuzz] ${message}`);
  await stopAll();
  process.exit(1);
}

async function waitForHealth(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`API did not become healthy at ${url}`);
}

/** The whole system, as `npm run dev` starts it, on free ports and in a scratch folder. */
export async function startSystem(scratch) {
  console.log('[fuzz] compiling TypeScript…');
  await node('tsc', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {}, { wait: true });
  const pg = await startPostgres({ dir: join(scratch, 'pg'), port: await freePort(), persistent: false });
  stops.push(pg.stop);
  const { Client } = require('pg');
  const admin = new Client({ connectionString: pg.url });
  await admin.connect();
  await admin.query('CREATE DATABASE lawtrail');
  await admin.end();
  const databaseUrl = pg.url.replace(/\/postgres$/, '/lawtrail');
  const appUrl = new URL(databaseUrl);
  [appUrl.username, appUrl.password] = ['lawtrail_app', 'lawtrail-app-fuzz'];

  const cli = await temporalCliPath();
  const { TestWorkflowEnvironment } = require('@temporalio/testing');
  require('@temporalio/worker').Runtime.install({ shutdownSignals: [] });
  const temporal = await TestWorkflowEnvironment.createLocal({
    server: { executable: cli ? { type: 'existing-path', path: cli } : undefined, ip: '127.0.0.1' },
  });
  stops.push(() => temporal.teardown());

  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    DATABASE_APP_URL: appUrl.toString(),
    LAWTRAIL_APP_DB_PASSWORD: 'lawtrail-app-fuzz',
    TEMPORAL_ADDRESS: temporal.address,
    PORT: String(port),
    LAWTRAIL_STORAGE_DIR: join(scratch, 'storage'),
    // The API generates its signing key here (nothing kept), listens on 127.0.0.1, and lets schemathesis
    // try the login as often as it likes (per address: its probes all come from one).
    LAWTRAIL_DATA_DIR: scratch,
    HOST: '127.0.0.1',
    LAWTRAIL_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '100000',
  };
  await node('migrate', ['dist/apps/api/src/cli/migrate.js'], env, { wait: true });
  await node('seed', ['dist/apps/api/src/cli/seed-demo.js'], env, { wait: true });
  const worker = await node('worker', ['dist/apps/worker/src/main.js'], env, { wait: false });
  const api = await node('api', ['dist/apps/api/src/main.js'], env, { wait: false });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(`${base}/api/health`, 120_000);
  return { base, databaseUrl, api, worker };
}
