import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#api/auth/demo-users';

/** Screenshots of the browser tests: git-ignored, kept after the run to look at. */
export const SCREENSHOTS = join('test-output', 'browser');

/** Installs Debian packages when this is a root shell with apt-get; false when it cannot. */
function aptInstall(packages: string[]): boolean {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return true;
}

/** Whether fontconfig knows a font with Chinese glyphs (without one every page is boxes in the screenshots). */
function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/**
 * Chromium from the machine's package manager (Playwright's own download cannot work here):
 * CHROMIUM_PATH, else Debian's /usr/bin/chromium, installed with apt-get when missing and root,
 * with a Chinese font (fonts-wqy-microhei) for readable screenshots.
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = [
    ...(existsSync(path) || process.env.CHROMIUM_PATH ? [] : ['chromium']),
    ...(hasChineseFont() ? [] : ['fonts-wqy-microhei']),
  ];
  if (missing.length && !aptInstall(missing) && missing.includes('chromium')) {
    throw new Error(
      `no Chromium at ${path}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable`,
    );
  }
  if (!existsSync(path)) throw new Error(`no Chromium at ${path}: set CHROMIUM_PATH to a Chromium executable`);
  return path;
}

/** The workbench built as `npm test` builds it (scripts/web-build.mjs: only when its sources changed). */
export function buildWorkbench(): void {
  execFileSync(process.execPath, ['scripts/web-build.mjs'], { stdio: 'inherit' });
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The sandbox needs user namespaces, which containers and root do not give.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}

/** A page as a user in China sees it, at this size, with its console errors collected. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
  o: { acceptDownloads?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...o });
  const page = await context.newPage();
  return { context, page, errors: consoleErrors(page) };
}

/**
 * Logs a demo user in on the login page and waits for their 待办, where the workbench lands. `fresh`:
 * another user's turn in the same tab, so the session the tab holds ends first.
 */
export async function logIn(page: Page, baseUrl: string, username: string, o: { fresh?: boolean } = {}): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  if (o.fresh) {
    await page.evaluate('sessionStorage.clear()');
    await page.goto(`${baseUrl}/login`);
  }
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '待办' }).waitFor();
}

/**
 * The page's console errors and uncaught exceptions. A refused request (the wrong password's 401,
 * a field error's 400) is logged by Chromium as "Failed to load resource"; the page shows those on
 * purpose, so they are left out: the tests assert what the page shows instead.
 */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()))
      errors.push(m.text());
  });
  return errors;
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // A dialog or message still fading in blends its text with the overlay, which axe reads as low contrast:
  // the scan waits for every finite animation and transition to end (a spinner's infinite one never does).
  await page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map((a) => a.finished.catch(() => undefined)))`);
  await page.evaluate(AXE);
  const found: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: [] }> } }).axe;
    return (await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
