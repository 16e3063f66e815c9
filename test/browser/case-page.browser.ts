import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { addDays, chinaDate } from '#libs/calendar/dates';
import { BLANK_DATE } from '#libs/documents/preview';
import { awaitingApproval, decidedCase } from '../support/decided-case';
import { eventually } from '../support/database';
import { ensurePoppler, pdfText } from '../support/poppler';
import { SCREENSHOTS, buildWorkbench, launchChromium, logIn, openPage, seriousViolations } from '../support/browser';
import { TestSystem } from '../support/system';

// The case page's sections in Chromium against the whole system, on a desk's screen and a phone's:
// the officer adds a written record with two officers chosen from the directory (an officer whose
// certificate has expired refused first, next to the field), describes an audio-video recording and
// uploads its file (the connection dropped once: retried) and sees the SHA-256 it is stored under;
// the documents section lists the 程序启动审批表 and opens it (the bytes the API stored). The chief
// finds the approval among the 已办, and previews the 决定书 from the draft before approving it. Each section scanned with axe-core and screenshot.
let sys: TestSystem;
let browser: Browser;
const today = chinaDate(new Date());
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  buildWorkbench();
  ensurePoppler();
  [sys, browser] = await Promise.all([TestSystem.start(), launchChromium()]);
  // 行政处罚法 第四十二条: an officer whose certificate ended yesterday may no longer investigate.
  const [officer3] = await sys.database.db.query(`SELECT id, certificate_no FROM users WHERE username = 'xlt.officer3'`);
  const expired = await sys.call('PATCH', `/api/v1/admin/users/${officer3.id}`, {
    token: await sys.token('xlt.agencyadmin'),
    body: { certificate: { number: officer3.certificate_no, validFrom: addDays(today, -400), validTo: addDays(today, -1) } },
  });
  expect(expired.status).toBe(200);
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
  let caseId: string;
  const video = Buffer.alloc(512 * 1024, `执法记录仪录像（${name}，${Date.now()}）`);

  beforeAll(async () => {
    caseId = await sys.filedCase('xlt');
    // Filing generates the 程序启动审批表 (with its 案号) once the workflow has recorded it.
    await eventually(async () => {
      const docs = await sys.call('GET', `/api/v1/cases/${caseId}/documents`, { token: await sys.token('xlt.officer1') });
      return docs.body.items?.length ? true : undefined;
    }, 20000);
    ({ context, page, errors } = await openPage(browser, { width, height }));
  });
  afterAll(async () => {
    await context?.close();
  });
  afterEach(() => expect(errors).toEqual([]));

  async function check(label: string) {
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }

  const login = (username: string) => logIn(page, sys.baseUrl, username);

  /** Opens the case page's section by its heading's button (the keyboard's Enter, as on a desk). */
  async function open(title: string): Promise<Locator> {
    const toggle = page.getByRole('button', { name: title, exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const region = page.getByRole('region', { name: title });
    await region.getByText('加载中…').waitFor({ state: 'detached' });
    return region;
  }

  it('shows the running decision deadline, and the empty sections in Chinese', async () => {
    await login('xlt.officer1');
    await page.goto(`${sys.baseUrl}/cases/${caseId}`);
    await page.getByRole('heading', { name: '全过程记录' }).waitFor();
    const deadlines = await open('办案期限');
    const decision = deadlines.getByRole('article', { name: '作出处理决定的期限' });
    await expect(decision.textContent()).resolves.toMatch(/计算中.*\d{4}-\d\d-\d\d \d\d:\d\d.*剩余 \d+天/);
    await (await open('行政强制措施')).getByText('本案未采取行政强制措施').waitFor();
    await (await open('送达')).getByText('暂无送达').waitFor();
    await (await open('执行')).getByText('尚未进入执行').waitFor();
    await check('case-sections');
  });

  it('adds a written record with two officers from the directory, an expired certificate refused next to the field first', async () => {
    const evidence = await open('调查取证记录');
    await evidence.getByText('暂无调查取证记录').waitFor();
    await evidence.getByRole('button', { name: '新增文字记录' }).click();
    const form = page.getByRole('region', { name: '新增文字记录' });
    await form.getByLabel('记录名称').fill('现场检查笔录');
    await form.getByLabel('地点').fill('兴隆台区民政服务大厅');
    await form.getByLabel('记录内容').fill('检查发现该社会组织未按规定办理变更登记。');
    const officers = form.getByRole('group', { name: '在场执法人员' });
    // The directory shows each officer's certificate: officer3's ended yesterday.
    await expect(officers.textContent()).resolves.toContain(`执法证件已于 ${addDays(today, -1)} 到期`);
    // Each officer's line in the directory, by name (a tap on the line ticks its box).
    const [first, second, expired] = await Promise.all(
      ['xlt.officer1', 'xlt.officer2', 'xlt.officer3'].map(async (u) => {
        const [row] = await sys.database.db.query('SELECT display_name FROM users WHERE username = $1', [u]);
        return officers.locator('label', { hasText: `${row.display_name}（` });
      }),
    );
    await first.click();
    await expired.click();
    await expect(expired.getByRole('checkbox').isChecked()).resolves.toBe(true);
    await form.getByRole('button', { name: '保存' }).click();
    const fieldError = form
      .locator('.el-form-item', { has: page.getByRole('group', { name: '在场执法人员' }) })
      .locator('.el-form-item__error');
    await expect(fieldError.textContent()).resolves.toContain(`有效期至${addDays(today, -1)}，已过期`);
    await check('written-record-error');
    await expired.click();
    await second.click();
    await form.getByRole('button', { name: '保存' }).click();
    const record = evidence.getByRole('article', { name: '现场检查笔录' });
    await record.waitFor();
    await expect(record.textContent()).resolves.toContain('现场检查（勘验）笔录');
    const stored = (await sys.call('GET', `/api/v1/cases/${caseId}/evidence`, { token: await sys.token('xlt.officer1') })).body.items;
    expect(stored.map((r: { title: string; officers: unknown[] }) => [r.title, r.officers.length])).toEqual([['现场检查笔录', 2]]);
  });

  it('uploads an audio-video file, retried once after the connection dropped, and shows its SHA-256', async () => {
    const evidence = page.getByRole('region', { name: '调查取证记录' });
    await evidence.getByRole('button', { name: '新增音像记录' }).click();
    const form = page.getByRole('region', { name: '新增音像记录' });
    await form.getByLabel('记录名称').fill('现场检查录像');
    await form.getByLabel('制作方法').fill('执法记录仪拍摄');
    await form.getByLabel('制作时间').fill(today);
    await form.getByLabel('制作人').fill('张执法');
    await form.getByLabel('证明对象').fill('现场检查情况');
    await form.getByRole('button', { name: '保存' }).click();
    const upload = evidence.getByRole('form', { name: '上传音像文件：现场检查录像' });
    await upload.getByLabel('选择音像文件').setInputFiles({ name: '现场检查录像.mp4', mimeType: 'video/mp4', buffer: video });
    // The first attempt's connection drops: the form offers to send the same file again.
    await page.route('**/av-records/*/file', (route) => route.abort('connectionreset'), { times: 1 });
    await upload.getByRole('button', { name: '上传' }).click();
    await upload.getByRole('alert').getByText('网络中断，文件未上传完成').waitFor();
    await check('av-upload-failed');
    await upload.getByRole('button', { name: '重试上传' }).click();
    await upload.getByRole('status').getByText('上传完成（第 2 次上传）').waitFor();
    await expect(upload.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    // The bar's own animation to 100% over, for the screenshot.
    await upload
      .locator('.el-progress-bar__inner')
      .evaluate((bar: { getAnimations(): { finished: Promise<unknown> }[] }) => Promise.all(bar.getAnimations().map((a) => a.finished)));
    // The record's card names the file by the SHA-256 the API stored it under: the file's own.
    const record = evidence.getByRole('article', { name: '现场检查录像' });
    await expect(record.locator('[data-sha256]').getAttribute('data-sha256')).resolves.toBe(sha(video));
    await expect(record.textContent()).resolves.toContain(`已存储（512 KB）`);
    await check('av-upload');
    // The dropped connection is the one console error on purpose.
    expect(errors.splice(0).filter((e) => !e.includes('net::ERR_CONNECTION_RESET'))).toEqual([]);
  });

  it('lists the documents with their SHA-256 and opens one with the bytes the API stored', async () => {
    // A document the database refused after its step (as documents-steps.e2e.ts provokes): shown, with why.
    await sys.database.db.query(
      `INSERT INTO pending_documents (case_id, kind, step_ref, failure) VALUES ($1, 'service_receipt', 'refused-step', '违反唯一约束')`,
      [caseId],
    );
    const documents = await open('执法文书');
    const refused = documents.getByRole('alert').filter({ hasText: '送达回证未能生成，须人工处理' });
    await expect(refused.textContent()).resolves.toContain('违反唯一约束');
    await sys.database.db.query(`DELETE FROM pending_documents WHERE case_id = $1 AND step_ref = 'refused-step'`, [caseId]);
    const [doc] = (await sys.call('GET', `/api/v1/cases/${caseId}/documents`, { token: await sys.token('xlt.officer1') })).body.items;
    const card = documents.getByRole('article', { name: doc.kindLabel });
    await expect(card.locator('[data-sha256]').getAttribute('data-sha256')).resolves.toBe(doc.sha256);
    await expect(card.textContent()).resolves.toContain(`${doc.sha256.slice(0, 8)}…${doc.sha256.slice(-8)}`);
    await check('documents');
    // The tab shows the blob the page fetched with the officer's token: the bytes the API stored, by their hash.
    const served: Buffer[] = [];
    await page.route(`**/documents/${doc.id}/file`, async (route) => {
      const response = await route.fetch();
      served.push(await response.body());
      await route.fulfill({ response });
    });
    const [tab] = await Promise.all([page.waitForEvent('popup'), card.getByRole('button', { name: '预览' }).click()]);
    await tab.waitForURL(/^blob:/);
    expect(served.map(sha)).toEqual([doc.sha256]);
    await tab.close();
    await card.getByRole('button', { name: '打印' }).click();
    await expect(page.locator('iframe.print-frame').getAttribute('src')).resolves.toMatch(/^blob:/);
    expect(served.map(sha)).toEqual([doc.sha256, doc.sha256]);
  });
});

it('shows the chief the approvals they gave among the 已办', async () => {
  const caseId = await sys.filedCase('xlt');
  const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
  await logIn(page, sys.baseUrl, 'xlt.chief');
  await page.getByRole('link', { name: '已办' }).click();
  await page.getByRole('heading', { name: '已办' }).waitFor();
  const { caseNumber } = (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: await sys.token('xlt.chief') })).body;
  const done = page.locator('.task', { hasText: caseNumber });
  await expect(done.textContent()).resolves.toContain('办理结果：批准启动');
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-done.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await done.getByRole('link').click();
  await page.getByRole('heading', { name: '全过程记录' }).waitFor();
  await context.close();
  expect(errors).toEqual([]);
});

