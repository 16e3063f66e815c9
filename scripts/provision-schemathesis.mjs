#!/usr/bin/env node
// Provides the pinned schemathesis (PyPI) for `npm run test:fuzz`: installed once with
// `pip install --target` into the user cache (outside the repo, like the Temporal binaries), per
// Python minor version since some of its dependencies are compiled wheels. Run through
// `python -c`, so the install needs no console scripts and can be moved into place atomically.
// Node built-ins only.
import { execFile, spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMATHESIS = { pypi: 'schemathesis', version: '4.32.5' };

function cacheRoot() {
  if (process.env.LAWTRAIL_CACHE_DIR) return resolve(process.env.LAWTRAIL_CACHE_DIR);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lawtrail');
}

/** @param {string} cmd @param {string[]} args @returns {Promise<string | undefined>} stdout, or undefined on failure */
const output = (cmd, args) => new Promise((res) => execFile(cmd, args, (err, stdout) => res(err ? undefined : stdout.trim())));

/** @returns {Promise<{ python: string, version: string } | undefined>} first Python with a working pip */
async function findPython() {
  for (const python of ['python3', 'python']) {
    const version = await output(python, ['-c', 'import sys, pip; print("%d.%d" % sys.version_info[:2])']);
    if (version) return { python, version };
  }
  return undefined;
}

/**
 * @returns {Promise<{ command: string, args: string[], env: Record<string, string> }>} how to run
 * `schemathesis` (append its arguments to `args`)
 */
export async function schemathesisCommand() {
  const py = await findPython();
  if (!py) throw new Error('npm run test:fuzz needs python3 with pip, to install schemathesis from PyPI');
  const dir = join(cacheRoot(), 'schemathesis', `${SCHEMATHESIS.version}-py${py.version}`);
  const run = {
    command: py.python,
    args: ['-c', 'import sys; from schemathesis.cli import schemathesis; sys.argv[0] = "schemathesis"; sys.exit(schemathesis())'],
    env: { PYTHONPATH: dir },
  };
  // Only complete installs are renamed into place, so the package folder implies a complete install.
  if (existsSync(join(dir, 'schemathesis'))) return run;

  console.error(`[lawtrail] installing ${SCHEMATHESIS.pypi}==${SCHEMATHESIS.version} into ${dir} (one-time)...`);
  await mkdir(join(cacheRoot(), 'schemathesis'), { recursive: true });
  const staging = await mkdtemp(join(cacheRoot(), 'schemathesis', '.staging-'));
  try {
    const code = await new Promise((res) => {
      const child = spawn(
        py.python,
        [
          '-m',
          'pip',
          'install',
          '--quiet',
          '--disable-pip-version-check',
          '--no-input',
          '--target',
          staging,
          `${SCHEMATHESIS.pypi}==${SCHEMATHESIS.version}`,
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      child.on('error', () => res(null));
      child.on('close', res);
    });
    if (code !== 0) throw new Error(`pip install ${SCHEMATHESIS.pypi}==${SCHEMATHESIS.version} failed`);
    try {
      await rename(staging, dir);
    } catch (err) {
      if (!existsSync(join(dir, 'schemathesis'))) throw err; // a concurrent run finished first: keep its copy
    }
    return run;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) console.log(JSON.stringify(await schemathesisCommand(), null, 2));
