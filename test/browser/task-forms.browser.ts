import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { awaitingApproval } from '../support/decided-case';
import { SCREENSHOTS, buildWorkbench, launchChromium, logIn, openPage, seriousViolations } from '../support/browser';
import { TestSystem } from '../support/system';

// The case page's task forms and 案卷 in Chromium against the whole system, on a desk's screen and a
// phone's: the chief approves the decision with the signature 兴隆台区民政局's profile requires (the
// opinion left empty refused next to its field first, the return step asked only for a return, the
// signature's refusal shown), a 转交 without a person or a reason refused next to those fields; the
// officer downloads the 案卷 PDF and the export package under the server's names, and an officer of
// another unit is told in Chinese that a flagged record keeps the whole file from them. At a phone's
// width the supervisor urges (催办) an overdue approval from the case page.
let sys: TestSystem;
let browser: Browser;

beforeAll(async () => {
  buildWorkbench();
  [sys, browser] = await Promise.all([TestSystem.start(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

const SIZES = [
  { name: 'desk', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];

describe.each(SIZES)('at $width×$height', ({ name, width, height }) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeEach(async () => {
    ({ context, page, errors } = await openPage(browser, { width, height }, { acceptDownloads: true }));
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  async function check(label: string) {
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }

  async function openCase(username: string, caseId: string) {
    await logIn(page, sys.baseUrl, username, { fresh: true });
    await page.goto(`${sys.baseUrl}/cases/${caseId}`);
    await page.getByRole('heading', { name: '全过程记录' }).waitFor();
  }

  it("approves the decision with the signature the agency's profile requires, each refusal next to its field", async () => {
    const caseId = await awaitingApproval(sys, 'xlt');
    await openCase('xlt.chief', caseId);
    const form = page.getByRole('region', { name: '办理：负责人审批处理决定' });
    // 兴隆台区民政局's profile records the opinion and the signature (not its time) of the chief's approval.
    await form.getByLabel('负责人签名').waitFor();
    await form.getByText('签署时间（选填）').waitFor();
    await expect(form.getByLabel('退回环节').count()).resolves.toBe(0);
    await form.getByRole('radio', { name: '退回', exact: true }).check({ force: true });
    await form.getByLabel('退回环节').waitFor();
    await form.getByRole('radio', { name: '批准', exact: true }).check({ force: true });
    await form.getByRole('button', { name: '提交' }).click();
    const opinionError = form.locator('.el-form-item', { has: page.getByLabel('办理意见') }).locator('.el-form-item__error');
    await opinionError.waitFor();
    await check('approval-errors');
    await form.getByLabel('办理意见').fill('同意，按拟定意见作出处罚决定');
    await form.getByRole('button', { name: '提交' }).click();
    // The case's refusal, next to the field it is about.
    const signatureError = form.locator('.el-form-item', { has: page.getByLabel('负责人签名') }).locator('.el-form-item__error');
    await expect(signatureError.textContent()).resolves.toContain('审批须签名');
    // 转交 to nobody, for no reason: both refused next to their fields.
    await form.getByRole('button', { name: '转交' }).click();
    const transfer = form.getByRole('form', { name: '转交：负责人审批处理决定' });
    await transfer.getByRole('button', { name: '确认转交' }).click();
    for (const label of ['转交给', '转交理由']) {
      const error = transfer.locator('.el-form-item', { has: page.getByText(label, { exact: true }) }).locator('.el-form-item__error');
      await expect(error.textContent()).resolves.toContain(`${label}不能为空`);
    }
    // 受委托签批 asks for whom and on what basis only when ticked.
    await expect(form.getByLabel('委托人').count()).resolves.toBe(0);
    await form.getByText('受委托签批（代负责人签批）').click();
    await form.getByLabel('委托依据').waitFor();
    await form.getByText('受委托签批（代负责人签批）').click();
    await check('approval-transfer');
    await form.getByLabel('负责人签名').fill('张负责');
    await form.getByRole('button', { name: '提交' }).first().click();
    await form.waitFor({ state: 'detached' });
    const review = await sys.call('GET', `/api/v1/cases/${caseId}/review`, { token: await sys.token('xlt.chief') });
    expect(review.body.approval).toMatchObject({ signature: '张负责' });
  });

  it('downloads the 案卷 PDF and the export package under their names; a flagged record refuses them to another unit', async () => {
    const caseId = await sys.filedCase('xlt');
    await openCase('xlt.officer1', caseId);
    const section = page.getByRole('region', { name: '案卷', exact: true });
    await section.getByText('尚未归档：下载的案卷 PDF 为草稿。').waitFor();
    for (const [button, pattern, magic] of [
      ['下载案卷 PDF', /^行政执法案卷.*\.pdf$/, '%PDF'],
      ['导出归档包', /\.zip$/, 'PK'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toMatch(pattern);
      expect((await readFile((await download.path())!)).subarray(0, magic.length).toString('latin1')).toBe(magic);
      await section.getByRole('status').getByText(download.suggestedFilename()).waitFor();
    }
    await check('case-file');

    const recordId = await sys.evidenceRecord(caseId, 'xlt');
    const flagged = await sys.call('POST', `/api/v1/cases/${caseId}/evidence/${recordId}/flags`, {
      token: await sys.token('xlt.unithead'),
      body: { flag: 'privacy', reason: '涉及当事人病历' },
    });
    expect(flagged.status).toBe(200);
    await openCase('xlt.officer3', caseId);
    await page.getByRole('region', { name: '案卷', exact: true }).getByRole('button', { name: '下载案卷 PDF' }).click();
    await page.getByRole('region', { name: '案卷', exact: true }).getByRole('alert').getByText('无权查阅').waitFor();
    await check('case-file-refused');
  });
});

it('lets the supervisor urge an overdue task from the case page, an empty message refused next to the field', async () => {
  const caseId = await awaitingApproval(sys, 'xlt');
  const chief = await sys.token('xlt.chief');
  const [task] = (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: chief })).body.items;
  // The escalation the deadline's timer writes when the approval runs late (test/e2e/supervision.e2e.ts
  // lets the time pass on the time-skipping server); written here as the activity would.
  await sys.database.db.query(
    `INSERT INTO escalations (id, case_id, agency_id, task_id, kind, due_at, escalated_at, must_act, legal_basis)
     SELECT $1, c.id, c.agency_id, $2, 'decision_approval_overdue', now() - interval '2 days', now() - interval '1 day', '[{"role":"chief"}]', '兴隆台区民政局行政执法全过程记录实施办法'
     FROM cases c WHERE c.id = $3`,
    [`${task.id}:overdue`, task.id, caseId],
  );
  const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
  await logIn(page, sys.baseUrl, 'xlt.supervisor');
  await page.goto(`${sys.baseUrl}/cases/${caseId}`);
  const urge = page.getByRole('article', { name: '逾期：负责人审批处理决定' });
  await urge.getByRole('button', { name: '催办' }).click();
  await urge
    .locator('.el-form-item', { has: page.getByLabel('催办内容') })
    .locator('.el-form-item__error')
    .waitFor();
  await urge.getByLabel('催办内容').fill('请于今日内审批');
  await urge.getByRole('button', { name: '催办' }).click();
  await urge.getByRole('status').getByText('已催办').waitFor();
  await expect(urge.locator('.el-form-item.is-error').count()).resolves.toBe(0);
  await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-urge.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  const sent = (await sys.call('GET', '/api/v1/notifications', { token: chief })).body.items;
  expect(sent).toEqual(expect.arrayContaining([expect.objectContaining({ taskId: task.id, message: '请于今日内审批' })]));
  await context.close();
  expect(errors).toEqual([]);
});
