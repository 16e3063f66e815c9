import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { findProfile } from '#libs/profiles/index';
import { eventually } from '../support/database';
import { decidedCase as decided } from '../support/decided-case';
import { DUE_CSV_HEADER, TestSystem } from '../support/system';

// Over HTTP: the served decision is executed — payment, or 催告 served and the court
// application filed inside its window (行政强制法 53, 54) — and the case ends.
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const DAY = 24 * 3600_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

/** A 兴隆台 case decided with a fine of 1,000 yuan, handed to the party present at `handedOverAt`. */
const decidedCase = (handedOverAt: string) => decided(sys, 'xlt', { handedOverAt });

it('a fine paid within 15 days of service ends the case', async () => {
  const caseId = await decidedCase(new Date().toISOString());
  const officer = await token('xlt.officer1');
  const view = await sys.call('GET', `/api/v1/cases/${caseId}/execution`, { token: officer });
  expect(view.body).toMatchObject({ state: 'performing', fineFen: 100_000, surcharge: { days: 0, amountFen: 0 } });
  const short = await sys.call('POST', `/api/v1/cases/${caseId}/payments`, {
    token: officer,
    body: { paidAt: new Date().toISOString(), amountYuan: 999.99, receipt: 'LN-1' },
  });
  expect(short).toMatchObject({ status: 400, body: { code: 'PAYMENT_INSUFFICIENT' } });
  const paid = await sys.call('POST', `/api/v1/cases/${caseId}/payments`, {
    token: officer,
    body: { paidAt: new Date().toISOString(), amountYuan: 1000, receipt: 'LN-1' },
  });
  expect(paid.body.state).toBe('paid');
  const c = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer });
    return r.body.status === 'ended' ? r.body : undefined;
  });
  expect(c.stage).toBe('archiving');

  // The case ended: the archivist closes its file with a complete catalogue.
  const archivist = await token('xlt.archivist');
  const task = await eventually(async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: archivist })).body.items[0]);
  expect(task.kind).toBe('archive_file');
  const file = await sys.call('GET', `/api/v1/cases/${caseId}/case-file`, { token: archivist });
  expect(file.body).toMatchObject({ status: 'ready', missing: [], caseNumber: c.caseNumber, decisionNumber: c.decisionNumber });
  // The cover names the case by its 案号 and its decision's 文号.
  expect(c.caseNumber).toMatch(/^XLT罚立〔\d{4}〕\d+号$/);
  expect(c.decisionNumber).toMatch(/^XLT罚决〔\d{4}〕\d+号$/);
  expect(file.body.catalogue.map((e: any) => e.kind)).toContain('written');
  expect(file.body.catalogue.map((e: any) => e.position)).toEqual(file.body.catalogue.map((_: unknown, i: number) => i + 1));
  const byOfficer = await sys.call('POST', `/api/v1/cases/${caseId}/archive`, { token: officer, body: { location: '档案室' } });
  expect(byOfficer.status).toBe(403);
  const archived = await sys.call('POST', `/api/v1/cases/${caseId}/archive`, {
    token: archivist,
    body: { archiveNumber: 'XLT-2026-1', location: '档案室一号柜' },
  });
  expect(archived.body).toMatchObject({
    status: 'archived',
    caseNumber: c.caseNumber,
    archive: { archiveNumber: 'XLT-2026-1', onTime: true },
  });
  const after = await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer });
  expect(after.body.status).toBe('archived');
});

