import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#api/auth/demo-users';
import { SCREENSHOTS, buildWorkbench, consoleErrors, launchChromium, seriousViolations } from '../support/browser';
import { TestSystem } from '../support/system';

// The 管理 pages in Chromium: the agency administrator adds a unit and a user in it (the password
// policy's field error first), the new user must change the password at first login; the system
// administrator replaces a year of the holiday calendar (its field error by JSON path first); a
// profile with an error shows every path the API names. Each page screenshot and scanned with
// axe-core, on a desk's screen and a phone's, without console errors.
let sys: TestSystem;
let browser: Browser;
const UNIT = '执法三科';
const NEWCOMER = { username: 'xlt.newcomer', name: '新来的', password: 'Welcome2026x', changed: 'Archive2027y' };

beforeAll(async () => {
  buildWorkbench();
  [sys, browser] = await Promise.all([TestSystem.start(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

describe.each([
  { name: 'desk', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
])('at $width×$height', ({ name, width, height }) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    errors = consoleErrors(page);
  });
  afterAll(async () => {
    await context?.close();
  });
  afterEach(() => expect(errors).toEqual([]));

  /** A screenshot of the page, nothing wider than the screen, and its axe scan with nothing serious. */
  async function check(label: string) {
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }

  async function login(username: string, password: string) {
    await page.goto(`${sys.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  async function logout() {
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/login/);
  }

  /** Picks `option` in the Element Plus select labelled `label` (within `scope`). */
  async function choose(scope: Page | ReturnType<Page['getByRole']>, label: string, option: string) {
    // The select's wrapper takes the click: its shown value lies over the input.
    await scope.locator('.el-select', { has: page.getByRole('combobox', { name: label, exact: true }) }).click();
    await page.getByRole('listbox', { name: label }).getByRole('option', { name: option }).first().click();
    await page.getByRole('listbox', { name: label }).waitFor({ state: 'hidden' });
  }

  /** A token of its own: a logout in the browser ends the sessions the test system keeps. */
  async function tokenOf(username: string): Promise<string> {
    return (await sys.call('POST', '/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } })).body.accessToken;
  }

  it('lets the agency administrator add a unit and a user in it, who must change the password at first login', async () => {
    const unit = `${UNIT}${name === 'desk' ? '' : '（移动）'}`;
    const newcomer = `${NEWCOMER.username}.${name}`;
    await login('xlt.agencyadmin', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await expect(page.getByRole('navigation', { name: '主菜单' }).getByRole('link').allTextContents()).resolves.toEqual(
      ['用户管理', '科室管理', '执法规则'].map((l) => expect.stringContaining(l)),
    );

    await page.getByRole('link', { name: '科室管理' }).click();
    await page.getByRole('heading', { name: '科室管理' }).waitFor();
    await page.getByLabel('新科室名称').fill(unit);
    await page.getByRole('button', { name: '新增科室' }).click();
    await page.locator('.el-table__row', { hasText: unit }).waitFor();
    await check('admin-units');

    await page.getByRole('link', { name: '用户管理' }).click();
    await page.locator('.el-table__row', { hasText: 'xlt.officer1' }).waitFor();
    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog', { name: '新增人员' });
    await dialog.getByLabel('用户名').fill(newcomer);
    await dialog.getByLabel('姓名').fill(NEWCOMER.name);
    await choose(dialog, '科室', unit);
    await choose(dialog, '角色', '档案管理人员');
    await dialog.getByLabel('初始密码').fill('short1');
    await dialog.getByRole('button', { name: '新增' }).click();
    // The password policy's refusal, next to the field it is about.
    await dialog.locator('.el-form-item', { hasText: '初始密码' }).getByText('密码至少需要10个字符').waitFor();
    await check('admin-user-form');
    await dialog.getByLabel('初始密码').fill(NEWCOMER.password);
    await dialog.getByRole('button', { name: '新增' }).click();
    const row = page.locator('.el-table__row', { hasText: newcomer });
    await row.waitFor();
    await expect(row.textContent()).resolves.toEqual(expect.stringMatching(new RegExp(`${unit}.*待改密码`)));
    await check('admin-users');
    await logout();

    await login(newcomer, NEWCOMER.password);
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    await page.getByLabel('当前密码').fill(NEWCOMER.password);
    await page.getByLabel('新密码').fill(NEWCOMER.changed);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('heading', { name: '待办' }).waitFor();
    await logout();
  });

  it('renames, retires and reinstates a unit; edits a user and resets their password', async () => {
    const unit = `${UNIT}${name === 'desk' ? '' : '（移动）'}`;
    const renamed = `${unit}（更名）`;
    await login('xlt.agencyadmin', DEMO_PASSWORD);
    await page.getByRole('link', { name: '科室管理' }).click();
    const row = page.locator('.el-table__row', { hasText: unit }).first();
    await row.getByRole('button', { name: '更名' }).click();
    await page.getByLabel(`${unit}的新名称`).fill(renamed);
    await page.getByRole('button', { name: '保存' }).click();
    const renamedRow = page.locator('.el-table__row', { hasText: renamed });
    await renamedRow.getByRole('button', { name: '撤销' }).click();
    await renamedRow.getByText('已撤销').waitFor();
    await renamedRow.getByRole('button', { name: '恢复' }).click();
    await renamedRow.getByText('在用').waitFor();

    await page.getByRole('link', { name: '用户管理' }).click();
    await page.getByLabel('姓名或用户名').fill(`${NEWCOMER.username}.${name}`);
    await page.getByRole('button', { name: '查询' }).click();
    const user = page.locator('.el-table__row', { hasText: `${NEWCOMER.username}.${name}` });
    await user.waitFor();
    await expect(page.locator('.el-table__body-wrapper .el-table__row').count()).resolves.toBe(1);
    await user.getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: /^编辑人员/ });
    await dialog.getByLabel('姓名').fill('新来的档案员');
    await dialog.getByRole('button', { name: '保存' }).click();
    await user.getByText('新来的档案员').waitFor();
    await expect(user.textContent()).resolves.toContain(renamed);
    await user.getByRole('button', { name: '重置密码' }).click();
    await page.getByLabel('新密码').fill('Reset2026zz');
    await page.getByRole('button', { name: '重置密码' }).last().click();
    await user.getByText('待改密码').waitFor();
    await logout();
  });

  it('shows every error of a profile with its JSON path, as the API names them', async () => {
    await login('xlt.agencyadmin', DEMO_PASSWORD);
    await page.getByRole('link', { name: '执法规则' }).click();
    await page.getByRole('heading', { name: /适用的规则/ }).waitFor();
    await expect(page.getByLabel('执法规则配置（只读）').textContent()).resolves.toContain('citation');
    const [{ agencyId }] = await sys.database.db.query(`SELECT agency_id AS "agencyId" FROM users WHERE username = 'xlt.agencyadmin'`);
    const broken = { id: agencyId, name: '兴隆台区民政局', decision: { caseDeadline: 'sixty days' } };
    await page.getByLabel('配置文档（JSON）').fill(JSON.stringify(broken));
    await page.getByRole('button', { name: '上传' }).click();
    const shown = page.locator('.path-errors li');
    await shown.first().waitFor();
    const refused = await sys.call('PUT', `/api/v1/admin/agencies/${agencyId}/profile`, {
      token: await tokenOf('xlt.agencyadmin'),
      body: broken,
    });
    expect(refused.status).toBe(400);
    await expect(shown.allTextContents()).resolves.toEqual(
      refused.body.errors.map((e: { field: string; message: string }) => `${e.field}：${e.message}`),
    );
    await check('admin-profiles');
    await logout();
  });

  it('lets the system administrator replace a year of the holiday calendar, its error shown by path first', async () => {
    await login('sys.admin', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByRole('link', { name: '节假日日历' }).click();
    await page.getByRole('heading', { name: '节假日日历' }).waitFor();
    await choose(page, '年度', '2026 年');
    await page.locator('.el-table__row', { hasText: '2026-10-01' }).waitFor();
    const textarea = page.getByLabel('节假日安排（JSON）');
    const schedule = JSON.parse(await textarea.inputValue());
    expect(schedule.year).toBe(2026);

    // A make-up working day that is no weekend day: refused with the path of the day.
    const wrong = { ...schedule, makeupWorkdays: ['2026-03-04', ...schedule.makeupWorkdays.slice(1)] };
    await textarea.fill(JSON.stringify(wrong, null, 2));
    await page.getByRole('button', { name: '加载' }).click();
    await page.locator('.path-errors').waitFor();
    const refused = await sys.call('PUT', '/api/v1/calendar/years/2026', { token: await tokenOf('sys.admin'), body: wrong });
    expect(refused.status).toBe(400);
    await expect(page.locator('.path-errors li').allTextContents()).resolves.toEqual(
      refused.body.errors.map((e: { field: string; message: string }) => `${e.field}：${e.message}`),
    );
    expect(refused.body.errors.some((e: { field: string }) => e.field.startsWith('makeupWorkdays'))).toBe(true);

    await textarea.fill(JSON.stringify(schedule, null, 2));
    await page.getByRole('button', { name: '加载' }).click();
    const loaded = await page.getByText(/已加载 2026 年第 \d+ 版/).textContent();
    const versions = await sys.call('GET', '/api/v1/calendar/years/2026', { token: await tokenOf('sys.admin') });
    expect(loaded).toContain(`第 ${versions.body[0].version} 版`);
    expect(versions.body[0].schedule).toEqual(schedule);
    await check('admin-calendar');
    await logout();
  });
});
