#!/usr/bin/env node
// Provides a real Temporal server (not the CLI's dev server) for `npm run bench -- --server=postgres`:
// `temporal-server` and `temporal-sql-tool`, built from the Go module proxy with `go install`, with the
// module's PostgreSQL schemas and development configs copied beside them. No Temporal release binary
// can be downloaded here, but Go modules can.
//
// Resolution: LAWTRAIL_TEMPORAL_SERVER_DIR (a folder laid out like the cache's, see below) -> the
// user cache (shared with provision-temporal.mjs, reused across clones) -> a build (about 3 minutes).
// Node built-ins only, like provision-temporal.mjs.
import { spawn } from 'node:child_process';
import { constants, existsSync, realpathSync } from 'node:fs';
import { access, chmod, cp, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPORAL_SERVER = { module: 'go.temporal.io/server', version: '1.32.2' };
/** 1.32.2's go.mod asks for Go ≥ 1.26.10; GOTOOLCHAIN makes `go` fetch this one from the module proxy. */
export const GO_TOOLCHAIN = 'go1.27.3';

/** What a server folder holds (the cache's, or LAWTRAIL_TEMPORAL_SERVER_DIR's). */
const LAYOUT = {
  server: 'temporal-server',
  sqlTool: 'temporal-sql-tool',
  schema: 'schema/postgresql/v12', // temporal/versioned and visibility/versioned
  config: 'config/development-postgres12.yaml',
  dynamicConfig: 'config/dynamicconfig/development-sql.yaml',
};

/** @typedef {{ dir: string, server: string, sqlTool: string, schema: string, config: string, dynamicConfig: string }} ServerFiles */

/** The same cache root as provision-temporal.mjs. */
function cacheRoot() {
  if (process.env.LAWTRAIL_CACHE_DIR) return resolve(process.env.LAWTRAIL_CACHE_DIR);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lawtrail');
}

/** @param {string} dir @returns {ServerFiles} */
function filesIn(dir) {
  return { dir, ...Object.fromEntries(Object.entries(LAYOUT).map(([k, p]) => [k, join(dir, p)])) };
}

/** @param {ServerFiles} f @returns {Promise<string[]>} what is missing or not executable */
async function missing(f) {
  const out = [];
  for (const p of [f.server, f.sqlTool]) {
    try {
      await access(p, constants.X_OK);
    } catch {
      out.push(p);
    }
  }
  for (const p of [f.schema, f.config, f.dynamicConfig]) if (!existsSync(p)) out.push(p);
  return out;
}

/**
 * Runs `go` with stdout and stderr kept (for the error message) and a dot every 30 s on stderr,
 * as the build is silent for minutes.
 * @param {string[]} args @param {Record<string, string>} env
 * @returns {Promise<{ code: number | null, output: string }>}
 */
function go(args, env) {
  return new Promise((res) => {
    const child = spawn('go', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const dots = setInterval(() => process.stderr.write('.'), 30_000);
    child.on('error', (err) => (clearInterval(dots), res({ code: null, output: String(err) })));
    child.on('close', (code) => (clearInterval(dots), res({ code, output })));
  });
}

/** Module-cache files are read-only; the copies must be removable like the rest of the cache. */
async function makeWritable(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      await chmod(p, 0o755);
      await makeWritable(p);
    } else await chmod(p, 0o644);
  }
}

/**
 * Builds both binaries into `staging` and copies the schemas and configs from the module cache.
 * First with GO_TOOLCHAIN; if that toolchain cannot be had, with the installed Go (which must be
 * new enough for the module: `go` says so if not).
 * @param {string} staging
 */
async function build(staging) {
  const { module, version } = TEMPORAL_SERVER;
  const bin = join(staging, 'bin');
  const pkgs = [`${module}/cmd/server@v${version}`, `${module}/cmd/tools/sql@v${version}`];
  let toolchain = GO_TOOLCHAIN;
  let r = await go(['install', ...pkgs], { GOTOOLCHAIN: toolchain, GOBIN: bin });
  if (r.code !== 0 && /toolchain|go1\.\d+\.\d+.*(not found|unknown revision|download)/i.test(r.output)) {
    console.error(`\n[lawtrail] ${GO_TOOLCHAIN} could not be had (${r.output.trim().split('\n').pop()}); trying the installed Go`);
    toolchain = 'local';
    r = await go(['install', ...pkgs], { GOTOOLCHAIN: toolchain, GOBIN: bin });
  }
  if (r.code === null) throw new Error('no `go` on PATH: install Go, or set LAWTRAIL_TEMPORAL_SERVER_DIR (see bench/README.md)');
  if (r.code !== 0) throw new Error(`go install of the Temporal server failed:\n${r.output.trim().split('\n').slice(-15).join('\n')}`);
  await rename(join(bin, 'server'), join(staging, LAYOUT.server));
  await rename(join(bin, 'sql'), join(staging, LAYOUT.sqlTool));
  await rm(bin, { recursive: true });

  const modCache = (await go(['env', 'GOMODCACHE'], { GOTOOLCHAIN: toolchain })).output.trim();
  const src = join(modCache, `${module}@v${version}`);
  for (const p of [LAYOUT.schema, LAYOUT.config, LAYOUT.dynamicConfig]) await cp(join(src, p), join(staging, p), { recursive: true });
  await makeWritable(join(staging, 'schema'));
  await makeWritable(join(staging, 'config'));
  return toolchain;
}

/** @returns {Promise<ServerFiles>} the Temporal server's files, built once into the cache if needed */
export async function temporalServerFiles() {
  const explicit = process.env.LAWTRAIL_TEMPORAL_SERVER_DIR;
  if (explicit) {
    const f = filesIn(resolve(explicit));
    const gone = await missing(f);
    if (gone.length) throw new Error(`LAWTRAIL_TEMPORAL_SERVER_DIR=${explicit} lacks ${gone.join(', ')}`);
    return f;
  }
  const root = join(cacheRoot(), 'temporal');
  const dir = join(root, `server-${TEMPORAL_SERVER.version}`);
  // Only a complete folder is ever renamed into place, so existence implies complete.
  if (existsSync(dir)) return filesIn(dir);

  console.error(`[lawtrail] building Temporal server ${TEMPORAL_SERVER.version} with go install into ${dir} (one-time, about 3 minutes)`);
  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(join(root, '.staging-server-'));
  try {
    const toolchain = await build(staging);
    const gone = await missing(filesIn(staging));
    if (gone.length) throw new Error(`the build left out ${gone.join(', ')}`);
    await chmod(staging, 0o755); // mkdtemp makes it 0700; the cache's other folders are 0755
    try {
      await rename(staging, dir);
    } catch (err) {
      // A concurrent run finished first: its folder is complete, keep it.
      if (!(await stat(dir).catch(() => null))) throw err;
    }
    console.error(`\n[lawtrail] Temporal server built (Go toolchain: ${toolchain})`);
    return filesIn(dir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    console.log(JSON.stringify(await temporalServerFiles(), null, 2));
  } catch (err) {
    console.error(`[lawtrail] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
