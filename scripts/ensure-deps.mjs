#!/usr/bin/env node
// Installs node_modules when missing or stale relative to package-lock.json.
// Runs before node_modules exists, so only Node built-ins may be used here.
//
// Staleness check: SHA-256 of package.json + package-lock.json vs. a stamp we write
// after a successful install. Hashing a few hundred KB takes ~1 ms, so the up-to-date
// path stays cheap enough to run before every test/start command.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LOCK = join(ROOT, 'package-lock.json');
const NODE_MODULES = join(ROOT, 'node_modules');
const STAMP = join(NODE_MODULES, '.lawtrail-lock-hash');
// npm writes this "hidden lockfile" at the end of a successful install; its
// absence means node_modules is missing or an install was interrupted.
const HIDDEN_LOCK = join(NODE_MODULES, '.package-lock.json');

/** @returns {Promise<string>} hex SHA-256 of package.json and package-lock.json */
async function lockHash() {
  const hash = createHash('sha256').update(await readFile(join(ROOT, 'package.json')));
  return hash.update(await readFile(LOCK)).digest('hex');
}

/**
 * @param {string} hash current lock hash
 * @returns {Promise<boolean>} true when node_modules matches the lockfile
 */
async function isUpToDate(hash) {
  if (!existsSync(HIDDEN_LOCK)) return false;
  const stamp = await readFile(STAMP, 'utf8').catch(() => '');
  return stamp.trim() === hash;
}

/**
 * `npm ci`: installs exactly package-lock.json and never writes it, so a fresh clone stays clean.
 * The lockfile lists the optional native builds of every platform (@swc/core-*, @unrs/resolver-binding-*),
 * which the registries serve; an incomplete lockfile would make `npm ci` refuse it as "not in sync".
 * @returns {Promise<void>} resolves when the install exits 0
 */
function npmCi() {
  return new Promise((resolve, reject) => {
    // shell on Windows so npm.cmd resolves; plain exec elsewhere.
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', (err) => reject(new Error(`ensure-deps: could not run npm (${err.message}); is npm on PATH?`)));
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`ensure-deps: \`npm install\` failed (${signal ?? `exit code ${code}`}); see npm output above`)),
    );
  });
}

/**
 * Ensure node_modules is installed and matches package-lock.json.
 * @returns {Promise<{ installed: boolean }>} installed=true when npm ci ran
 */
export async function ensureDeps() {
  if (!existsSync(LOCK)) throw new Error(`ensure-deps: ${LOCK} not found`);
  const hash = await lockHash();
  if (await isUpToDate(hash)) return { installed: false };
  console.error('[lawtrail] node_modules missing or out of date with package-lock.json; running npm ci...');
  await npmCi();
  // Stamp only after success, so a failed/interrupted install is retried next time.
  await writeFile(STAMP, `${hash}\n`);
  return { installed: true };
}

const isMain = process.argv[1] && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  ensureDeps().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
