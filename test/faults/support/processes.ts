import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { eventually } from '../../support/database';

// The servers and the worker of a fault test, each in a process the test can kill and start again
// on the same port with the same data: unlike the shared ones global-setup starts for the run.

const ROOT = join(__dirname, '../../..');

/** A child process whose last output lines are kept, to explain a failure. */
class Child {
  readonly tail: string[] = [];
  readonly exited: Promise<number | null>;

  constructor(
    readonly proc: ChildProcess,
    name: string,
  ) {
    const keep = (b: Buffer) => {
      this.tail.push(
        ...String(b)
          .split('\n')
          .filter(Boolean)
          .map((l) => `[${name}] ${l}`),
      );
      this.tail.splice(0, Math.max(0, this.tail.length - 40));
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((r) => proc.once('exit', (code) => r(code)));
  }

  /** Until the process printed a line matching `ready`; fails with its output if it exits first. */
  async until(ready: RegExp, ms: number): Promise<void> {
    const seen = eventually(async () => (this.tail.some((l) => ready.test(l)) ? true : undefined), ms);
    const died = this.exited.then((code) => Promise.reject(new Error(`exited (${code}) before it was ready:\n${this.tail.join('\n')}`)));
    await Promise.race([seen, died]);
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill(signal);
    await this.exited;
  }
}

/** `temporal server start-dev` on a fixed port with a SQLite file, so a restart finds its workflows and timers. */
export class TemporalServer {
  private child?: Child;

  constructor(
    private readonly cli: string,
    readonly port: number,
    private readonly dbFile: string,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(this.port),
      '--db-filename',
      this.dbFile,
      '--headless',
      '--log-level',
      'error',
    ];
    this.child = new Child(spawn(this.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] }), 'temporal');
    // Ready once it answers, not once it listens: the frontend accepts connections before it serves.
    await eventually(async () => {
      const c = await Connection.connect({ address: this.address, connectTimeout: 1000 }).catch(() => undefined);
      if (!c) return undefined;
      await c.close();
      return true;
    }, 60_000).catch((e) => Promise.reject(new Error(`${e.message}\n${this.child?.tail.join('\n')}`)));
  }

  /** SIGKILL: a crash, with nothing flushed or said goodbye to. */
  async kill(): Promise<void> {
    await this.child?.kill('SIGKILL');
  }
}

/** The real worker in its own process (support/worker-main.ts), compiled on load by swc. */
export class WorkerProcess {
  private child?: Child;
  /** How often it was started and killed. */
  starts = 0;
  kills = 0;

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const args = ['-r', join(__dirname, 'swc-register.js'), join(__dirname, 'worker-main.ts')];
    const env = { ...process.env, ...this.env };
    this.child = new Child(spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }), 'worker');
    await this.child.until(/worker polling/, 60_000);
    this.starts++;
  }

  /** SIGKILL: the process ends wherever it is, mid-activity or mid-transaction included. */
  async kill(): Promise<void> {
    await this.child?.kill('SIGKILL');
    this.kills++;
  }

  async stop(): Promise<void> {
    await this.child?.kill('SIGTERM');
  }

  get output(): string {
    return this.child?.tail.join('\n') ?? '';
  }
}

/** A PostgreSQL of the test's own with persistent data (support/postgres-main.mjs), to be stopped and started on the same port. */
export class OwnPostgres {
  private readonly scratch = mkdtempSync(join(tmpdir(), 'lawtrail-fault-pg-'));
  private child?: Child;

  constructor(readonly port: number) {
    chmodSync(this.scratch, 0o755); // PostgreSQL's own user must enter it (see scripts/postgres.mjs)
  }

  /** The admin URL. */
  get url(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const args = [join(__dirname, 'postgres-main.mjs'), join(this.scratch, 'pg'), String(this.port)];
    this.child = new Child(spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }), 'postgres');
    await this.child.until(/postgres ready/, 120_000);
  }

  /** PostgreSQL's fast shutdown: every session ends, open transactions roll back. */
  async stop(): Promise<void> {
    await this.child?.kill('SIGTERM');
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

/** The pinned Temporal CLI (scripts/provision-temporal.mjs; an ES module, which jest's test files cannot import). */
export function temporalCli(): string {
  const script = `import('./scripts/provision-temporal.mjs').then(async (m) => console.log((await m.temporalCliPath()) ?? ''))`;
  const cli = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (!cli) throw new Error('the fault tests need the Temporal CLI: see README "Pointing at your own Temporal" (TEMPORAL_CLI_PATH)');
  return cli;
}

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A scratch folder for a test's own server files, removed by the caller. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
