import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, chinaDate } from '#libs/calendar/dates';
import { DEMO_PASSWORD } from '#api/auth/demo-users';
import { CASE_STATUS_LABELS, STAGE_LABELS } from '#libs/domain/case';
import { eventually } from '../support/database';
import { EX_OFFICIO_CASE } from '../support/forms';
import { SCREENSHOTS, buildWorkbench, launchChromium, logIn, openPage, seriousViolations } from '../support/browser';
import { TestSystem } from '../support/system';

// The supervisor's 督办 page in Chromium: a filed case's running deadlines become overdue as of a later
// instant (the list's 截至时间, as the API's asOf: no waiting in real time), the list and its CSV
// export agree with the API, and the charts' figures — read from the table beside each — equal /supervision/stats.
let sys: TestSystem;
let browser: Browser;
let caseNumber: string;
const today = chinaDate(new Date());
const DAY = 24 * 3600_000;

beforeAll(async () => {
  buildWorkbench();
  [sys, browser] = await Promise.all([TestSystem.start(), launchChromium()]);
  const caseId = await sys.filedCase('xlt');
  caseNumber = (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: await sys.token('xlt.officer1') })).body.caseNumber;
  // An application accepted within its 5 working days: a task with a due time done, for the on-time chart.
  const application = await sys.call('POST', '/api/v1/cases', {
    token: await sys.token('xlt.officer1'),
    body: {
      ...EX_OFFICIO_CASE,
      source: 'application',
      application: { form: 'written', receivedAt: new Date(Date.now() - 60_000).toISOString(), matter: '社会团体成立登记' },
    },
  });
  const accepted = await sys.completeTask(application.body.id, 'xlt.officer1', { decision: 'accept', opinion: '材料齐全，予以受理' });
  expect(accepted.status).toBe(200);
  // A certificate ending in 10 days (China dates), for the list of those to renew.
  const [officer3] = await sys.database.db.query(`SELECT id, certificate_no FROM users WHERE username = 'xlt.officer3'`);
  const renewed = await sys.call('PATCH', `/api/v1/admin/users/${officer3.id}`, {
    token: await sys.token('xlt.agencyadmin'),
    body: { certificate: { number: officer3.certificate_no, validFrom: addDays(today, -300), validTo: addDays(today, 10) } },
  });
  expect(renewed.status).toBe(200);
  // Twenty-five more tasks (by SQL, each on a numbered case of its own) due in 400 days, after the filed case's
  // deadlines: as of the later instant below they are overdue too and give the list a second page.
  const [officer] = await sys.database.db.query(`SELECT id FROM users WHERE username = 'xlt.officer1'`);
  await sys.database.db.query(
    `WITH c AS (
       INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, procedure, handling_officer_id, form, workflow_id, started_at, updated_at, case_number)
       SELECT gen_random_uuid(), 'xinglongtai-civil-affairs', 1, 'ex_officio', false, 'initiated', 'decision', 'general', $1, '{}', 'paging-' || i, now(), now(), 'XLT分页〔2026〕' || i || '号'
         FROM generate_series(1, 25) i RETURNING id, workflow_id)
     INSERT INTO tasks (id, case_id, agency_id, workflow_id, kind, role, status, due_at, opened_at)
     SELECT gen_random_uuid(), c.id, 'xinglongtai-civil-affairs', c.workflow_id, 'draft_decision', 'officer', 'open',
            now() + interval '400 days' + split_part(c.workflow_id, '-', 2)::int * interval '1 minute', now() FROM c`,
    [officer.id],
  );
  await eventually(async () => {
    const stats = await sys.call('GET', '/api/v1/supervision/stats', { token: await sys.token('xlt.supervisor') });
    return stats.body.onTime.length ? true : undefined;
  });
});
afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

