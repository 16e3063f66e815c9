import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { ServerPorts, TEMPORAL_DATABASE_PREFIX, temporalPostgresConfig } from './temporal-config';

/** What scripts/provision-temporal-server.mjs hands over. */
export interface ServerFiles {
  server: string;
  sqlTool: string;
  schema: string;
  config: string;
  dynamicConfig: string;
}

export interface TemporalPostgres {
  address: string;
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL after 20 s) and drops its databases. */
  stop: () => Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;

/**
 * Free ports for the server: gRPC and HTTP from the kernel (`freePort`), as the bench's others;
 * membership ports below 32 768, as the server stores them in a `smallint` column
 * (cluster_membership.rpc_port) and the kernel's ephemeral ports start at 32 768.
 */
export async function serverPorts(freePort: () => Promise<number>): Promise<ServerPorts> {
  const taken = new Set<number>();
  const low = async () => {
    for (let i = 0; i < 100; i++) {
      const port = 20_000 + Math.floor(Math.random() * 12_000);
      if (!taken.has(port) && (await isFree(port))) return (taken.add(port), port);
    }
    throw new Error('no free port between 20000 and 32000 for the Temporal server');
  };
  return {
    frontend: await freePort(),
    frontendHttp: await freePort(),
    history: await freePort(),
    matching: await freePort(),
    worker: await freePort(),
    frontendMembership: await low(),
    historyMembership: await low(),
    matchingMembership: await low(),
    workerMembership: await low(),
  };
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * A real Temporal server on PostgreSQL for the bench: its two databases in the bench's PostgreSQL
 * (`adminUrl`, a role that may create databases), their schemas set up by temporal-sql-tool from the
 * module's versioned folders, the server started on free ports with its log in `logs`, and the
 * `default` namespace registered through the CLI, as docker/compose.yaml's auto-setup image does
 * (the server registers none itself). `onExit` is called if the server dies while in use.
 */
export async function startTemporalPostgres(o: {
  files: ServerFiles;
  cli: string;
  adminUrl: string;
  tag: string;
  ports: ServerPorts;
  logs: string;
  onExit: (code: number | null) => void;
}): Promise<TemporalPostgres> {
  const admin = new URL(o.adminUrl);
  const pg = {
    host: admin.hostname,
    port: Number(admin.port || 5432),
    user: decodeURIComponent(admin.username),
    password: decodeURIComponent(admin.password),
  };
  // Named per run, like lawtrail's own bench databases, so a DATABASE_URL server's `temporal` is never touched.
  const databases = { default: `${TEMPORAL_DATABASE_PREFIX}${o.tag}`, visibility: `${TEMPORAL_DATABASE_PREFIX}visibility_${o.tag}` };
  const toolLog = join(o.logs, 'temporal-sql-tool.log');
  const dropDatabases = async () => {
    const c = new Client({ connectionString: o.adminUrl });
    await c.connect();
    for (const db of Object.values(databases)) await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await c.end();
  };
  try {
    for (const [db, folder] of [
      [databases.default, 'temporal'],
      [databases.visibility, 'visibility'],
    ]) {
      const sql = (...args: string[]) =>
        run(
          o.files.sqlTool,
          [
            '--plugin',
            'postgres12',
            '--ep',
            pg.host,
            '--port',
            String(pg.port),
            '--user',
            pg.user,
            '--password',
            pg.password,
            '--db',
            db,
            ...args,
          ],
          toolLog,
        );
      await sql('create-database');
      await sql('setup-schema', '-v', '0.0');
      await sql('update-schema', '-d', join(o.files.schema, folder, 'versioned'));
    }
  } catch (err) {
    await dropDatabases().catch(() => undefined);
    throw err;
  }

  const configFile = join(o.logs, 'temporal-server.yaml');
  writeFileSync(
    configFile,
    temporalPostgresConfig(readFileSync(o.files.config, 'utf8'), {
      postgres: pg,
      databases,
      ports: o.ports,
      dynamicConfig: o.files.dynamicConfig,
    }),
  );
  const serverLog = join(o.logs, 'temporal-server.log');
  const server = spawn(o.files.server, ['--allow-no-auth', '--config-file', configFile, 'start'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(serverLog);
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  let stopping = false;
  server.on('exit', (code) => !stopping && o.onExit(code));
  const stop = async () => {
    stopping = true;
    await stopProcess(server);
    await dropDatabases();
  };
  const address = `127.0.0.1:${o.ports.frontend}`;
  try {
    await registerDefaultNamespace(o.cli, address, join(o.logs, 'temporal-namespace.log'), server);
  } catch (err) {
    await stop().catch(() => undefined);
    throw new Error(`${err instanceof Error ? err.message : err}; the server's log: ${serverLog}`);
  }
  return { address, pid: server.pid!, stop };
}

/**
 * Creates `default` as soon as the frontend answers, then waits until a workflow call in it is
 * accepted: the frontend's namespace registry learns of a new namespace only on its next refresh.
 */
async function registerDefaultNamespace(cli: string, address: string, logFile: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const retry = async (what: string, args: string[]) => {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the Temporal server exited (${server.exitCode}) before ${what}`);
      try {
        return await run(cli, [...args, '--address', address], logFile);
      } catch (err) {
        // A create that timed out on our side may have gone through on the server's.
        if (/already exists/i.test(String(err))) return;
        if (Date.now() > deadline) throw new Error(`the Temporal server did not ${what} in ${READY_TIMEOUT_MS / 1000} s: ${err}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  // Retention as the CLI's dev server sets it: histories of closed workflows are kept a day here.
  await retry('register the namespace', ['operator', 'namespace', 'create', '--namespace', 'default', '--retention', '24h']);
  await retry('serve the namespace', ['workflow', 'count', '--namespace', 'default']);
}

/** Runs a tool to completion, its output appended to `logFile`; rejects with its last line. */
function run(cmd: string, args: string[], logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`$ ${[cmd, ...args].join(' ')}\n`);
    let out = '';
    const keep = (b: Buffer) => ((out += b), log.write(b));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      log.end();
      if (code === 0) resolve();
      else reject(new Error(`${cmd.split('/').pop()} ${args[0]} failed (${code}): ${out.trim().split('\n').pop()}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}
