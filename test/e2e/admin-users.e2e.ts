import { addDays, chinaDate } from '#libs/calendar/dates';
import { userId } from '../support/database';
import { TestSystem } from '../support/system';

// An agency's people administered over HTTP: an administrator creates a colleague, who must choose
// their own password before anything else and is refused on the very next request once disabled;
// an agency administrator is kept to its own agency and roles; bad input answers field by field.
let sys: TestSystem;

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const XLT = 'xinglongtai-civil-affairs';
const today = () => chinaDate(new Date());
const post = async (by: string, path: string, body: unknown) => sys.call('POST', path, { token: await sys.token(by), body });
const patch = async (by: string, path: string, body: unknown) => sys.call('PATCH', path, { token: await sys.token(by), body });
const get = async (by: string, path: string) => sys.call('GET', path, { token: await sys.token(by) });

const newOfficer = (username: string, o: Record<string, unknown> = {}) => ({
  username,
  displayName: '孙执法人员',
  agencyId: XLT,
  unit: '执法科',
  role: 'officer',
  certificate: {
    number: `XLT-ZF-${username}`,
    issuer: '兴隆台区人民政府',
    validFrom: addDays(today(), -30),
    validTo: addDays(today(), 700),
  },
  password: 'Chushi2026mima',
  ...o,
});

it('an administrator creates a user, who must change the password first, and is refused at once when disabled', async () => {
  const created = await post('sys.admin', '/api/v1/admin/users', newOfficer('xlt.sun'));
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ username: 'xlt.sun', role: 'officer', unit: '执法科', active: true, mustChangePassword: true });
  expect(created.body.certificate).toMatchObject({ number: 'XLT-ZF-xlt.sun', validTo: addDays(today(), 700) });
  expect(JSON.stringify(created.body)).not.toMatch(/password"|passwordHash|scrypt|Chushi/);

  const login = await sys.tryLogin('xlt.sun', 'Chushi2026mima');
  expect(login.status).toBe(200);
  expect(login.body.mustChangePassword).toBe(true);
  const first = login.body.accessToken;
  const tasks = await sys.call('GET', '/api/v1/tasks', { token: first });
  expect(tasks).toMatchObject({ status: 403, body: { code: 'AUTH_PASSWORD_CHANGE_REQUIRED' } });
  expect((await sys.call('POST', '/api/v1/cases', { token: first, body: {} })).body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
  expect((await sys.call('GET', '/api/v1/auth/me', { token: first })).body).toMatchObject({
    username: 'xlt.sun',
    mustChangePassword: true,
  });

  const change = (newPassword: string) =>
    sys.call('POST', '/api/v1/auth/password', { token: first, body: { currentPassword: 'Chushi2026mima', newPassword } });
  expect((await change('onlyletters')).body.errors).toEqual([
    { field: 'newPassword', code: 'PASSWORD_NEEDS_LETTERS_AND_DIGITS', message: '密码须同时包含字母和数字' },
  ]);
  expect((await change('xlt.sun2026ab')).body.errors).toEqual([
    { field: 'newPassword', code: 'PASSWORD_CONTAINS_USERNAME', message: '密码不能包含用户名' },
  ]);
  const changed = await change('Wode2026mima');
  expect(changed.status).toBe(200);
  expect(changed.body.mustChangePassword).toBe(false);
  const mine = changed.body.accessToken;
  expect((await sys.call('GET', '/api/v1/tasks', { token: mine })).status).toBe(200);

  const disabled = await patch('sys.admin', `/api/v1/admin/users/${created.body.id}`, { active: false });
  expect(disabled.body).toMatchObject({ active: false });
  // The very next request, not after the session cache's seconds.
  expect((await sys.call('GET', '/api/v1/tasks', { token: mine })).body.code).toBe('AUTH_SESSION_ENDED');
  expect((await sys.tryLogin('xlt.sun', 'Wode2026mima')).status).toBe(401);

  // Every change audited under the agency, before and after, never the password.
  const audit = await get('xlt.supervisor', '/api/v1/audit?pageSize=100');
  const mineAudit = audit.body.items.filter((a: any) => a.details?.user === created.body.id);
  expect(mineAudit.map((a: any) => a.action)).toEqual(['user_changed', 'user_created']);
  expect(mineAudit[0].details).toMatchObject({ before: { active: true }, after: { active: false } });
  expect(JSON.stringify(mineAudit)).not.toMatch(/Chushi|Wode|scrypt/);
});

