import { TestSystem } from '../support/system';

// Over HTTP: the rules with their sources, the due-date computation, and an
// administrator loading a year's schedule (validated, versioned, audited).
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const festivals = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const schedule2027 = {
  year: 2027,
  source: { title: '测试用2027年节假日安排', documentNumber: '测试〔2026〕1号', issuedOn: '2026-11-01' },
  holidays: festivals.map((name, i) => ({ name, days: i === 0 ? ['2027-01-01', '2027-01-02', '2027-01-03'] : [`2027-0${i + 2}-10`] })),
  makeupWorkdays: [],
};

describe('profiles', () => {
  it('lists the five agencies with their versions, paged like every list', async () => {
    const r = await sys.call('GET', '/api/v1/profiles', { token: await token('xlt.officer1') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ page: 1, pageSize: 20, total: 5 });
    expect(r.body.items.map((p: any) => p.regulation.seed)).toEqual(['000', '001', '002', '003', '004']);
    expect(r.body.items[1]).toMatchObject({ id: 'xinxiang-town', version: 1, effectiveFrom: '2024-10-15' });
    const second = await sys.call('GET', '/api/v1/profiles?page=2&pageSize=2', { token: await token('xlt.officer1') });
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(second.body.items.map((p: any) => p.regulation.seed)).toEqual(['002', '003']);
  });

  it('shows each rule with its source and a Chinese citation', async () => {
    const r = await sys.call('GET', '/api/v1/profiles/pingluo-veterans', { token: await token('pl.officer1') });
    expect(r.status).toBe(200);
    expect(r.body.initiation.emergencyStart.allowed).toBe(false);
    expect(r.body.initiation.emergencyStart.citation).toContain('平罗县退役军人事务局行政执法全过程记录制度');
    expect(r.body.initiation.applicationAcceptance.citation).toContain('《中华人民共和国行政许可法》');
    // The file has no numbering section: the defaults show, as they apply to its cases.
    expect(r.body.numbering).toMatchObject({
      agencyShort: 'PL',
      rules: { case: { mode: 'assigned', pattern: '{agencyShort}罚立〔{year}〕{seq}号' } },
    });
    const missing = await sys.call('GET', '/api/v1/profiles/nowhere', { token: await token('pl.officer1') });
    expect(missing).toMatchObject({ status: 404, body: { code: 'AGENCY_PROFILE_UNKNOWN' } });
  });
});

describe('GET /api/v1/calendar/due', () => {
  it('counts working days across National Day 2026 with its make-up Saturday', async () => {
    // 09-30 + 5 WD: 10-01..10-07 holiday, 10-08 Thu 1, 10-09 Fri 2, 10-10 Sat make-up 3, 10-12 Mon 4, 10-13 Tue 5.
    const r = await sys.call('GET', '/api/v1/calendar/due?from=2026-09-30&amount=5&unit=workday', { token: await token('xlt.officer1') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ lastDay: '2026-10-13', due: '2026-10-13T16:00:00.000Z', complete: true, missingYears: [] });
  });

  it('says when a period reaches a year with no schedule', async () => {
    const r = await sys.call('GET', '/api/v1/calendar/due?from=2026-12-28&amount=10&unit=workday', { token: await token('xlt.officer1') });
    expect(r.body).toMatchObject({ complete: false, missingYears: [2027] });
  });

  it('refuses bad queries field by field', async () => {
    const r = await sys.call('GET', '/api/v1/calendar/due?from=tomorrow&amount=0&unit=week&pause=2026-10-05/2026-10-01', {
      token: await token('xlt.officer1'),
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: any) => `${e.field}:${e.code}`).sort()).toEqual([
      'amount:OUT_OF_RANGE',
      'from:NOT_DATE',
      'pause:NOT_PAUSE',
      'unit:NOT_ALLOWED',
    ]);
    expect(r.body.errors.find((e: any) => e.field === 'pause').message).toContain('中止期间');
  });

  it('takes pauses: whole days by date, repeatable; the moved raw end is rolled once (行政强制法 25, 民法典 203)', async () => {
    const officer = await token('xlt.officer1');
    // 2026-09-20 + 30 days = 10-20; paused 10-01..10-04 (4 whole days) → 10-24 Sat → Mon 10-26.
    const one = await sys.call('GET', '/api/v1/calendar/due?from=2026-09-20&amount=30&unit=day&pause=2026-10-01/2026-10-04', {
      token: officer,
    });
    expect(one.body).toMatchObject({
      lastDay: '2026-10-26',
      rolledFrom: '2026-10-24',
      due: '2026-10-26T16:00:00.000Z',
      paused: { ms: 4 * 86_400_000, open: false },
    });
    const two = await sys.call(
      'GET',
      '/api/v1/calendar/due?from=2026-09-20&amount=30&unit=day&pause=2026-10-01/2026-10-02&pause=2026-10-03T00:00:00%2B08:00/2026-10-04',
      { token: officer },
    );
    expect(two.body).toMatchObject({ lastDay: '2026-10-26', paused: { ms: 4 * 86_400_000 } });
    const open = await sys.call('GET', '/api/v1/calendar/due?from=2026-09-20&amount=30&unit=day&pause=2026-10-01/', { token: officer });
    expect(open.body).toMatchObject({ due: null, paused: { open: true } });
  });
});

