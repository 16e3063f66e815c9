import { addDays, chinaDate } from '#libs/calendar/dates';
import { userId } from '../support/database';
import { EX_OFFICIO_CASE } from '../support/forms';
import { summaryBody } from '../support/summary-body';
import { TestSystem } from '../support/system';

// 行政处罚法 第四十二条: an officer whose 执法证件 is expired, not yet valid or missing on the day of the
// act is not named as an investigating officer, does not start or take over a case, and takes no
// coercive measure — each refusal names the officer and the date. The supervisor's view lists the
// certificates ending within 30 days.
let sys: TestSystem;

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const today = () => chinaDate(new Date());
const nameOf = async (username: string) =>
  (await sys.database.db.query('SELECT display_name FROM users WHERE username = $1', [username]))[0].display_name as string;

/** The agency administrator records `username`'s certificate (null removes it). */
async function certificate(username: string, c: { validFrom: string; validTo: string } | null) {
  const [u] = await sys.database.db.query('SELECT id, certificate_no FROM users WHERE username = $1', [username]);
  const agency = username.split('.')[0];
  const r = await sys.call('PATCH', `/api/v1/admin/users/${u.id}`, {
    token: await sys.token(`${agency}.agencyadmin`),
    body: { certificate: c && { number: u.certificate_no ?? `${agency.toUpperCase()}-ZF-NEW`, ...c } },
  });
  expect(r.status).toBe(200);
}

it('refuses an officer whose certificate has expired as investigating officer, for a measure and to start a case', async () => {
  const caseId = await sys.filedCase('pl');
  const name = await nameOf('pl.officer1');
  const yesterday = addDays(today(), -1);
  await certificate('pl.officer1', { validFrom: addDays(today(), -700), validTo: yesterday });

  const record = await sys.call('POST', `/api/v1/cases/${caseId}/records`, {
    token: await sys.token('pl.officer1'),
    body: {
      kind: 'appraisal_opinion',
      title: '鉴定意见书',
      recordedAt: new Date().toISOString(),
      content: '鉴定结论……',
      officers: [await sys.officer('pl.officer1'), await sys.officer('pl.officer2')],
      signatures: { partySigned: true },
    },
  });
  expect(record).toMatchObject({ status: 400, body: { code: 'RECORD_INVALID' } });
  expect(record.body.errors).toEqual([
    { field: 'officers[0].certificateNo', code: 'CERTIFICATE_EXPIRED', message: `${name}的执法证件有效期至${yesterday}，已过期` },
  ]);

  const measure = await sys.call('POST', `/api/v1/cases/${caseId}/measures`, {
    token: await sys.token('pl.officer1'),
    body: { kind: 'seize', object: '涉案物品一批', takenAt: new Date().toISOString() },
  });
  expect(measure).toMatchObject({ status: 403, body: { code: 'CERTIFICATE_NOT_VALID' } });
  expect(measure.body.errors).toEqual([
    { field: 'officer', code: 'CERTIFICATE_EXPIRED', message: `${name}的执法证件有效期至${yesterday}，已过期` },
  ]);
  // On a day it still held (the day before it ended), the record is lawful.
  const earlier = await sys.call('POST', `/api/v1/cases/${caseId}/records`, {
    token: await sys.token('pl.officer1'),
    body: {
      kind: 'appraisal_opinion',
      title: '鉴定意见书',
      recordedAt: `${addDays(today(), -2)}T10:00:00+08:00`,
      content: '鉴定结论……',
      officers: [await sys.officer('pl.officer1'), await sys.officer('pl.officer2')],
      signatures: { partySigned: true },
    },
  });
  expect(earlier.status).toBe(201);

  const started = await sys.call('POST', '/api/v1/cases', { token: await sys.token('pl.officer1'), body: EX_OFFICIO_CASE });
  expect(started).toMatchObject({
    status: 403,
    body: { code: 'CERTIFICATE_NOT_VALID', errors: [{ field: 'handlingOfficer', code: 'CERTIFICATE_EXPIRED' }] },
  });
});

it('refuses to hand a case to an officer whose certificate is not yet valid, and a case to one without any', async () => {
  const caseId = await sys.filedCase('jp');
  const starts = addDays(today(), 1);
  await certificate('jp.officer2', { validFrom: starts, validTo: addDays(today(), 900) });
  const [draft] = (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=draft_decision`, { token: await sys.token('jp.officer1') }))
    .body.items;
  const moved = await sys.call('POST', `/api/v1/tasks/${draft.id}/transfer`, {
    token: await sys.token('jp.unithead'),
    body: { toUserId: await userId(sys.database.db, 'jp.officer2'), reason: '承办人出差' },
  });
  expect(moved).toMatchObject({ status: 403, body: { code: 'CERTIFICATE_NOT_VALID' } });
  expect(moved.body.errors).toEqual([
    {
      field: 'toUserId',
      code: 'CERTIFICATE_NOT_YET_VALID',
      message: `${await nameOf('jp.officer2')}的执法证件自${starts}起生效，尚未生效`,
    },
  ]);

  await certificate('jp.officer3', null);
  const started = await sys.call('POST', '/api/v1/cases', { token: await sys.token('jp.officer3'), body: EX_OFFICIO_CASE });
  expect(started.body.errors).toEqual([
    { field: 'handlingOfficer', code: 'CERTIFICATE_MISSING', message: `${await nameOf('jp.officer3')}未登记执法证件，不得从事执法活动` },
  ]);
});

it('refuses an on-the-spot decision by an officer whose certificate is not yet valid that day', async () => {
  const starts = addDays(today(), 3);
  await certificate('xlt.officer3', { validFrom: starts, validTo: addDays(today(), 900) });
  const decided = await sys.call('POST', '/api/v1/summary-cases', { token: await sys.token('xlt.officer3'), body: summaryBody() });
  expect(decided).toMatchObject({ status: 403, body: { code: 'CERTIFICATE_NOT_VALID' } });
  expect(decided.body.errors).toEqual([
    {
      field: 'handlingOfficer',
      code: 'CERTIFICATE_NOT_YET_VALID',
      message: `${await nameOf('xlt.officer3')}的执法证件自${starts}起生效，尚未生效`,
    },
  ]);
});

it('lists for the supervisor the certificates ending within 30 days, the soonest first', async () => {
  await certificate('xx.officer1', { validFrom: addDays(today(), -300), validTo: addDays(today(), 10) });
  await certificate('xx.officer2', { validFrom: addDays(today(), -300), validTo: addDays(today(), 40) });
  await certificate('xx.officer3', { validFrom: addDays(today(), -300), validTo: today() });
  const list = await sys.call('GET', '/api/v1/supervision/certificates?withinDays=30', { token: await sys.token('xx.supervisor') });
  expect(list.status).toBe(200);
  expect(list.body.items.map((c: any) => [c.userId, c.validTo, c.daysLeft])).toEqual([
    [await userId(sys.database.db, 'xx.officer3'), today(), 0],
    [await userId(sys.database.db, 'xx.officer1'), addDays(today(), 10), 10],
  ]);
  expect(list.body.total).toBe(2);
  const wider = await sys.call('GET', '/api/v1/supervision/certificates?withinDays=40&pageSize=1', { token: await sys.token('xx.chief') });
  expect(wider.body).toMatchObject({ total: 3, pageSize: 1 });
  expect((await sys.call('GET', '/api/v1/supervision/certificates', { token: await sys.token('xx.officer1') })).status).toBe(403);
  const other = await sys.call('GET', '/api/v1/supervision/certificates', { token: await sys.token('hy.supervisor') });
  expect(other.body.total).toBe(0);
});