it('a password an administrator resets must be changed again; the reset ends the sessions', async () => {
  const created = await post('xlt.agencyadmin', '/api/v1/admin/users', newOfficer('xlt.reset'));
  const before = (await sys.tryLogin('xlt.reset', 'Chushi2026mima')).body.accessToken;
  const weak = await patch('xlt.agencyadmin', `/api/v1/admin/users/${created.body.id}`, { password: 'short' });
  expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'password', code: 'TOO_SHORT' })]);
  const reset = await patch('xlt.agencyadmin', `/api/v1/admin/users/${created.body.id}`, { password: 'Chongzhi2026' });
  expect(reset.body.mustChangePassword).toBe(true);
  expect((await sys.call('GET', '/api/v1/auth/me', { token: before })).body.code).toBe('AUTH_SESSION_ENDED');
  const again = await sys.tryLogin('xlt.reset', 'Chongzhi2026');
  expect(again.body.mustChangePassword).toBe(true);
  expect((await sys.call('GET', '/api/v1/users', { token: again.body.accessToken })).body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
});

it('keeps an agency administrator to its own agency and to the roles it may give', async () => {
  expect((await post('xlt.agencyadmin', '/api/v1/admin/users', newOfficer('xlt.own'))).status).toBe(201);
  const deputy = await post(
    'xlt.agencyadmin',
    '/api/v1/admin/users',
    newOfficer('xlt.deputy', { role: 'agency_admin', certificate: undefined }),
  );
  expect(deputy.status).toBe(201);
  const foreign = await post('xlt.agencyadmin', '/api/v1/admin/users', newOfficer('hy.foreign', { agencyId: 'huayin-housing' }));
  expect(foreign).toMatchObject({ status: 403, body: { code: 'AUTH_ROLE_FORBIDDEN' } });
  const admin = await post('xlt.agencyadmin', '/api/v1/admin/users', newOfficer('xlt.root', { role: 'admin', certificate: undefined }));
  expect(admin.status).toBe(400);
  expect(admin.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role', code: 'ROLE_NOT_ASSIGNABLE' })]));
  const hyOfficer = await userId(sys.database.db, 'hy.officer1');
  expect((await patch('xlt.agencyadmin', `/api/v1/admin/users/${hyOfficer}`, { active: false })).body.code).toBe('USER_NOT_FOUND');
  expect((await patch('xlt.agencyadmin', `/api/v1/admin/users/not-a-uuid`, { active: false })).body.code).toBe('USER_NOT_FOUND');
  expect((await patch('xlt.officer1', `/api/v1/admin/users/${hyOfficer}`, { active: false })).status).toBe(404);
  const ownOfficer = await userId(sys.database.db, 'xlt.officer3');
  expect((await patch('xlt.chief', `/api/v1/admin/users/${ownOfficer}`, { displayName: '改名' })).body.code).toBe('AUTH_ROLE_FORBIDDEN');

  const list = await get('xlt.agencyadmin', '/api/v1/admin/users?pageSize=100');
  expect(list.status).toBe(200);
  expect(new Set(list.body.items.map((u: any) => u.agencyId))).toEqual(new Set([XLT]));
  expect(list.body.items.some((u: any) => u.username === 'xlt.deputy')).toBe(true);
  expect((await get('xlt.agencyadmin', '/api/v1/admin/users?agencyId=huayin-housing')).status).toBe(403);
  expect((await get('xlt.officer1', '/api/v1/admin/users')).status).toBe(403);
  const found = await get('sys.admin', `/api/v1/admin/users?agencyId=huayin-housing&role=officer&q=${encodeURIComponent('执法')}`);
  expect(found.body.items.length).toBeGreaterThan(0);
  expect(found.body.items.every((u: any) => u.agencyId === 'huayin-housing' && u.role === 'officer')).toBe(true);
  const byUsername = await get('sys.admin', '/api/v1/admin/users?q=HY.OFFICER1');
  expect(byUsername.body.items.map((u: any) => u.username)).toEqual(['hy.officer1']);
});

it('answers bad input field by field, in Chinese, with stable codes', async () => {
  const duplicate = await post('sys.admin', '/api/v1/admin/users', newOfficer('xlt.officer1'));
  expect(duplicate).toMatchObject({
    status: 409,
    body: { code: 'USERNAME_TAKEN', errors: [{ field: 'username', code: 'USERNAME_TAKEN' }] },
  });
  const bad = await post(
    'sys.admin',
    '/api/v1/admin/users',
    newOfficer('xlt.bad', {
      unit: '不存在科',
      certificate: { number: 'X-1', validFrom: '2026-03-01', validTo: '2026-02-28' },
      password: 'abc',
    }),
  );
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: any) => [e.field, e.code])).toEqual([
    ['unit', 'UNIT_UNKNOWN'],
    ['certificate.validTo', 'CERTIFICATE_VALIDITY_REVERSED'],
    ['password', 'TOO_SHORT'],
  ]);
  expect(bad.body.errors.every((e: any) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
  const agency = await post('sys.admin', '/api/v1/admin/users', newOfficer('nowhere.one', { agencyId: 'nowhere' }));
  expect(agency.body.errors).toEqual([expect.objectContaining({ field: 'agencyId', code: 'AGENCY_UNKNOWN' })]);
  const shape = await post('sys.admin', '/api/v1/admin/users', { username: 'x y', role: 'boss' });
  expect(shape.status).toBe(400);
  expect(shape.body.errors.map((e: any) => e.field)).toEqual(
    expect.arrayContaining(['displayName', 'agencyId', 'unit', 'role', 'password']),
  );
  expect((await sys.database.db.query(`SELECT count(*)::int AS n FROM users WHERE username IN ('xlt.bad', 'nowhere.one')`))[0].n).toBe(0);
});

