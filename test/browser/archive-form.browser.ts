import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, buildWorkbench, launchChromium, logIn, openPage, seriousViolations } from '../support/browser';
import { eventually } from '../support/database';
import { TestSystem } from '../support/system';

// The archivist's 案卷归档 on the case page, in Chromium against the whole system: a 平罗县退役军人事务局 case
// terminated before any decision waits for its file. The completeness check's refusal (the documents the file
// lacks) stands next to 案卷不完整的原因, then the archive fields 003 requires, each next to its own field;
// filled in, the case is 已归档.
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

it("archives the file with the profile's fields, the completeness check's refusal next to its reason", async () => {
  const caseId = await sys.filedCase('pl');
  await sys.call('POST', `/api/v1/cases/${caseId}/operations`, {
    token: await sys.token('pl.officer1'),
    body: { kind: 'termination', reason: '当事人死亡' },
  });
  const chief = await sys.token('pl.chief');
  const approval = await eventually(
    async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=case_operation_approval`, { token: chief })).body.items[0],
  );
  expect(approval).toBeDefined();
  await sys.completeTask(caseId, 'pl.chief', { decision: 'approve', opinion: '同意' });

  await logIn(page, sys.baseUrl, 'pl.archivist');
  const task = page.locator('.task', { hasText: '案卷归档' });
  for (let i = 0; i < 40 && !(await task.count()); i++) {
    await page.waitForTimeout(250);
    await page.reload();
    await page.getByRole('heading', { name: '待办' }).waitFor();
  }
  await task.first().getByRole('link').click();
  const form = page.getByRole('region', { name: '办理：案卷归档' });
  await form.getByLabel('存放位置').fill('档案室一号柜');
  await form.getByRole('button', { name: '归档' }).click();
  const reason = form.locator('.el-form-item', { has: page.getByLabel('案卷不完整的原因', { exact: false }) });
  await expect(reason.locator('.el-form-item__error').textContent()).resolves.toContain('案卷缺少');
  await check('archive-incomplete');

  await form.getByLabel('案卷不完整的原因', { exact: false }).fill('案件终止，未作出处罚决定');
  await form.getByRole('button', { name: '归档' }).click();
  await form.getByText('本机关规定须填写归档编号').waitFor();
  await form.getByText('本机关规定须填写保管期限').waitFor();
  await check('archive-fields-missing');

  await form.getByLabel('归档编号').fill('PL-2026-7');
  await form.getByLabel('类别').fill('行政处罚');
  await form.getByLabel('保管期限').fill('30年');
  for (const [label, date] of [
    ['起始日期', '2026-01-05'],
    ['终止日期', '2026-02-10'],
  ]) {
    const picker = form.getByRole('combobox', { name: label }).or(form.getByLabel(label, { exact: true }));
    await picker.first().fill(date);
    await picker.first().press('Enter');
  }
  await form.getByRole('button', { name: '归档' }).click();
  await page.getByLabel('案件概况').getByText('已归档').first().waitFor();
  await check('archived');
  expect(errors).toEqual([]);
});
