import { LegalCalendar } from '#libs/calendar/calendar';
import { chinaDate } from '#libs/calendar/dates';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import raw000 from '#libs/profiles/agencies/000-xinglongtai-civil-affairs.v1.json';
import { AgencyProfilesRepository } from '#libs/persistence/repositories/agency-profiles.repository';
import { demoStaff } from '#api/auth/demo-users';
import { ProfileRegistry } from '#api/profiles/profile-registry';
import { eventually } from '../support/database';
import { EX_OFFICIO_CASE } from '../support/forms';
import { decidedCase } from '../support/decided-case';
import { SIXTH, sixthAgencyProfile } from '../support/onboarding';
import { TestSystem } from '../support/system';

// A sixth agency joins at run time (README "Onboarding an agency"): the administrator loads its profile
// through the API, its staff get logins, and one of its cases runs to the archive under its own rules —
// here a 15-day archive period where the profile it was derived from has 30.
let sys: TestSystem;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
const path = `/api/v1/admin/agencies/${SIXTH.id}/profile`;
const INITIAL = 'Initial-Passw0rd-2026';
const OWN = 'Lvshun-Haiyang-2026!';

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

it('refuses an invalid profile with every problem at once, each on its JSON path, and stores nothing', async () => {
  const admin = await sys.token('sys.admin');
  const bad = sixthAgencyProfile();
  delete bad.name;
  bad.code = 'LSOF';
  bad.archiving.deadline.period.amount = 0;
  bad.initiation.approver.deputy = '副局长';
  bad.investigation.audiovisual.mandatory[0].activity = 'dancing';
  const r = await sys.call('PUT', path, { token: admin, body: bad });
  expect(r.status).toBe(400);
  expect(r.body.code).toBe('PROFILE_INVALID');
  expect(r.body.errors).toEqual(
    expect.arrayContaining([
      { field: 'name', code: 'REQUIRED', message: '缺少必填字段' },
      { field: 'code', code: 'NOT_AGENCY_CODE', message: '须为 2 至 6 个小写英文字母' },
      { field: 'archiving.deadline.period.amount', code: 'OUT_OF_RANGE', message: '须大于 0' },
      { field: 'initiation.approver.deputy', code: 'UNKNOWN_FIELD', message: expect.stringMatching(/不允许/) },
      { field: 'investigation.audiovisual.mandatory[0].activity', code: 'NOT_ALLOWED', message: expect.stringMatching(/^取值须为/) },
    ]),
  );
  // A valid document under another agency's path, with a version that is not the next and a taken code.
  const misplaced = { ...sixthAgencyProfile(), version: 2, code: 'xlt' };
  const m = await sys.call('PUT', `/api/v1/admin/agencies/another-agency/profile`, { token: admin, body: misplaced });
  expect(m.status).toBe(400);
  expect(m.body.errors.map((e: any) => [e.field, e.code])).toEqual([
    ['id', 'ID_MISMATCH'],
    ['version', 'VERSION_NOT_NEXT'],
    ['code', 'CODE_TAKEN'],
  ]);
  const list = await sys.call('GET', '/api/v1/profiles', { token: admin });
  expect(list.body.total).toBe(5);
});

it('the system administrator loads any agency’s profile; an agency administrator only its own; nobody else', async () => {
  const r = await sys.call('PUT', path, { token: await sys.token('xlt.chief'), body: sixthAgencyProfile() });
  expect(r).toMatchObject({ status: 403, body: { code: 'AUTH_ROLE_FORBIDDEN' } });
  const other = await sys.call('PUT', path, { token: await sys.token('xlt.agencyadmin'), body: sixthAgencyProfile() });
  expect(other).toMatchObject({ status: 403, body: { code: 'AUTH_ROLE_FORBIDDEN' } });
  // 兴隆台's administrator sends its own agency's rules unchanged: accepted, nothing new stored.
  const own = await sys.call('GET', '/api/v1/profiles/xinglongtai-civil-affairs', { token: await sys.token('xlt.agencyadmin') });
  expect(own.status).toBe(200);
  const same = await sys.call('PUT', '/api/v1/admin/agencies/xinglongtai-civil-affairs/profile', {
    token: await sys.token('xlt.agencyadmin'),
    body: raw000,
  });
  expect(same).toMatchObject({ status: 200, body: { version: 1, source: 'builtin', stored: false } });
});

it('a user can be created only for an agency the registry holds', async () => {
  const r = await sys.call('POST', '/api/v1/admin/users', {
    token: await sys.token('sys.admin'),
    body: { username: 'nowhere.officer1', displayName: '无名', agencyId: 'nowhere', unit: '执法科', role: 'officer', password: INITIAL },
  });
  expect(r.status).toBe(400);
  expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'agencyId', code: 'AGENCY_UNKNOWN' })]));
});