it('keeps units as data: created, renamed with their people, retired to take no one new', async () => {
  const unit = await post('xlt.agencyadmin', '/api/v1/admin/units', { name: '综合执法队' });
  expect(unit).toMatchObject({ status: 201, body: { agencyId: XLT, name: '综合执法队', active: true } });
  expect((await post('xlt.agencyadmin', '/api/v1/admin/units', { name: '综合执法队' })).body).toMatchObject({
    code: 'UNIT_NAME_TAKEN',
    errors: [{ field: 'name', code: 'UNIT_NAME_TAKEN' }],
  });
  expect((await post('hy.agencyadmin', '/api/v1/admin/units', { agencyId: XLT, name: '外来科' })).status).toBe(403);
  expect((await patch('hy.agencyadmin', `/api/v1/admin/units/${unit.body.id}`, { name: '外来科' })).body.code).toBe('UNIT_NOT_FOUND');
  const member = await post('xlt.agencyadmin', '/api/v1/admin/users', newOfficer('xlt.team', { unit: '综合执法队' }));
  expect(member.status).toBe(201);
  const renamed = await patch('xlt.agencyadmin', `/api/v1/admin/units/${unit.body.id}`, { name: '综合行政执法队' });
  expect(renamed.body.name).toBe('综合行政执法队');
  expect((await get('xlt.agencyadmin', '/api/v1/admin/users?q=xlt.team')).body.items[0].unit).toBe('综合行政执法队');
  const retired = await patch('xlt.agencyadmin', `/api/v1/admin/units/${unit.body.id}`, { active: false });
  expect(retired.body).toMatchObject({ active: false, retiredAt: expect.any(String) });
  // A retried or empty change changes nothing: the unit as it is, the retirement date kept.
  for (const body of [{ active: false }, {}]) {
    expect((await patch('xlt.agencyadmin', `/api/v1/admin/units/${unit.body.id}`, body)).body).toEqual(retired.body);
  }
  const joining = await post('xlt.agencyadmin', '/api/v1/admin/users', newOfficer('xlt.late', { unit: '综合行政执法队' }));
  expect(joining.body.errors).toEqual([expect.objectContaining({ field: 'unit', code: 'UNIT_RETIRED' })]);
  const moved = await patch('xlt.agencyadmin', `/api/v1/admin/users/${await userId(sys.database.db, 'xlt.officer3')}`, {
    unit: '综合行政执法队',
  });
  expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'unit', code: 'UNIT_RETIRED' })]);
  const units = await get('xlt.agencyadmin', '/api/v1/admin/units?active=false');
  expect(units.body.items.map((u: any) => u.name)).toEqual(['综合行政执法队']);
  expect((await get('sys.admin', `/api/v1/admin/units?agencyId=${XLT}&pageSize=100`)).body.total).toBe(5);
});