/** A China wall-clock time as the picker takes it: `2028-01-09 10:30`. */
function chinaWallClock(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The rows of the visually-hidden table named `label`, cell by cell. */
async function tableRows(page: Page, label: string): Promise<string[][]> {
  return page
    .getByRole('table', { name: label, includeHidden: true })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

describe.each([
  { name: 'desk', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
])('at $width×$height', ({ name, width, height }) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ context, page, errors } = await openPage(browser, { width, height }, { acceptDownloads: true }));
  });
  afterAll(async () => {
    await context?.close();
  });
  afterEach(() => expect(errors).toEqual([]));

  it('shows the supervisor the charts with the figures of /supervision/stats', async () => {
    await logIn(page, sys.baseUrl, 'xlt.supervisor');
    await page.getByRole('link', { name: '督办' }).click();
    await page.getByRole('heading', { name: '督办' }).waitFor();
    await page.locator('[role="img"][aria-label^="各阶段案件数"] canvas').waitFor();
    await page.locator('[role="img"][aria-label^="按时办结率"] canvas').waitFor();

    const stats = (await sys.call('GET', '/api/v1/supervision/stats', { token: await sys.token('xlt.supervisor') })).body;
    expect(stats.casesByStage.length).toBeGreaterThan(0);
    expect(stats.onTime.length).toBeGreaterThan(0);
    expect(await tableRows(page, '各阶段案件数')).toEqual(
      stats.casesByStage.map((r: { stage: keyof typeof STAGE_LABELS; status: keyof typeof CASE_STATUS_LABELS; cases: number }) => [
        STAGE_LABELS[r.stage],
        CASE_STATUS_LABELS[r.status],
        String(r.cases),
      ]),
    );
    expect(await tableRows(page, '按时办结率')).toEqual(
      stats.onTime.map((r: { kindLabel: string; month: string; done: number; onTime: number; rate: number | null }) => [
        r.kindLabel,
        r.month,
        String(r.done),
        String(r.onTime),
        r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`,
      ]),
    );
    // The due items as of now per unit of the handling officer (the filed case's are not late yet: the table may be empty).
    expect(await tableRows(page, '各科室逾期事项')).toEqual(
      stats.overdueByUnit.map((r: { unit: string | null; overdue: number }) => [r.unit ?? '未分配承办人', String(r.overdue)]),
    );
  });

  it('lists the case’s deadlines as overdue as of a later instant, as the API does, and exports the same rows', async () => {
    // A year and a half on, every running deadline of the filed case has passed.
    const later = chinaWallClock(Date.now() + 540 * DAY);
    const asOf = `${later.replace(' ', 'T')}:00+08:00`;
    const picker = page.getByRole('combobox', { name: '截至时间' }).or(page.getByLabel('截至时间'));
    await picker.first().fill(later);
    await picker.first().press('Enter');
    await page.getByRole('button', { name: '查询' }).click();
    const due = page.getByRole('region', { name: '到期与逾期事项' });
    const row = due.locator('.el-table__row', { hasText: caseNumber }).first();
    await row.waitFor();

    const api = (
      await sys.call('GET', `/api/v1/supervision/due?state=overdue&asOf=${encodeURIComponent(asOf)}&pageSize=20`, {
        token: await sys.token('xlt.supervisor'),
      })
    ).body;
    const mine = api.items.filter((i: { caseNumber: string }) => i.caseNumber === caseNumber);
    expect(mine.length).toBeGreaterThan(0);
    await expect(due.locator('.el-table__row').count()).resolves.toBe(Math.min(api.items.length, 20));
    await expect(row.textContent()).resolves.toContain(`逾期 ${mine[0].daysLate} 天`);
    await expect(row.textContent()).resolves.toContain(mine[0].kindLabel);
    // The overdue-by-unit chart counts as of the same instant: the handling officer's unit has the case's items.
    const stats = (
      await sys.call('GET', `/api/v1/supervision/stats?asOf=${encodeURIComponent(asOf)}`, { token: await sys.token('xlt.supervisor') })
    ).body;
    expect(stats.overdueByUnit.length).toBeGreaterThan(0);
    await page.locator('[role="img"][aria-label^="各科室逾期事项"] canvas').waitFor();
    const byUnit = stats.overdueByUnit.map((r: { unit: string | null; overdue: number }) => [r.unit ?? '未分配承办人', String(r.overdue)]);
    await eventually(async () => (JSON.stringify(await tableRows(page, '各科室逾期事项')) === JSON.stringify(byUnit) ? true : undefined));
    expect(await tableRows(page, '各科室逾期事项')).toEqual(byUnit);
    const certificate = page
      .getByRole('region', { name: '30 日内到期的执法证件' })
      .locator('.el-table__row', { hasText: addDays(today, 10) });
    await expect(certificate.textContent()).resolves.toContain('剩 10 天');
    // Nothing wider than the screen: the table scrolls within itself.
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-supervision.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^督办事项-\d{4}-\d\d-\d\d\.csv$/);
    const saved = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(saved).toEqual((await sys.dueCsv(`state=overdue&asOf=${encodeURIComponent(asOf)}`, 'xlt.supervisor')).lines);
    expect(saved.some((l) => l.includes(caseNumber))).toBe(true);
  });

  it('pages the list by the API’s cursors: 下一页 shows the rows after the first twenty, 上一页 the first again', async () => {
    const due = page.getByRole('region', { name: '到期与逾期事项' });
    const pager = due.getByRole('navigation', { name: '督办事项翻页' });
    await expect(pager.textContent()).resolves.toContain('第 1 页');
    const rows = () => due.locator('.el-table__row').allTextContents();
    const first = await rows();
    expect(first).toHaveLength(20);
    await pager.getByRole('button', { name: '下一页' }).click();
    await eventually(async () => ((await pager.textContent())?.includes('第 2 页') ? true : undefined));
    const second = await eventually(async () => {
      const r = await rows();
      return r[0] !== first[0] ? r : undefined;
    });
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((r) => first.includes(r))).toEqual([]);
    await pager.getByRole('button', { name: '上一页' }).click();
    await eventually(async () => ((await rows())[0] === first[0] ? true : undefined));
    await expect(pager.getByRole('button', { name: '上一页' }).isDisabled()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

it('offers 督办 to supervisors and chiefs only', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  for (const [user, shown] of [
    ['xlt.chief', 1],
    ['xlt.officer1', 0],
  ] as const) {
    await page.goto(`${sys.baseUrl}/login`);
    await page.getByLabel('用户名').fill(user);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '待办' }).waitFor();
    await expect(page.getByRole('link', { name: '督办' }).count()).resolves.toBe(shown);
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/login/);
  }
  await context.close();
});
