import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/database';
import { SCREENSHOTS, buildWorkbench, launchChromium, logIn, openPage, seriousViolations } from '../support/browser';
import { TestSystem } from '../support/system';

// The handling officer's 拟定处理意见 on the case page, in Chromium against the whole system: 平罗县退役军人事务局's
// profile records the discretion benchmark, so a draft without it is refused next to those fields, as is a
// fine without its amount next to its own row; the corrected draft goes on to the unit head.
let sys: TestSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  buildWorkbench();
  [sys, browser] = await Promise.all([TestSystem.start(), launchChromium()]);
  ({ context, page, errors } = await openPage(browser, { width: 1366, height: 768 }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await sys?.stop();
});

async function check(label: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `desk-${label}.png`), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
}

it('takes the draft with its evidence, penalties and benchmark, each refusal next to its field', async () => {
  const caseId = await sys.filedCase('pl');
  await sys.evidenceRecord(caseId, 'pl');
  await logIn(page, sys.baseUrl, 'pl.officer1');
  // From the 待办 to the case page, as an officer would.
  await page
    .getByRole('link', { name: /拟定处理意见/ })
    .first()
    .click();
  const form = page.getByRole('region', { name: '办理：拟定处理意见' });
  await form.getByLabel('违法事实').fill('未按规定落实优待政策');
  await form.getByRole('group', { name: '证据' }).locator('label').first().click();
  await form.getByLabel('法律依据').fill('《退役军人保障法》第八十一条');
  await form.locator('.el-select', { has: page.getByRole('combobox', { name: '第 1 项处罚种类' }) }).click();
  await page.getByRole('listbox').getByRole('option', { name: '罚款', exact: true }).click();
  // The dropdown closed, not fading out while the page is scanned.
  await page.locator('.el-select-dropdown').waitFor({ state: 'hidden' });
  await form.getByLabel('承办人意见和理由').fill('建议罚款');
  await form.getByLabel('应考虑的有关因素').fill('初次违法');
  await form.getByRole('button', { name: '提交处理意见' }).click();
  await form.getByText('金额（元）不能为空').waitFor();
  await form.getByText('适用的裁量基准不能为空').waitFor();
  await check('draft-refused');

  await form.getByLabel('第 1 项金额（元）').fill('2000');
  await form.getByLabel('适用的裁量基准').fill('本局行政处罚裁量基准第三项');
  await form.getByLabel('裁量基准适用情况').fill('情节较轻，按下限');
  await form.getByRole('button', { name: '提交处理意见' }).click();
  const review = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/review`, { token: await sys.token('pl.officer1') });
    return r.body.status === 'unit_review' ? r.body : undefined;
  });
  expect(review).toMatchObject({ draft: { penalties: [{ kind: 'fine', amountYuan: 2000 }] } });
  // The drafting task is closed: the page offers it no more.
  await form.waitFor({ state: 'detached' });
  await check('draft-submitted');
  expect(errors).toEqual([]);
});
