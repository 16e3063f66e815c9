import { eventually } from '../support/database';
import { stepsAndDocuments } from '../support/documents';
import { summaryBody } from '../support/summary-body';
import { TestSystem } from '../support/system';
import { addDays, chinaDate, chinaDayStart } from '#libs/calendar/dates';
import { decisionText } from '#libs/domain/decision-text';
import { chinaYear } from '#libs/domain/numbering';

const chinaDayStartMs = (date: string) => chinaDayStart(date).getTime();

// Over HTTP: filing starts the decision stage; the draft goes up the chain (承办人 → 审核人 →
// 法制审核 → 负责人); the pre-decision notice, legal review and collective discussion gate the
// chief's approval; the decision document moves the case to service.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const draft = (evidenceIds: string[], o: Record<string, unknown> = {}) => ({
  facts: '未按规定办理登记',
  evidenceIds,
  legalBasis: '《社会团体登记管理条例》第三十条',
  penalties: [{ kind: 'warning' }],
  opinion: '建议给予警告',
  factors: '初次违法，及时改正',
  ...o,
});

describe('the decision gate (兴隆台区民政局: 陈述、申辩 told; 3 working days)', () => {
  it('refuses the approval while the statement window is open, and takes it once the party waived in writing', async () => {
    const caseId = await sys.filedCase('xlt');
    const officer = await token('xlt.officer1');
    const chief = await token('xlt.chief');
    const evidenceId = await sys.evidenceRecord(caseId, 'xlt');
    await sys.call('POST', `/api/v1/cases/${caseId}/draft-decision`, { token: officer, body: draft([evidenceId]) });
    await sys.completeTask(caseId, 'xlt.unithead', { decision: 'agree', opinion: '同意' });
    const approval = { decision: 'approve', opinion: '同意', signature: '兴隆台民政局长' };
    // Dated today by default (the day it is entered, a day on or after the approval), handed over now.
    // No 文号: 兴隆台区民政局's profile numbers decisions (by default), so it is assigned on issue.
    const decision = (decidedOn = chinaDate(new Date())) => ({
      decidedOn,
      partyPresent: true,
      handedOver: { at: new Date().toISOString(), signedBy: '张三' },
    });

    const early = await sys.completeTask(caseId, 'xlt.chief', approval);
    expect(early).toMatchObject({ status: 409, body: { code: 'NOTICE_NOT_SERVED' } });
    const partial = await sys.call('POST', `/api/v1/cases/${caseId}/pre-decision-notice`, {
      token: officer,
      body: { servedAt: new Date().toISOString(), rights: ['statement'], method: '直接送达' },
    });
    expect(partial.body.errors).toContainEqual({ field: 'rights', code: 'RIGHTS_MISSING', message: '事先告知未告知以下权利：申辩' });
    const served = await sys.call('POST', `/api/v1/cases/${caseId}/pre-decision-notice`, {
      token: officer,
      body: { servedAt: new Date().toISOString(), rights: ['statement', 'defence'], method: '直接送达' },
    });
    expect(served.status).toBe(200);
    expect(served.body.statementDueAt).toBeTruthy();

    const blocked = await sys.completeTask(caseId, 'xlt.chief', approval);
    expect(blocked).toMatchObject({ status: 409, body: { code: 'STATEMENT_WINDOW_OPEN' } });
    expect(blocked.body.message).toContain('陈述、申辩期限至');
    const unapproved = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, { token: chief, body: decision() });
    expect(unapproved).toMatchObject({ status: 409, body: { code: 'DECISION_NOT_APPROVED' } });

    await sys.call('POST', `/api/v1/cases/${caseId}/waivers`, {
      token: officer,
      body: { waivedAt: new Date().toISOString(), scope: 'both', document: '本人放弃陈述、申辩和听证的权利。张三' },
    });
    const approvedOn = chinaDate(new Date()); // the approval below is on this China date or later
    expect((await sys.completeTask(caseId, 'xlt.chief', approval)).status).toBe(200);
    const byLegal = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, { token: await token('xlt.legal'), body: decision() });
    expect(byLegal).toMatchObject({ status: 403, body: { code: 'AUTH_ROLE_FORBIDDEN' } });

    // A decision dated before the chief's approval, or dated in the future, is refused field by field.
    const beforeApproval = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, {
      token: officer,
      body: decision(addDays(approvedOn, -1)),
    });
    expect(beforeApproval).toMatchObject({
      status: 400,
      body: { code: 'EVENT_BEFORE_STEP', errors: [{ field: 'decidedOn', code: 'EVENT_BEFORE_STEP' }] },
    });
    expect(beforeApproval.body.errors[0].message).toMatch(/^决定日期（\d{4}-\d{2}-\d{2}）不能早于负责人批准（/);
    const tomorrow = addDays(chinaDate(new Date(Date.now() + 60_000)), 1);
    const future = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, { token: officer, body: decision(tomorrow) });
    expect(future).toMatchObject({
      status: 400,
      body: {
        code: 'TIME_IN_FUTURE',
        errors: [{ field: 'decidedOn', code: 'TIME_IN_FUTURE', message: `决定日期（${tomorrow}）不能晚于当前时间` }],
      },
    });
    const handedBefore = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, {
      token: officer,
      body: {
        ...decision(),
        handedOver: { at: new Date(chinaDayStartMs(chinaDate(new Date())) - 60_000).toISOString(), signedBy: '张三' },
      },
    });
    expect(handedBefore).toMatchObject({ status: 400, body: { code: 'EVENT_BEFORE_STEP', errors: [{ field: 'handedOver.at' }] } });

    // The agency's 文号 are assigned: one typed beside the sequence is refused, naming the field.
    const typed = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, {
      token: officer,
      body: { ...decision(), documentNumber: '兴民罚〔2026〕2号' },
    });
    expect(typed).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'documentNumber', code: 'NUMBER_ASSIGNED', message: '本机关的行政处罚决定书文号由系统在作出决定时编号，请勿填写' },
        ],
      },
    });
    // An on-the-spot decision of the agency meanwhile is numbered in its own sequence (当场处罚决定书).
    const { on_the_spot_collection: _, ...items } = summaryBody().items;
    const onTheSpot = await sys.call('POST', '/api/v1/summary-cases', {
      token: officer,
      body: summaryBody({ collection: undefined, items }),
    });
    expect(onTheSpot.status).toBe(201);
    expect(onTheSpot.body.decisionNumber).toBe(`XLT简罚〔${chinaYear(onTheSpot.body.startedAt)}〕1号`);

    // The document's text is the approved draft's; another text is refused and nothing changes.
    const rewritten = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, {
      token: officer,
      body: { ...decision(), content: '罚款五千元' },
    });
    expect(rewritten).toMatchObject({
      status: 400,
      body: { code: 'DECISION_TEXT_NOT_DRAFT', errors: [{ field: 'content', code: 'DECISION_TEXT_NOT_DRAFT' }] },
    });
    expect(rewritten.body.errors[0].message).toContain('决定内容须与经负责人批准的第1稿处理意见一致');
    expect((await sys.call('GET', `/api/v1/cases/${caseId}/pre-decision-notice`, { token: officer })).body.decided).toBe(false);
    expect((await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body.status).not.toBe('decided');

    // Without content, the text is rendered from the approved draft.
    const body = decision();
    const issued = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, { token: officer, body });
    expect(issued.status).toBe(200);
    expect(issued.body.decided).toBe(true);

    // Numbered as it was recorded: the agency's first decision of the year it is dated.
    const c = await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer });
    const documentNumber = `XLT罚决〔${chinaYear(body.decidedOn)}〕1号`;
    expect(c.body).toMatchObject({ status: 'decided', stage: 'service', decisionNumber: documentNumber });
    // 行政处罚法 61: announced to the party present, handed over on the spot: served at once.
    const services = await eventually(async () => {
      const r = await sys.call('GET', `/api/v1/cases/${caseId}/services`, { token: officer });
      return r.body.items.length ? r.body.items : undefined;
    });
    expect(services).toMatchObject([{ status: 'served', method: 'direct', servedAt: body.handedOver.at }]);
    const record = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: chief });
    // The 行政处罚事先告知书 the notice served made and the 行政处罚决定书 the decision made, named with its hash,
    // each after its step's entry.
    const kinds = record.body.items.filter((e: any) => e.action === 'document_generated').map((e: any) => e.details.kind);
    expect(kinds).toEqual(expect.arrayContaining(['pre_decision_notice', 'decision']));
    const { steps } = stepsAndDocuments(record.body.items.map((e: any) => e.action));
    expect(steps.slice(steps.indexOf('notice_served'), steps.indexOf('document_served') + 1)).toEqual([
      'notice_served',
      'waiver_filed',
      'task_completed',
      'decision_issued',
      'document_served',
    ]);
    const text = decisionText(draft([evidenceId]) as Parameters<typeof decisionText>[0]);
    expect(text).toContain('处理决定：警告');
    const issuedEntry = record.body.items.find((e: any) => e.action === 'decision_issued');
    expect(issuedEntry.summary).toContain(`：${text}`);
    expect(issuedEntry.summary).toContain(`录入处理决定书（${documentNumber}，`);
    expect(issuedEntry.details.documentNumber).toBe(documentNumber);
    const deadlines = await sys.call('GET', `/api/v1/cases/${caseId}/deadlines`, { token: chief });
    expect(deadlines.body.items[0].state).toBe('met');
  });

  it('a hearing requested in time must be noticed 7 working days ahead (华阴市住建局, 行政处罚法 64)', async () => {
    const caseId = await sys.filedCase('hy');
    const officer = await token('hy.officer1');
    const now = new Date().toISOString();
    await sys.call('POST', `/api/v1/cases/${caseId}/pre-decision-notice`, {
      token: officer,
      body: { servedAt: now, rights: ['statement', 'defence', 'hearing'], method: '直接送达' },
    });
    const requested = await sys.call('POST', `/api/v1/cases/${caseId}/hearing-requests`, { token: officer, body: { requestedAt: now } });
    expect(requested.body.hearingRequested).toBe(true);
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const tooSoon = await sys.call('POST', `/api/v1/cases/${caseId}/hearing`, {
      token: officer,
      body: { notifiedAt: now, at: tomorrow, place: '听证室' },
    });
    expect(tooSoon).toMatchObject({ status: 400, body: { code: 'HEARING_NOTICE_TOO_SHORT' } });
    expect(tooSoon.body.message).toContain('最早可定于');
    const later = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString();
    const scheduled = await sys.call('POST', `/api/v1/cases/${caseId}/hearing`, {
      token: officer,
      body: { notifiedAt: now, at: later, place: '听证室' },
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.hearing).toMatchObject({ place: '听证室', reported: false });
  });
});
