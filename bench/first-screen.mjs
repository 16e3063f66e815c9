// `npm run bench:first-screen`: how long the first screen after login (the 待办) takes to become
// interactive in Chromium, on the dev stack this script starts (scripts/dev.mjs on free ports, with a
// scratch data folder, stopped at the end), and the JavaScript (gzip) the browser loaded for it.
// Reported, not asserted. Two measures, each the median of RUNS fresh browser contexts (cold cache):
// - login → 待办: from the click on 登录 on the loaded login page until the 待办 has its list (the API's
//   answer shown, filters usable): the page chunks of the layout and the 待办 are fetched then;
// - 待办 cold load: a logged-in tab opened on `/`, from navigation start (performance timing) to the same point.
/* global document, performance, sessionStorage -- the page functions below run in the browser */
import { spawn } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort } from '../scripts/postgres.mjs';
import { ensureWebBuild } from '../scripts/web-build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'apps/web/dist');
const RUNS = Number(process.env.LAWTRAIL_BENCH_RUNS ?? 5);
const USER = 'xlt.officer1';
const PASSWORD = 'lawtrail-demo'; // DEMO_PASSWORD of apps/api/src/auth/demo-users.ts

/** The 待办 shown with the API's answer (its list or 暂无待办), as a page function: the time since navigation start, else 0. */
const READY = () =>
  document.querySelector('h1')?.textContent === '待办' && document.querySelector('.tasks li, .el-empty') ? performance.now() : 0;

async function startDevStack(scratch) {
  const port = await freePort();
  const env = {
    ...process.env,
    LAWTRAIL_DATA_DIR: scratch,
    PORT: String(port),
    LAWTRAIL_PG_PORT: String(await freePort()),
    LAWTRAIL_TEMPORAL_PORT: String(await freePort()),
    LAWTRAIL_TEMPORAL_UI_PORT: String(await freePort()),
  };
  const dev = spawn(process.execPath, ['scripts/dev.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(scratch, 'dev.log'));
  dev.stdout.pipe(log);
  dev.stderr.pipe(log);
  await new Promise((resolve, reject) => {
    dev.stdout.on('data', (b) => /is running/.test(String(b)) && resolve());
    dev.on('exit', (code) => reject(new Error(`the dev stack exited (${code}); see ${join(scratch, 'dev.log')}`)));
  });
  const stop = () => new Promise((r) => (dev.once('exit', r), dev.kill('SIGINT')));
  return { url: `http://127.0.0.1:${port}`, stop };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One fresh context; collects the JavaScript files it loaded. */
async function context(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  const scripts = new Set();
  page.on('response', (r) => new URL(r.url()).pathname.endsWith('.js') && scripts.add(new URL(r.url()).pathname));
  return { ctx, page, scripts };
}

async function loginToTasks(browser, url) {
  const { ctx, page, scripts } = await context(browser);
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(USER);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: '登录' }).click();
  const end = await (await page.waitForFunction(READY, undefined, { polling: 'raf' })).jsonValue();
  await ctx.close();
  return { ms: end - start, scripts };
}

async function coldTasks(browser, url, session) {
  const { ctx, page, scripts } = await context(browser);
  await page.addInitScript((s) => sessionStorage.setItem('lawtrail.session', s), JSON.stringify(session));
  await page.goto(`${url}/`);
  const end = await (await page.waitForFunction(READY, undefined, { polling: 'raf' })).jsonValue();
  const interactive = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domInteractive);
  await ctx.close();
  return { ms: end, domInteractive: interactive, scripts };
}

const gzipOf = (paths) => [...paths].reduce((n, p) => n + gzipSync(readFileSync(join(DIST, p))).length, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

await ensureWebBuild();
const scratch = mkdtempSync(join(tmpdir(), 'lawtrail-first-screen-'));
chmodSync(scratch, 0o755); // PostgreSQL's own user must enter it (see scripts/postgres.mjs)
console.error('[bench] starting the dev stack (scripts/dev.mjs) on free ports…');
const stack = await startDevStack(scratch);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const login = await fetch(`${stack.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  }).then((r) => r.json());
  const session = { token: login.accessToken, user: { ...login.user, mustChangePassword: login.mustChangePassword } };
  // One warm-up of each: the API's first answers (the JIT, the connection pools) are not the user's.
  await loginToTasks(browser, stack.url);
  await coldTasks(browser, stack.url, session);
  const viaLogin = [];
  const cold = [];
  for (let i = 0; i < RUNS; i++) {
    viaLogin.push(await loginToTasks(browser, stack.url));
    cold.push(await coldTasks(browser, stack.url, session));
  }
  const all = new Set(cold.flatMap((r) => [...r.scripts]));
  const afterLogin = new Set(viaLogin.flatMap((r) => [...r.scripts]));
  console.log(`first screen after login (待办, ${USER}), median of ${RUNS}, Chromium 1366×768, cache cold:`);
  console.log(`  login → 待办 interactive: ${median(viaLogin.map((r) => r.ms)).toFixed(0)} ms`);
  console.log(
    `  待办 cold load (navigation start → list shown): ${median(cold.map((r) => r.ms)).toFixed(0)} ms (domInteractive ${median(cold.map((r) => r.domInteractive)).toFixed(0)} ms)`,
  );
  console.log(`  JavaScript for the 待办 cold load (gzip): ${kb(gzipOf(all))} in ${all.size} files`);
  console.log(`  JavaScript for login + 待办 (gzip): ${kb(gzipOf(afterLogin))} in ${afterLogin.size} files`);
} finally {
  await browser.close();
  await stack.stop();
  rmSync(scratch, { recursive: true, force: true });
}