describe('PUT /api/v1/calendar/years/{year}', () => {
  it('only the administrator loads a year, and the refusal is audited', async () => {
    const r = await sys.call('PUT', '/api/v1/calendar/years/2027', { token: await token('xlt.chief'), body: schedule2027 });
    expect(r).toMatchObject({ status: 403, body: { code: 'AUTH_ROLE_FORBIDDEN' } });
  });

  it('refuses an inconsistent schedule with each problem named', async () => {
    const bad = {
      ...schedule2027,
      holidays: schedule2027.holidays.filter((h) => h.name !== '中秋节'),
      makeupWorkdays: ['2027-01-05', '2027-01-01'],
    };
    const r = await sys.call('PUT', '/api/v1/calendar/years/2027', { token: await token('sys.admin'), body: bad });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('CALENDAR_INVALID');
    const codes = r.body.errors.map((e: any) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['HOLIDAY_MISSING', 'MAKEUP_NOT_WEEKEND', 'DATE_DUPLICATE']));
    const wrongYear = await sys.call('PUT', '/api/v1/calendar/years/2028', { token: await token('sys.admin'), body: schedule2027 });
    expect(wrongYear.body.errors[0]).toMatchObject({ field: 'year', code: 'YEAR_MISMATCH' });
  });

  it('loads a year as a new version, keeps the previous one, and the due dates use it', async () => {
    const admin = await token('sys.admin');
    const v1 = await sys.call('PUT', '/api/v1/calendar/years/2027', { token: admin, body: schedule2027 });
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ year: 2027, version: 1 });
    const v2 = await sys.call('PUT', '/api/v1/calendar/years/2027', {
      token: admin,
      body: { ...schedule2027, source: { ...schedule2027.source, documentNumber: '测试〔2026〕2号' } },
    });
    expect(v2.body.version).toBe(2);
    const versions = await sys.call('GET', '/api/v1/calendar/years/2027', { token: admin });
    expect(versions.body.map((v: any) => [v.version, v.schedule.source.documentNumber])).toEqual([
      [2, '测试〔2026〕2号'],
      [1, '测试〔2026〕1号'],
    ]);
    // 12-28 Mon + 10 WD: 12-29 1, 12-30 2, 12-31 3, 01-01..03 holiday, 01-04 Mon 4 … 01-08 Fri 8, 01-11 9, 01-12 10.
    const due = await sys.call('GET', '/api/v1/calendar/due?from=2026-12-28&amount=10&unit=workday', { token: admin });
    expect(due.body).toMatchObject({ lastDay: '2027-01-12', complete: true });
    const audit = await sys.database.db.query(`SELECT action FROM audit_log WHERE action LIKE 'calendar_year_loaded%' ORDER BY id`);
    expect(audit.map((a: any) => a.action)).toEqual(['calendar_year_loaded 2027 v1', 'calendar_year_loaded 2027 v2']);
  });
});

describe('application start: acceptance within 5 working days (行政许可法 32, 82)', () => {
  it('opens the acceptance task with its due date from the profile and the calendar', async () => {
    const body = {
      source: 'application',
      reason: '申请登记',
      caseSource: '窗口受理',
      facts: '申请成立社会团体',
      parties: [{ kind: 'organisation', name: '某协会筹备组' }],
      handlerOpinion: '进行受理审查',
      application: { form: 'written', receivedAt: '2026-09-30T10:00:00+08:00', matter: '社会团体成立登记' },
    };
    const c = await sys.call('POST', '/api/v1/cases', { token: await token('xlt.officer1'), body });
    expect(c.status).toBe(201);
    const tasks = await sys.call('GET', `/api/v1/tasks?caseId=${c.body.id}`, { token: await token('xlt.officer1') });
    expect(tasks.body.items).toHaveLength(1);
    // Same count as above: received 09-30, five working days end with 10-13.
    expect(tasks.body.items[0]).toMatchObject({ kind: 'application_acceptance', dueAt: '2026-10-13T16:00:00.000Z' });
  });
});
