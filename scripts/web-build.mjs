#!/usr/bin/env node
// Builds the workbench (apps/web → apps/web/dist, which the API serves at `/`) when it is missing or
// its sources changed since the last build; `--force` builds anyway. Staleness as in ensure-deps.mjs:
// a SHA-256 of the sources (and of the lockfile and the shared libs/domain catalogues and libs/calendar
// dates they import)
// against a stamp written after a successful build. Hashing them takes a few milliseconds; a build
// (vue-tsc, then vite) some 10 s.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'apps/web');
const DIST = join(WEB, 'dist');
const STAMP = join(DIST, '.source-hash');
const SOURCES = [
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.mts'),
  join(WEB, 'src'),
  join(ROOT, 'libs/domain'),
  // China dates for certificate validity and the pickers' defaults (libs/domain/certificates uses them too).
  join(ROOT, 'libs/calendar'),
  join(ROOT, 'package-lock.json'),
];

/** @param {string} path @returns {string[]} the files under path, sorted */
function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** @returns {string} hex SHA-256 over the sources' paths and contents */
export function sourceHash() {
  const hash = createHash('sha256');
  for (const f of SOURCES.flatMap(files)) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f));
  return hash.digest('hex');
}

/** @param {string} what @param {string[]} args a Node script under node_modules and its arguments */
function run(what, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`web-build: ${what} failed (exit code ${code})`))));
  });
}

// The pages are type-checked as they are built: vite only strips the types.
const typeCheck = () => run('vue-tsc', [join(ROOT, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', join(WEB, 'tsconfig.json')]);
const viteBuild = () =>
  run('vite build', [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(WEB, 'vite.config.mts'), '--logLevel', 'warn']);

/** @returns {Promise<{ built: boolean }>} */
export async function ensureWebBuild({ force = false } = {}) {
  const hash = sourceHash();
  const stamp = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  if (!force && stamp === hash && existsSync(join(DIST, 'index.html'))) return { built: false };
  console.error('[lawtrail] type-checking and building the workbench (apps/web)…');
  await typeCheck();
  await viteBuild();
  writeFileSync(STAMP, `${hash}\n`);
  return { built: true };
}

const isMain = process.argv[1] && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  ensureWebBuild({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
