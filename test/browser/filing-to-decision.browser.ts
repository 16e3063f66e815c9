import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, buildWorkbench, launchChromium, logIn, openPage, seriousViolations } from '../support/browser';
import { eventually } from '../support/database';
import { TestSystem } from '../support/system';

// A 兴隆台区民政局 ex officio case from filing to the issued 决定书, every step through the pages: each person
// logs in and acts from their 待办 or the case page. No time needs to pass: the party waives the statement
// and hearing windows in writing once the 告知书 is served, so the decision may follow at once. The test
// reads the API only to learn whether this case needs a legal review (the gates decide) and to wait.
// Twice: on a desk, then with the officer's steps at a phone's width (the others stay at their desks).
const JOURNEYS = [
  { name: 'desk', party: '兴隆台某协会', notice: '兴民罚告〔2026〕1号', officer: { width: 1366, height: 768 } },
  { name: 'phone', party: '兴隆台某学会', notice: '兴民罚告〔2026〕2号', officer: { width: 390, height: 844 } },
];
const DESK = { width: 1366, height: 768 };
let journey = JOURNEYS[0];
let sys: TestSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let caseId: string;

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
afterEach(() => expect(errors).toEqual([]));

async function check(label: string) {
  const width = page.viewportSize()!.width;
  await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(width);
  await page.screenshot({ path: join(SCREENSHOTS, `journey-${journey.name}-${label}.png`), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
}

async function login(username: string) {
  await page.setViewportSize(username === 'xlt.officer1' ? journey.officer : DESK);
  await logIn(page, sys.baseUrl, username, { fresh: true });
}

/** The task of this kind in the caller's 待办 (it may take a moment to open), then the case page from it. */
async function fromTasks(kindLabel: string) {
  const task = page.locator('.task', { hasText: kindLabel }).filter({ hasText: `当事人：${journey.party}` });
  for (let i = 0; i < 40 && !(await task.count()); i++) {
    await page.waitForTimeout(250);
    await page.reload();
    await page.getByRole('heading', { name: '待办' }).waitFor();
  }
  await task.first().getByRole('link').click();
  await page.getByRole('heading', { name: '全过程记录' }).waitFor();
  return page.getByRole('region', { name: `办理：${kindLabel}` });
}

async function complete(user: string, kindLabel: string, decision: string, fill: Record<string, string> = {}) {
  await login(user);
  const form = await fromTasks(kindLabel);
  await form.getByRole('radio', { name: decision, exact: true }).check({ force: true });
  for (const [label, value] of Object.entries({ 办理意见: '同意', ...fill })) await form.getByLabel(label).fill(value);
  await form.getByRole('button', { name: '提交' }).click();
  await form.waitFor({ state: 'detached' });
}

async function openSection(title: string) {
  await page.getByRole('button', { name: title, exact: true }).click();
  return page.getByRole('region', { name: title });
}

const reviewStatus = async () =>
  (await sys.call('GET', `/api/v1/cases/${caseId}/review`, { token: await sys.token('xlt.officer1') })).body.status as string;

describe.each(JOURNEYS)('with the officer at $officer.width×$officer.height', (j) => {
  beforeAll(() => {
    journey = j;
  });

  it('files the case and has it approved from the 待办', async () => {
    await login('xlt.officer1');
    await page.getByRole('link', { name: '新建案件' }).click();
    await page.getByLabel('当事人姓名或名称').fill(journey.party);
    await page.getByLabel('案件来源').fill('日常检查');
    await page.getByLabel('启动原因').fill('检查发现涉嫌违法行为');
    await page.getByLabel('基本案情').fill('检查中发现该协会未按规定办理变更登记');
    await page.getByLabel('承办人意见').fill('建议立案调查');
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByRole('heading', { name: '全过程记录' }).waitFor();
    caseId = page.url().split('/').pop()!;
    await complete('xlt.unithead', '承办机构审核意见', '同意');
    await complete('xlt.chief', '负责人审批', '批准启动');
  });

  it('has the officer record the evidence and submit the draft decision', async () => {
    await login('xlt.officer1');
    const form = await fromTasks('拟定处理意见');
    const evidence = await openSection('调查取证记录');
    await evidence.getByRole('button', { name: '新增文字记录' }).click();
    const record = page.getByRole('region', { name: '新增文字记录' });
    await record.getByLabel('记录名称').fill('现场检查笔录');
    await record.getByLabel('地点').fill('兴隆台区民政服务大厅');
    await record.getByLabel('记录内容').fill('检查发现该协会未按规定办理变更登记。');
    const officers = record.getByRole('group', { name: '在场执法人员' });
    for (const u of ['xlt.officer1', 'xlt.officer2']) {
      const [row] = await sys.database.db.query('SELECT display_name FROM users WHERE username = $1', [u]);
      await officers.locator('label', { hasText: `${row.display_name}（` }).click();
    }
    await record.getByRole('button', { name: '保存' }).click();
    await evidence.getByRole('article', { name: '现场检查笔录' }).waitFor();
    // The draft's evidence is chosen from the records as they are now: the page read again.
    await page.reload();
    await form.getByLabel('违法事实').fill('该协会变更住所未按规定办理变更登记');
    await form.getByRole('group', { name: '证据' }).locator('label').first().click();
    await form.getByLabel('法律依据').fill('《社会团体登记管理条例》第三十条');
    await form.locator('.el-select', { has: page.getByRole('combobox', { name: '第 1 项处罚种类' }) }).click();
    await page.getByRole('listbox').getByRole('option', { name: '警告', exact: true }).click();
    // The dropdown closed, not fading out while the page is scanned.
    await page.locator('.el-select-dropdown').waitFor({ state: 'hidden' });
    await form.getByLabel('承办人意见和理由').fill('建议给予警告');
    await form.getByLabel('应考虑的有关因素').fill('初次违法，及时改正');
    await check('draft');
    await form.getByRole('button', { name: '提交处理意见' }).click();
    await eventually(async () => ((await reviewStatus()) === 'unit_review' ? true : undefined));
  });

  it('takes the draft through the unit head and, where the case needs it, the legal review', async () => {
    await complete('xlt.unithead', '承办机构审核处理意见', '同意');
    const next = await eventually(async () => {
      const s = await reviewStatus();
      return ['legal_review', 'awaiting_approval'].includes(s) ? s : undefined;
    });
    if (next === 'legal_review') await complete('xlt.legal', '法制审核', '审核通过', { 审核建议: '无' });
  });

  it('has the officer issue the 告知书, serve it and record the waiver', async () => {
    await login('xlt.officer1');
    await page.getByRole('link', { name: '案件', exact: true }).click();
    await page.locator('.el-table__row', { hasText: journey.party }).getByRole('link').click();
    await page.getByRole('heading', { name: '全过程记录' }).waitFor();
    const decision = await openSection('告知与决定');
    await decision.getByRole('button', { name: '事先告知' }).click();
    const notice = page.getByRole('region', { name: '事先告知' });
    await notice.getByRole('button', { name: '事先告知' }).click();
    await notice.getByText('告知书文号不能为空').waitFor();
    await check('notice-refused');
    await notice.getByLabel('告知书文号').fill(journey.notice);
    await notice.getByRole('button', { name: '事先告知' }).click();
    await decision.getByText('送达中').waitFor();

    // The service of the 告知书 comes to the officer's 待办 once its workflow opens the attempt.
    await page.getByRole('link', { name: '待办' }).click();
    const task = await fromTasks('送达文书');
    await task.getByText('在本页“送达”中登记送达及其结果').waitFor();
    const services = await openSection('送达');
    await services.getByRole('button', { name: '登记送达' }).click();
    const attempt = page.getByRole('region', { name: /^登记送达：/ });
    await check('service-attempt');
    await attempt.getByRole('button', { name: '登记送达' }).click();
    const outcomeButton = services.getByRole('button', { name: '登记送达结果' });
    await outcomeButton.or(attempt.getByRole('alert')).first().waitFor();
    expect(await attempt.getByRole('alert').allTextContents()).toEqual([]);
    await outcomeButton.click();
    const outcome = page.getByRole('region', { name: /^登记送达结果：/ });
    await outcome.getByRole('button', { name: '登记结果' }).click();
    await outcome.getByText('送达回证签收人不能为空').waitFor();
    await check('service-outcome-refused');
    await outcome.getByLabel('送达回证签收人').fill('王五');
    await outcome.getByRole('button', { name: '登记结果' }).click();
    await services.getByText('已送达', { exact: true }).first().waitFor();

    // The decision workflow learns of the service from the service's: the page read again once it has.
    // Two workflows' tasks in turn, which a loaded machine (the whole suite at once) can stretch past 10 s.
    await eventually(async () => {
      const n = await sys.call('GET', `/api/v1/cases/${caseId}/pre-decision-notice`, { token: await sys.token('xlt.officer1') });
      return n.body.servedAt ? true : undefined;
    }, 30_000);
    await page.reload();
    const reloaded = await openSection('告知与决定');
    await reloaded.getByRole('button', { name: '登记放弃权利' }).click();
    const waiver = page.getByRole('region', { name: '当事人放弃权利' });
    await waiver.getByLabel('书面放弃声明').fill('本人放弃陈述、申辩和听证的权利');
    await waiver.getByRole('button', { name: '登记放弃' }).click();
    await reloaded.getByText('当事人已放弃').waitFor();
    await check('notice-served');
  });

  it('has the chief approve and the officer issue the 决定书, listed in 执法文书 with its 文号', async () => {
    await complete('xlt.chief', '负责人审批处理决定', '批准', { 负责人签名: '黄局长' });
    await eventually(async () => ((await reviewStatus()) === 'approved' ? true : undefined));
    await login('xlt.officer1');
    await page.getByRole('link', { name: '案件', exact: true }).click();
    await page.locator('.el-table__row', { hasText: journey.party }).getByRole('link').click();
    await page.getByRole('heading', { name: '全过程记录' }).waitFor();
    const decision = await openSection('告知与决定');
    await decision.getByRole('button', { name: '作出处罚决定' }).click();
    const issue = page.getByRole('region', { name: '作出处罚决定' });
    await check('issue');
    await issue.getByRole('button', { name: '作出决定' }).click();
    await decision.getByText('已作出').waitFor();
    const documents = await openSection('执法文书');
    const row = documents.getByRole('article', { name: '行政处罚决定书' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/〔\d{4}〕\d+号/);
    await check('decision-issued');
  });
});
