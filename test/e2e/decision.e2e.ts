import { TestSystem } from '../support/system';

// Issue 6 over HTTP, so far: filing starts the decision stage; the pre-decision notice and its
// windows gate the chief's decision; waivers in writing open the gate.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});


describe('the decision gate (兴隆台区民政局: 陈述、申辩 told; 3 working days)', () => {
  it('refuses the decision while the statement window is open, and takes it once the party waived in writing', async () => {
    const caseId = await sys.filedCase('xlt');
    const officer = await token('xlt.officer1');
    const chief = await token('xlt.chief');
    const decision = { documentNumber: '兴民罚〔2026〕1号', decidedOn: '2026-11-23', content: '责令改正' };

    const early = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, { token: chief, body: decision });
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

    const blocked = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, { token: chief, body: decision });
    expect(blocked).toMatchObject({ status: 409, body: { code: 'STATEMENT_WINDOW_OPEN' } });
    expect(blocked.body.message).toContain('陈述、申辩期限至');

    await sys.call('POST', `/api/v1/cases/${caseId}/waivers`, {
      token: officer,
      body: { waivedAt: new Date().toISOString(), scope: 'both', document: '本人放弃陈述、申辩和听证的权利。张三' },
    });
    const byOfficer = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, { token: officer, body: decision });
    expect(byOfficer).toMatchObject({ status: 403, body: { code: 'AUTH_ROLE_FORBIDDEN' } });
    const issued = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, { token: chief, body: decision });
    expect(issued.status).toBe(200);
    expect(issued.body.decided).toBe(true);

    const c = await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer });
    expect(c.body.status).toBe('decided');
    const record = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: chief });
    expect(record.body.items.map((e: any) => e.action).slice(-3)).toEqual(['notice_served', 'waiver_filed', 'decision_issued']);
    const deadlines = await sys.call('GET', `/api/v1/cases/${caseId}/deadlines`, { token: chief });
    expect(deadlines.body[0].state).toBe('met');
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
    const tooSoon = await sys.call('POST', `/api/v1/cases/${caseId}/hearing`, { token: officer, body: { notifiedAt: now, at: tomorrow, place: '听证室' } });
    expect(tooSoon).toMatchObject({ status: 400, body: { code: 'HEARING_NOTICE_TOO_SHORT' } });
    expect(tooSoon.body.message).toContain('最早可定于');
    const later = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString();
    const scheduled = await sys.call('POST', `/api/v1/cases/${caseId}/hearing`, { token: officer, body: { notifiedAt: now, at: later, place: '听证室' } });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.hearing).toMatchObject({ place: '听证室', reported: false });
  });
});
