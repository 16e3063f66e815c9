import { TestSystem } from '../support/system';

// Tried as an attacker would: another agency's case (object level), another role's
// endpoint (function level), fields a client may not set (property level), separation of duties;
// every refused call is audited.
let sys: TestSystem;
let caseId: string;

beforeAll(async () => {
  sys = await TestSystem.start();
  caseId = await sys.filedCase('xlt');
});
afterAll(async () => {
  await sys?.stop();
});

const now = () => new Date().toISOString();

const CASE_REFUSALS = [
  ['hy.officer1', 'GET', 'evidence', 'CASE_NOT_FOUND', undefined],
  ['hy.officer1', 'GET', 'case-file', 'CASE_NOT_FOUND', undefined],
  ['hy.officer1', 'GET', 'verify', 'CASE_NOT_FOUND', undefined],
  [
    'hy.officer1',
    'POST',
    'draft-decision',
    'CASE_NOT_FOUND',
    { facts: 'x', evidenceIds: ['00000000-0000-4000-8000-000000000000'], legalBasis: 'x', penalties: [], opinion: 'x', factors: 'x' },
  ],
  [
    'hy.chief',
    'POST',
    'collective-discussions',
    'CASE_NOT_FOUND',
    { heldAt: now(), participants: ['甲', '乙'], minutes: 'x', conclusion: 'x' },
  ],
  [
    'xlt.officer1',
    'POST',
    'collective-discussions',
    'AUTH_ROLE_FORBIDDEN',
    { heldAt: now(), participants: ['甲', '乙'], minutes: 'x', conclusion: 'x' },
  ],
  ['xlt.officer1', 'POST', 'compulsory-execution', 'AUTH_ROLE_FORBIDDEN', { decidedAt: now(), scheduledAt: now(), measure: 'x' }],
  ['xlt.legal', 'POST', 'decision', 'AUTH_ROLE_FORBIDDEN', { documentNumber: 'x', decidedOn: '2026-11-23', partyPresent: false }],
  ['xlt.unithead', 'POST', 'archive', 'AUTH_ROLE_FORBIDDEN', { location: 'x' }],
  ['xlt.archivist', 'POST', 'payments', 'AUTH_ROLE_FORBIDDEN', { paidAt: now(), amountYuan: 1, receipt: 'x' }],
] as const;

it.each(CASE_REFUSALS)('%s %s …/%s is refused with %s', async (user, method, path, code, body) => {
  const r = await sys.call(method, `/api/v1/cases/${caseId}/${path}`, { token: await sys.token(user), body });
  expect(r.body.code).toBe(code);
  // Another agency's case answers as a missing one (no leak of whether it exists).
  expect(r.status).toBe(code === 'CASE_NOT_FOUND' ? 404 : 403);
});

const SUPERVISOR_VIEWS = [
  ['xlt.officer1', '/api/v1/supervision/due'],
  ['xlt.officer1', '/api/v1/supervision/accountability'],
  ['xlt.chief', '/api/v1/audit'],
] as const;

it.each(SUPERVISOR_VIEWS)('%s cannot read %s', async (user, path) => {
  expect((await sys.call('GET', path, { token: await sys.token(user) })).status).toBe(403);
});

it('a client cannot set status, due times, authors or the acting person', async () => {
  const officer = await sys.token('xlt.officer1');
  const form = {
    source: 'ex_officio',
    reason: 'r',
    caseSource: 'c',
    facts: 'f',
    parties: [{ kind: 'person', name: '王五' }],
    handlerOpinion: 'o',
  };
  const r = await sys.call('POST', '/api/v1/cases', {
    token: officer,
    body: { ...form, status: 'initiated', handlingOfficerId: '00000000-0000-4000-8000-000000000000', dueAt: now() },
  });
  expect(r.status).toBe(400);
  expect(r.body.errors.map((e: any) => `${e.field}:${e.code}`).sort()).toEqual([
    'dueAt:UNKNOWN_FIELD',
    'handlingOfficerId:UNKNOWN_FIELD',
    'status:UNKNOWN_FIELD',
  ]);
  const [task] = (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: officer })).body.items;
  const asSomeoneElse = await sys.call('POST', `/api/v1/tasks/${task.id}/completion`, {
    token: officer,
    body: { decision: 'submit', opinion: 'x', by: { id: 'x', role: 'chief' }, dueAt: now() },
  });
  expect(asSomeoneElse.body.errors.map((e: any) => e.field).sort()).toEqual(['by', 'dueAt']);
});

it('audits every refusal with its code', async () => {
  const roleRefusals = async () => {
    const audit = await sys.call('GET', '/api/v1/audit?pageSize=100', { token: await sys.token('xlt.supervisor') });
    const denied = audit.body.items.filter((a: any) => a.outcome === 'denied');
    expect(denied.every((a: any) => typeof a.code === 'string')).toBe(true);
    return denied.filter((a: any) => a.code === 'AUTH_ROLE_FORBIDDEN').length;
  };
  const before = await roleRefusals();
  // Refused here: the five role refusals on the case and the three reads of supervisor-only views, each with its code.
  for (const [user, method, path, , body] of CASE_REFUSALS.filter(([, , , code]) => code === 'AUTH_ROLE_FORBIDDEN')) {
    await sys.call(method, `/api/v1/cases/${caseId}/${path}`, { token: await sys.token(user), body });
  }
  for (const [user, path] of SUPERVISOR_VIEWS) await sys.call('GET', path, { token: await sys.token(user) });
  expect((await roleRefusals()) - before).toBeGreaterThanOrEqual(8);
});