it('loads a sixth agency, whose user runs a case to its archive under the loaded rules', async () => {
  const admin = await sys.token('sys.admin');
  // Another API instance, started before the load, with its registry cached.
  const other = new ProfileRegistry(new AgencyProfilesRepository(sys.database.db));
  await other.onModuleInit();
  expect(await other.inForce(SIXTH.id)).toBeUndefined();
  const keyed = { token: admin, body: sixthAgencyProfile(), headers: { 'idempotency-key': 'onboard-lsof' } };
  const created = await sys.call('PUT', path, keyed);
  expect(created).toMatchObject({
    status: 201,
    body: {
      agencyId: SIXTH.id,
      version: 1,
      source: 'loaded',
      stored: true,
      agencyCreated: true,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    },
  });
  // Sent again under its Idempotency-Key: the first answer, replayed as it was.
  expect(await sys.call('PUT', path, keyed)).toEqual(created);
  // The same document again (a retry without a key) stores nothing and answers the same version.
  const again = await sys.call('PUT', path, { token: admin, body: sixthAgencyProfile() });
  expect(again).toMatchObject({ status: 200, body: { version: 1, stored: false, hash: created.body.hash } });
  const audit = await sys.database.db.query(`SELECT agency_id, username, details FROM audit_log WHERE action = 'agency_profile_loaded'`);
  expect(audit).toEqual([
    {
      agency_id: SIXTH.id,
      username: expect.any(String),
      details: { agencyId: SIXTH.id, version: 1, effectiveFrom: '2026-01-01', sha256: created.body.hash, agencyCreated: true },
    },
  ]);

  // The other instance sees the new agency at its next read, without a restart.
  expect((await other.inForce(SIXTH.id))?.archiving.deadline.period.amount).toBe(15);
  const list = await sys.call('GET', '/api/v1/profiles', { token: admin });
  expect(list.body.total).toBe(6);
  expect(list.body.items.map((p: any) => p.source)).toEqual(['builtin', 'builtin', 'builtin', 'builtin', 'builtin', 'loaded']);
  expect(list.body.items[5]).toMatchObject({
    id: SIXTH.id,
    name: SIXTH.name,
    code: SIXTH.code,
    versions: [{ version: 1, source: 'loaded' }],
  });
  const rules = await sys.call('GET', `/api/v1/profiles/${SIXTH.id}`, { token: admin });
  expect(rules.body.archiving.deadline).toMatchObject({
    period: { amount: 15, unit: 'day' },
    citation: expect.stringContaining(SIXTH.name),
  });

  // Its units and staff, created by the administrator; each sets a password of their own at the first login.
  const staff = demoStaff(SIXTH, 5);
  for (const name of new Set(staff.map((u) => u.unit))) {
    const unit = await sys.call('POST', '/api/v1/admin/units', { token: admin, body: { agencyId: SIXTH.id, name } });
    expect(unit.status).toBe(201);
  }
  for (const u of staff) {
    const certificate = u.certificateNo && { number: u.certificateNo, validFrom: u.certificateValidFrom, validTo: u.certificateValidTo };
    const body = { username: u.username, displayName: u.displayName, agencyId: SIXTH.id, unit: u.unit, role: u.role, password: INITIAL };
    const created = await sys.call('POST', '/api/v1/admin/users', { token: admin, body: certificate ? { ...body, certificate } : body });
    expect(created.status).toBe(201);
    await sys.firstLogin(u.username, INITIAL, OWN);
  }
  const me = await sys.call('GET', '/api/v1/auth/me', { token: await sys.token(`${SIXTH.code}.officer1`) });
  expect(me.body).toMatchObject({ agencyId: SIXTH.id, agencyName: SIXTH.name });

  // A case from start to archive: filed, decided, handed over, paid; the archive task is due 15 days after its end.
  const caseId = await decidedCase(sys, SIXTH.code, { handedOverAt: new Date().toISOString() });
  const officer = await sys.token(`${SIXTH.code}.officer1`);
  const before = new Date().toISOString();
  const paid = await sys.call('POST', `/api/v1/cases/${caseId}/payments`, {
    token: officer,
    body: { paidAt: new Date().toISOString(), amountYuan: 1000, receipt: 'LS-1' },
  });
  expect(paid.body.state).toBe('paid');
  const ended = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer });
    return r.body.status === 'ended' ? r.body : undefined;
  });
  const after = new Date().toISOString();
  // Pinned to the loaded version, numbered with its 机关代字.
  expect(ended).toMatchObject({ agencyId: SIXTH.id, profileVersion: 1, caseNumber: expect.stringMatching(/^旅海渔罚立〔\d{4}〕1号$/) });
  const archivist = await sys.token(`${SIXTH.code}.archivist`);
  const task = await eventually(async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: archivist })).body.items[0]);
  // 15 days from the China day the case ended (before and after bracket that instant).
  const fifteen = [before, after].map((at) => computeDue(calendar, at, { amount: 15, unit: 'day' }).due);
  expect(task.kind).toBe('archive_file');
  expect(fifteen).toContain(task.dueAt);
  const archived = await sys.call('POST', `/api/v1/cases/${caseId}/archive`, {
    token: archivist,
    body: { archiveNumber: 'LSOF-2026-1', location: '档案室' },
  });
  expect(archived.body).toMatchObject({ status: 'archived', archive: { onTime: true } });
});

it('an agency loaded ahead of its regulation takes no case before its effective date', async () => {
  const admin = await sys.token('sys.admin');
  const from = chinaDate(new Date(Date.now() + 30 * 24 * 3600_000));
  const doc = { ...sixthAgencyProfile(), id: 'future-agency', code: 'fut', name: '未来局', effectiveFrom: from };
  expect((await sys.call('PUT', '/api/v1/admin/agencies/future-agency/profile', { token: admin, body: doc })).status).toBe(201);
  expect(
    (await sys.call('POST', '/api/v1/admin/units', { token: admin, body: { agencyId: 'future-agency', name: '执法科' } })).status,
  ).toBe(201);
  const user = {
    username: 'fut.officer1',
    displayName: '未来',
    agencyId: 'future-agency',
    unit: '执法科',
    role: 'officer',
    password: INITIAL,
  };
  expect((await sys.call('POST', '/api/v1/admin/users', { token: admin, body: user })).status).toBe(201);
  const officer = await sys.firstLogin('fut.officer1', INITIAL, OWN);
  const r = await sys.call('POST', '/api/v1/cases', { token: officer, body: EX_OFFICIO_CASE });
  expect(r).toMatchObject({ status: 409, body: { code: 'PROFILE_NOT_YET_IN_FORCE', message: expect.stringContaining(from) } });
});
