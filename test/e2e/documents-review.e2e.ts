import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { chinaDate } from '#libs/calendar/dates';
import { collectiveDiscussionFromRecord } from '#activities/documents/collective-discussion-record';
import { courtApplicationFromRecord } from '#activities/documents/court-application';
import { legalReviewOpinionFromRecord } from '#activities/documents/legal-review-opinion';
import { renderPdf } from '#activities/documents/render';
import { chineseDate } from '#libs/documents/layout';
import { BLANK_DATE, NOT_ISSUED } from '#libs/documents/preview';
import { findProfile } from '#libs/profiles/index';
import { eventually } from '../support/database';
import { decidedCase } from '../support/decided-case';
import { regeneratesUnchanged } from '../support/documents';
import { ensurePoppler } from '../support/poppler';
import { TestSystem } from '../support/system';

// The review chain's documents — the 法制审核意见书 when the legal reviewer completes the review (行政处罚法 58),
// the 集体讨论记录 when the meeting is minuted (57 第二款) — the 强制执行申请书 when the agency applies to the
// court (行政强制法 53–55), and the preview of the 决定书 and 告知书 from the draft before their steps.
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DAY = 24 * 3600_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

beforeAll(async () => {
  ensurePoppler();
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

async function download(path: string, user: string) {
  const res = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${await token(user)}` } });
  const type = res.headers.get('content-type');
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    type,
    disposition: res.headers.get('content-disposition'),
    bytes,
    body: type?.includes('json') ? JSON.parse(bytes.toString()) : null,
  };
}

/** The PDF's text line by line, trimmed, without blank lines and without the preview's diagonal watermark (-nodiag). */
// Runs of spaces collapsed: -layout pads columns after the widest line of the page, which the 文号 and the date change.
const lines = (pdf: Buffer): string[] =>
  execFileSync('pdftotext', ['-layout', '-nodiag', '-', '-'], { input: pdf })
    .toString('utf8')
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
const flat = (pdf: Buffer) => lines(pdf).join('');

const draft = (evidenceIds: string[], o: Record<string, unknown> = {}) => ({
  facts: '未取得施工许可证擅自施工，经责令停止施工后继续施工',
  evidenceIds,
  legalBasis: '《建设工程质量管理条例》第五十七条',
  penalties: [
    { kind: 'fine', amountYuan: 20000 },
    { kind: 'licence_revocation', description: '吊销安全生产许可证' },
  ],
  opinion: '违法事实清楚，建议罚款二万元并吊销许可证',
  factors: '拒不改正，情节严重',
  findings: ['major_public_interest'],
  ...o,
});

it('the review chain makes its 法制审核意见书 and 集体讨论记录, and what the chief approves in the preview is the 决定书 printed', async () => {
  const caseId = await sys.filedCase('hy');
  const c = `/api/v1/cases/${caseId}`;
  const officer = await token('hy.officer1');
  const evidenceId = await sys.evidenceRecord(caseId, 'hy');

  // Nothing to preview before the officer's draft; a kind that has no preview is a bad request.
  const none = await download(`${c}/documents/preview?kind=decision`, 'hy.chief');
  expect(none).toMatchObject({ status: 409, body: { code: 'DOCUMENT_NOT_YET', errors: [{ field: 'kind', code: 'DOCUMENT_NOT_YET' }] } });
  expect(none.body.errors[0].message).toContain('尚未提交处理意见');
  expect((await download(`${c}/documents/preview?kind=service_receipt`, 'hy.chief')).status).toBe(400);
  expect((await sys.call('GET', `${c}/documents?kind=legal_review_opinion`, { token: officer })).status).toBe(409);

  await sys.call('POST', `${c}/draft-decision`, { token: officer, body: draft([evidenceId]) });
  await sys.completeTask(caseId, 'hy.unithead', { decision: 'agree', opinion: '同意承办人意见' });
  await eventually(async () =>
    (await sys.call('GET', `${c}/review`, { token: officer })).body.status === 'legal_review' ? true : undefined,
  );
  await sys.completeTask(caseId, 'hy.legal', {
    decision: 'fail',
    opinion: '吊销许可证的依据不足',
    suggestions: '补充许可证载明事项的证据',
  });
  await sys.call('POST', `${c}/draft-decision`, {
    token: officer,
    body: draft([evidenceId], { legalBasis: '《建设工程质量管理条例》第五十七条；《安全生产许可证条例》第十九条' }),
  });
  await sys.completeTask(caseId, 'hy.unithead', { decision: 'agree', opinion: '补正后同意' });
  await eventually(async () =>
    (await sys.call('GET', `${c}/review`, { token: officer })).body.status === 'legal_review' ? true : undefined,
  );
  await sys.completeTask(caseId, 'hy.legal', { decision: 'pass', opinion: '事实清楚，依据充分', suggestions: '无' });

  // The 告知书 before it is served: the second draft, the date and officer left blank.
  const notice = await download(`${c}/documents/preview?kind=pre_decision_notice`, 'hy.officer1');
  expect(notice).toMatchObject({ status: 200, type: 'application/pdf' });
  expect(notice.disposition).toMatch(/^inline; filename="pre_decision_notice-preview\.pdf"/);
  for (const s of ['行政处罚事先告知书', '《安全生产许可证条例》第十九条', BLANK_DATE, NOT_ISSUED]) expect(flat(notice.bytes)).toContain(s);

  const now = new Date().toISOString();
  await sys.call('POST', `${c}/pre-decision-notice`, {
    token: officer,
    body: { servedAt: now, rights: ['statement', 'defence', 'hearing'], method: '直接送达' },
  });
  await sys.call('POST', `${c}/waivers`, {
    token: officer,
    body: { waivedAt: now, scope: 'both', document: '放弃陈述、申辩和听证。李四' },
  });
  const heldAt = new Date(Date.now() - 3600_000).toISOString();
  const meeting = await sys.call('POST', `${c}/collective-discussions`, {
    token: await token('hy.legal'),
    body: {
      heldAt,
      chair: '赵局长',
      participants: ['赵局长', '钱副局长', '孙副局长'],
      minutes: '与会人员逐项讨论了证据',
      conclusion: '同意罚款并吊销许可证',
    },
  });
  expect(meeting.body.collectiveDiscussion.recorded).toMatchObject({ draftVersion: 2, chair: '赵局长' });
  expect((await sys.completeTask(caseId, 'hy.chief', { decision: 'approve', opinion: '同意', signature: '赵局长' })).status).toBe(200);
  await eventually(async () => ((await sys.call('GET', `${c}/review`, { token: officer })).body.status === 'approved' ? true : undefined));

  // What the chief approved, previewed; then issued.
  const preview = await download(`${c}/documents/preview?kind=decision`, 'hy.chief');
  expect(preview).toMatchObject({ status: 200, type: 'application/pdf' });
  expect((await sys.call('GET', `${c}/documents?kind=decision`, { token: officer })).status).toBe(409); // nothing stored
  const decidedOn = chinaDate(new Date());
  expect(
    (await sys.call('POST', `${c}/decision`, { token: await token('hy.chief'), body: { decidedOn, partyPresent: false } })).status,
  ).toBe(200);

  const list = await eventually(async () => {
    const r = (await sys.call('GET', `${c}/documents?pageSize=20`, { token: officer })).body;
    return r.items?.some((d: any) => d.kind === 'decision') ? r.items : undefined;
  });
  expect(list.map((d: any) => d.kind)).toEqual([
    'initiation_approval',
    'legal_review_opinion',
    'legal_review_opinion',
    'pre_decision_notice',
    'collective_discussion_record',
    'decision',
  ]);
  const kase = (await sys.call('GET', c, { token: officer })).body;
  const [failed, passed] = list.filter((d: any) => d.kind === 'legal_review_opinion');
  const minutes = list.find((d: any) => d.kind === 'collective_discussion_record');
  const decision = list.find((d: any) => d.kind === 'decision');
  expect(failed).toMatchObject({ kindLabel: '法制审核意见书', number: null });
  expect(failed.stepRef).toMatch(/^task:/);
  expect(minutes).toMatchObject({ kindLabel: '集体讨论记录', stepRef: 'collective-discussion:2' });

  // Named in the record after their steps (rendered once each step was answered), with the files' hashes.
  const record = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items;
  for (const d of [failed, passed, minutes]) {
    const file = await download(`${c}/documents/${d.id}/file`, 'hy.officer1');
    expect(sha(file.bytes)).toBe(d.sha256);
    const step = record.find((e: any) => e.at === d.createdAt && e.action !== 'document_generated');
    const named = record.find((e: any) => e.action === 'document_generated' && e.details.documentId === d.id);
    expect(named).toMatchObject({ details: { sha256: d.sha256, stepRef: d.stepRef } });
    expect(named.seq).toBeGreaterThan(step.seq);
  }
  const failedText = flat((await download(`${c}/documents/${failed.id}/file`, 'hy.officer1')).bytes);
  for (const s of [
    '法制审核意见书',
    `案号：${kase.caseNumber}`,
    '■审核不通过',
    '吊销许可证的依据不足',
    '补充许可证载明事项的证据',
    '涉及重大公共利益',
  ])
    expect(failedText).toContain(s);
  expect(flat((await download(`${c}/documents/${passed.id}/file`, 'hy.officer1')).bytes)).toContain('■审核通过');
  const minutesText = flat((await download(`${c}/documents/${minutes.id}/file`, 'hy.officer1')).bytes);
  for (const s of [
    '集体讨论记录',
    '赵局长、钱副局长、孙副局长',
    '与会人员逐项讨论了证据',
    '同意罚款并吊销许可证',
    '第二稿处理意见',
    '重大违法行为',
  ])
    expect(minutesText).toContain(s);
  // Anyone holding the record renders the same bytes again.
  const again = await sys.database.db.transaction(async (m) => [
    await legalReviewOpinionFromRecord(m, caseId, failed.stepRef, null),
    await collectiveDiscussionFromRecord(m, caseId, minutes.stepRef, null),
  ]);
  expect(sha(await renderPdf(again[0]!.definition))).toBe(failed.sha256);
  expect(sha(await renderPdf(again[1]!.definition))).toBe(minutes.sha256);
  // And a correction asked of the unchanged record stores nothing new: the same bytes, no version 2.
  for (const d of [failed, passed, minutes]) await regeneratesUnchanged(sys, caseId, d, 'hy.chief');

  // The preview and the 决定书 read the same line for line, but for the three lines the issuing step adds:
  // the 文号 (the numbering rule with year and sequence blank → the number given), the date under the seal
  // (blank → the decision's date) and the officer who recorded it (→ name and time). The watermark is dropped
  // by -nodiag; the PDF's metadata (title, dates) is not text.
  const issued = lines((await download(`${c}/documents/${decision.id}/file`, 'hy.officer1')).bytes);
  const previewed = lines(preview.bytes);
  expect(previewed).toHaveLength(issued.length);
  const differ = issued.flatMap((l, i) => (l === previewed[i] ? [] : [[previewed[i], l]]));
  expect(differ).toEqual([
    [kase.decisionNumber.replace(/〔\d{4}〕\d+号$/, '〔＿＿＿＿〕＿＿号'), kase.decisionNumber],
    [BLANK_DATE, chineseDate(decidedOn)],
    [NOT_ISSUED, expect.stringMatching(/^承办人：.+录入$/)],
  ]);
  // Read rules: another agency's user does not see the case.
  expect((await download(`${c}/documents/preview?kind=decision`, 'xlt.officer1')).status).toBe(404);
});

it('the court application makes its 强制执行申请书: the decision, the 催告书 and its service, the party’s failure', async () => {
  const caseId = await decidedCase(sys, 'xlt', { handedOverAt: ago(210) });
  const officer = await token('xlt.officer1');
  const c = `/api/v1/cases/${caseId}`;
  await eventually(async () => ((await sys.call('GET', `${c}/execution`, { token: officer })).body.state === 'overdue' ? true : undefined));
  expect(
    (await sys.call('POST', `${c}/demand-notice`, { token: officer, body: { content: '限十日内缴纳罚款及加处罚款共计二千元' } })).status,
  ).toBe(200);
  // Served k days ago, k found with the calendar so that the court window has opened by now (行政强制法 54).
  const courtRule = findProfile('xinglongtai-civil-affairs', new Date())!.execution!.courtApplication!.earliest.period;
  const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
  let k = 21;
  while (Date.parse(computeDue(calendar, ago(k), courtRule).due!) >= Date.now()) k++;
  expect((await sys.completeTask(caseId, 'xlt.chief', { decision: 'approve', opinion: '同意催告', signedAt: ago(k + 1) })).status).toBe(
    200,
  );
  const demand = await eventually(async () =>
    (await sys.call('GET', `${c}/services`, { token: officer })).body.items.find((s: any) => s.document.kind === 'demand_notice'),
  );
  const base = `${c}/services/${demand.id}`;
  expect((await sys.call('POST', `${base}/attempts`, { token: officer, body: { method: 'direct', startedAt: ago(k) } })).status).toBe(200);
  await sys.call('POST', `${base}/outcome`, { token: officer, body: { outcome: 'served', at: ago(k), receipt: { signedBy: '王五' } } });
  await eventually(async () => ((await sys.call('GET', `${c}/execution`, { token: officer })).body.court.earliest ? true : undefined));
  expect((await sys.call('GET', `${c}/documents?kind=court_application`, { token: officer })).status).toBe(409);
  const appliedAt = new Date().toISOString();
  const applied = await sys.call('POST', `${c}/court-application`, { token: officer, body: { appliedAt, court: '兴隆台区人民法院' } });
  expect(applied.status).toBe(200);

  const [application] = await eventually(async () => {
    const items = (await sys.call('GET', `${c}/documents?kind=court_application`, { token: officer })).body.items;
    return items?.length ? items : undefined;
  });
  expect(application).toMatchObject({ kindLabel: '强制执行申请书', number: null, stepRef: 'court-application' });
  const record = (await sys.call('GET', `${c}/record?pageSize=100`, { token: officer })).body.items;
  const step = record.find((e: any) => e.action === 'court_application_filed');
  const named = record.find((e: any) => e.action === 'document_generated' && e.details.kind === 'court_application');
  expect(named).toMatchObject({ seq: step.seq + 1, details: { documentId: application.id, sha256: application.sha256 } });
  expect(application.createdAt).toBe(step.at);
  const file = await download(`${c}/documents/${application.id}/file`, 'xlt.officer1');
  expect(sha(file.bytes)).toBe(application.sha256);
  const kase = (await sys.call('GET', c, { token: officer })).body;
  const text = flat(file.bytes).replace(/\s+/g, '');
  for (const s of [
    '强制执行申请书',
    '兴隆台区民政局',
    `请求人民法院强制执行本机关作出的${kase.decisionNumber}行政处罚决定书（罚款1000元）`,
    `于${chineseDate(chinaDate(new Date(ago(210))))}送达被申请人`,
    '被申请人在法定期限内未申请行政复议，也未提起行政诉讼',
    `于${chineseDate(chinaDate(new Date(ago(k))))}送达被申请人`,
    '催告书送达十个工作日后，被申请人仍未履行义务',
    '合计2000.00元',
    '兴隆台区人民法院',
    '王五',
    chineseDate(chinaDate(new Date(appliedAt))),
  ])
    expect(text).toContain(s);
  const again = await sys.database.db.transaction(async (m) => {
    const [{ view }] = await m.query('SELECT view FROM executions WHERE case_id = $1', [caseId]);
    return courtApplicationFromRecord(m, view, 'court-application', null);
  });
  expect(sha(await renderPdf(again!.definition))).toBe(application.sha256);
  // Corrections asked of the unchanged record: the 催告书 and the 申请书 render their stored bytes, no new version.
  const demandNotice = (await sys.call('GET', `${c}/documents?kind=demand_notice`, { token: officer })).body.items;
  expect(demandNotice).toHaveLength(1);
  for (const d of [demandNotice[0], application]) await regeneratesUnchanged(sys, caseId, d, 'xlt.chief');
  expect((await sys.call('GET', `${c}/documents?kind=court_application`, { token: officer })).body.total).toBe(1);
});