it('unpaid after the remedy periods: a 催告书 approved and served, then the court application inside its window', async () => {
  // The decision was handed over seven months ago (entered late): payment and remedy periods have run out.
  const caseId = await decidedCase(ago(210));
  const officer = await token('xlt.officer1');
  const overdue = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/execution`, { token: officer });
    return r.body.state === 'overdue' ? r.body : undefined;
  });
  expect(overdue.surcharge).toMatchObject({ amountFen: 100_000, capped: true });

  const early = await sys.call('POST', `/api/v1/cases/${caseId}/court-application`, {
    token: officer,
    body: { appliedAt: new Date().toISOString(), court: '兴隆台区人民法院' },
  });
  expect(early).toMatchObject({ status: 409, body: { code: 'DEMAND_NOT_SERVED' } });
  const drafted = await sys.call('POST', `/api/v1/cases/${caseId}/demand-notice`, {
    token: officer,
    body: { content: '限十日内缴纳罚款及加处罚款共计二千元；你有权陈述和申辩' },
  });
  expect(drafted.status).toBe(200);
  // Served k days ago (entered late), k found with the calendar so that the court window (10 working days
  // after service, 行政强制法 54) has opened by now whatever today is — 21 days unless holidays stretch it.
  const courtRule = findProfile('xinglongtai-civil-affairs', new Date())!.execution!.courtApplication!.earliest.period;
  const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
  let k = 21;
  while (Date.parse(computeDue(calendar, ago(k), courtRule).due!) >= Date.now()) k++;
  // The chief signed the 催告书 the day before (entered late): it existed before it was served.
  expect((await sys.completeTask(caseId, 'xlt.chief', { decision: 'approve', opinion: '同意催告', signedAt: ago(k + 1) })).status).toBe(
    200,
  );

  const demand = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/services`, { token: officer });
    return r.body.items.find((s: any) => s.document.kind === 'demand_notice');
  });
  const base = `/api/v1/cases/${caseId}/services/${demand.id}`;
  // Not before it was signed:
  const tooEarly = await sys.call('POST', `${base}/attempts`, { token: officer, body: { method: 'direct', startedAt: ago(k + 2) } });
  expect(tooEarly).toMatchObject({ status: 400, body: { code: 'EVENT_BEFORE_STEP', errors: [{ field: 'startedAt' }] } });
  expect((await sys.call('POST', `${base}/attempts`, { token: officer, body: { method: 'direct', startedAt: ago(k) } })).status).toBe(200);
  const served = await sys.call('POST', `${base}/outcome`, {
    token: officer,
    body: { outcome: 'served', at: ago(k), receipt: { signedBy: '王五' } },
  });
  expect(served.body.status).toBe('served');
  await eventually(async () =>
    (await sys.call('GET', `/api/v1/cases/${caseId}/execution`, { token: officer })).body.court.earliest ? true : undefined,
  );

  const applied = await sys.call('POST', `/api/v1/cases/${caseId}/court-application`, {
    token: officer,
    body: { appliedAt: new Date().toISOString(), court: '兴隆台区人民法院' },
  });
  expect(applied).toMatchObject({ status: 200, body: { state: 'applied_to_court', court: { court: '兴隆台区人民法院' } } });
  const result = await sys.call('POST', `/api/v1/cases/${caseId}/court-result`, {
    token: officer,
    body: { ruling: 'enforce', content: '裁定准予强制执行，已划拨', at: new Date().toISOString() },
  });
  expect(result.status).toBe(200);
  const record = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: officer });
    return r.body.items.at(-1).action === 'case_ended' ? r.body.items : undefined;
  });
  const actions = record.map((e: any) => e.action);
  expect(actions).toEqual(
    expect.arrayContaining([
      'execution_started',
      'deadline_escalated',
      'remedy_periods_ended',
      'demand_notice_drafted',
      'court_application_filed',
      'court_result_recorded',
    ]),
  );
});

it('the supervisor sees what is late and what is due across the agency, filters it, and exports the same rows', async () => {
  const servedAt = ago(30);
  const late = await decidedCase(servedAt); // payment was due 15 days after service: late by about two weeks
  const officer = await token('xlt.officer1');
  // A case at legal review (a finding makes it mandatory): its review is due within 5 working days.
  const atReview = await sys.filedCase('xlt');
  const evidenceId = await sys.evidenceRecord(atReview, 'xlt');
  await sys.call('POST', `/api/v1/cases/${atReview}/draft-decision`, {
    token: officer,
    body: {
      facts: '事实',
      evidenceIds: [evidenceId],
      legalBasis: '依据',
      penalties: [{ kind: 'warning' }],
      opinion: '警告',
      factors: '无',
      findings: ['major_public_interest'],
    },
  });
  await sys.completeTask(atReview, 'xlt.unithead', { decision: 'agree', opinion: '同意' });

  const supervisor = await token('xlt.supervisor');
  const overdue = await eventually(async () => {
    const r = await sys.call('GET', '/api/v1/supervision/due?state=overdue&pageSize=100', { token: supervisor });
    return r.body.items.some((i: any) => i.caseId === late && i.kind === 'payment') ? r.body : undefined;
  });
  const payment = overdue.items.find((i: any) => i.caseId === late && i.kind === 'payment');
  expect(payment).toMatchObject({ kindLabel: '缴纳罚款的期限', stage: 'execution', officerName: expect.any(String) });
  // How late depends on the day the 15th day fell on (a rest day rolls it on, 民法典 203): computed with
  // the calendar, as of one fixed instant, never a constant.
  const asOf = new Date().toISOString();
  const rule = findProfile('xinglongtai-civil-affairs', new Date())!.execution!.payment.period;
  const payBy = computeDue(new LegalCalendar(BUILT_IN_SCHEDULES), servedAt, rule).due!;
  const atAsOf = await sys.call('GET', `/api/v1/supervision/due?state=overdue&kind=payment&asOf=${encodeURIComponent(asOf)}&pageSize=100`, {
    token: supervisor,
  });
  expect(atAsOf.body.items.find((i: any) => i.caseId === late)).toMatchObject({
    dueAt: payBy,
    daysLate: Math.floor((Date.parse(asOf) - Date.parse(payBy)) / DAY),
  });

  const due = await sys.call('GET', `/api/v1/supervision/due?state=due&kind=task:legal_review`, { token: supervisor });
  expect(due.body.items).toEqual([expect.objectContaining({ caseId: atReview, kindLabel: '法制审核', role: 'legal_reviewer' })]);

  const { type, lines } = await sys.dueCsv('state=overdue&pageSize=100', 'xlt.supervisor');
  expect(type).toContain('text/csv');
  expect(lines[0]).toBe(DUE_CSV_HEADER);
  expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(
    overdue.items.map((i: any) => `${i.caseId},${i.caseNumber ?? ''},${i.kindLabel}`),
  );

  const stats = await sys.call('GET', '/api/v1/supervision/stats', { token: supervisor });
  expect(stats.body.casesByStage).toEqual(expect.arrayContaining([expect.objectContaining({ stage: 'execution' })]));
  const forbidden = await sys.call('GET', '/api/v1/supervision/due', { token: officer });
  expect(forbidden.status).toBe(403);
});