it('lets the chief preview the 决定书 from the draft awaiting approval, in a new tab', async () => {
  const caseId = await awaitingApproval(sys, 'xlt');
  const { context, page, errors } = await openPage(browser, { width: 1366, height: 768 });
  await logIn(page, sys.baseUrl, 'xlt.chief');
  await page.goto(`${sys.baseUrl}/cases/${caseId}`);
  const form = page.getByRole('region', { name: /^办理：/ });
  const served: Buffer[] = [];
  await page.route('**/documents/preview?kind=decision', async (route) => {
    const response = await route.fetch();
    served.push(await response.body());
    await route.fulfill({ response });
  });
  const [tab] = await Promise.all([page.waitForEvent('popup'), form.getByRole('button', { name: '预览决定书' }).click()]);
  await tab.waitForURL(/^blob:/);
  const text = pdfText(served[0]).replace(/\s+/g, '');
  // The draft as the template prints it, the date left for the issuing step.
  for (const s of ['行政处罚决定书', BLANK_DATE, '《社会团体登记管理条例》第三十条']) expect(text).toContain(s);
  await page.screenshot({ path: join(SCREENSHOTS, 'desk-decision-approval.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
  expect(errors).toEqual([]);
});

it('shows the execution figures at a chosen time, as GET …/execution?on= computes them', async () => {
  const caseId = await decidedCase(sys, 'xlt', { handedOverAt: new Date().toISOString() });
  const api = async (on?: string) =>
    (
      await sys.call('GET', `/api/v1/cases/${caseId}/execution${on ? `?on=${encodeURIComponent(on)}` : ''}`, {
        token: await sys.token('xlt.officer1'),
      })
    ).body;
  // Ten days after the last day to pay: 3% of the fine a day (行政处罚法 第七十二条), never beyond it.
  const later = `${addDays((await api()).payment.lastDay, 10)} 12:00`;
  const expected = (await api(`${later.replace(' ', 'T')}:00+08:00`)).surcharge;
  expect(expected.days).toBeGreaterThan(0);
  const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
  await logIn(page, sys.baseUrl, 'xlt.officer1');
  await page.goto(`${sys.baseUrl}/cases/${caseId}`);
  await page.getByRole('button', { name: '执行', exact: true }).click();
  const execution = page.getByRole('article', { name: '执行情况' });
  await expect(execution.textContent()).resolves.toMatch(/罚款 1,000\.00 元.*当前：履行期内/);
  const picker = page.getByRole('combobox', { name: '计算时间' }).or(page.getByLabel('计算时间'));
  await picker.first().fill(later);
  await picker.first().press('Enter');
  await page.getByRole('button', { name: '计算', exact: true }).click();
  const amount = (expected.amountFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await execution.getByText(`${expected.days} 天，${amount} 元`).waitFor();
  await expect(execution.textContent()).resolves.toContain(`计至 ${later}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-execution.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
  expect(errors).toEqual([]);
});
