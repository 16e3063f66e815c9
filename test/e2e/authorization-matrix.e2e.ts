import { demoUsers } from '#api/auth/demo-users';
import {
  ACTIONS,
  ADMINISTRATION_SCOPES,
  Action,
  ActingPerson,
  CaseFacts,
  PUBLIC_ACTIONS,
  actionOf,
  mayAct,
} from '#libs/domain/permissions';
import { TestSystem } from '../support/system';

// Every state-changing route of the OpenAPI document,
// called as every role of the owning agency and as another agency's chief, is let through the guard
// exactly by the declared matrix (libs/domain/permissions.ts). Only the guard's refusal counts
// (403 AUTH_ROLE_FORBIDDEN, 404 CASE_NOT_FOUND / TASK_NOT_FOUND); a call let through may still be
// refused for its body. Every body carries an unknown field, so a call let through changes nothing
// (400 UNKNOWN_FIELD before the handler). Logout, which has no body and ends the callers' tokens,
// runs last; the test after it logs in afresh. An agency's administration acts on the owning agency:
// `/admin/users/{id}` on one of its people, `/admin/units/{id}` on one of its units.
let sys: TestSystem;
let caseId: string;
let taskId: string;
let colleagueId: string;
let unitId: string;
let facts: CaseFacts;
const people = new Map<string, ActingPerson>();

const CALLERS = [
  'xlt.officer1', // the handling officer
  'xlt.officer2', // another officer of the same unit
  'xlt.officer3', // an officer of another unit
  'xlt.unithead', // the head of the handling unit
  'xlt.unithead2', // the head of another unit
  'xlt.legal',
  'xlt.chief',
  'xlt.archivist',
  'xlt.supervisor',
  'xlt.agencyadmin', // the owning agency's administrator
  'hy.chief', // another agency's chief
  'hy.agencyadmin', // another agency's administrator
  'sys.admin',
];
const ANY = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  sys = await TestSystem.start();
  caseId = await sys.filedCase('xlt');
  const [c] = await sys.database.db.query(
    `SELECT c.agency_id, c.handling_officer_id, u.unit FROM cases c JOIN users u ON u.id = c.handling_officer_id WHERE c.id = $1`,
    [caseId],
  );
  facts = { agencyId: c.agency_id, handlingOfficerId: c.handling_officer_id, handlingUnit: c.unit, investigatingOfficerIds: [] };
  [{ id: taskId }] = await sys.database.db.query('SELECT id FROM tasks WHERE case_id = $1 LIMIT 1', [caseId]);
  [{ id: colleagueId }] = await sys.database.db.query(`SELECT id FROM users WHERE username = 'xlt.officer2'`);
  [{ id: unitId }] = await sys.database.db.query('SELECT id FROM units WHERE agency_id = $1 AND name = $2', [c.agency_id, c.unit]);
  const ids: { id: string; username: string }[] = await sys.database.db.query('SELECT id, username FROM users WHERE username = ANY($1)', [
    CALLERS,
  ]);
  for (const u of demoUsers().filter((d) => CALLERS.includes(d.username))) {
    people.set(u.username, { id: ids.find((i) => i.username === u.username)!.id, role: u.role, agencyId: u.agencyId, unit: u.unit });
  }
}, 120_000);
afterAll(async () => {
  await sys?.stop();
});

const GUARD_REFUSALS = ['AUTH_ROLE_FORBIDDEN', 'CASE_NOT_FOUND', 'TASK_NOT_FOUND', 'USER_NOT_FOUND', 'UNIT_NOT_FOUND'];

function concrete(path: string): string {
  const id = path.startsWith('/api/v1/tasks/')
    ? taskId
    : path.startsWith('/api/v1/admin/users/')
      ? colleagueId
      : path.startsWith('/api/v1/admin/units/')
        ? unitId
        : caseId;
  return path
    .replace('{id}', id)
    .replace('{year}', '2099')
    .replace('{agencyId}', facts.agencyId)
    .replace(/\{\w+\}/g, ANY);
}

/** What the guard sees of a route: no target, the owning agency (its administration), or the case. */
function factsOf(action: Action) {
  const scope = ACTIONS[action].scope;
  return scope === 'none' ? null : ADMINISTRATION_SCOPES.includes(scope) ? { agencyId: facts.agencyId } : facts;
}

it('keeps another officer off a case they do not handle until its record names them as investigating officer', async () => {
  const id = await sys.filedCase('xlt');
  const count = async () => (await sys.database.db.query('SELECT count(*)::int AS n FROM evidence_records WHERE case_id = $1', [id]))[0].n;
  await expect(sys.evidenceRecord(id, 'xlt', 'xlt.officer2')).rejects.toThrow(/403 .*AUTH_ROLE_FORBIDDEN/);
  await expect(sys.evidenceRecord(id, 'xlt', 'xlt.officer3')).rejects.toThrow(/403 .*AUTH_ROLE_FORBIDDEN/);
  expect(await count()).toBe(0);
  // The handling officer's record names officer1 and officer2 as the officers present (行政处罚法 42).
  await sys.evidenceRecord(id, 'xlt');
  await sys.evidenceRecord(id, 'xlt', 'xlt.officer2');
  await expect(sys.evidenceRecord(id, 'xlt', 'xlt.officer3')).rejects.toThrow(/403/);
  expect(await count()).toBe(2);
});

it('lets through exactly whom the matrix names, on every state-changing route', async () => {
  const doc = (await sys.call('GET', '/api/docs-json')).body;
  const routes: { method: string; path: string }[] = [];
  for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
    for (const method of Object.keys(ops).filter((m) => ['post', 'put', 'patch', 'delete'].includes(m)))
      routes.push({ method: method.toUpperCase(), path });
  }
  const open = routes.filter((r) => !PUBLIC_ACTIONS.some((p) => p.method === r.method && p.path === r.path));
  // A route without a matrix entry fails here; so does an entry whose route is gone.
  expect(open.filter((r) => !actionOf(r.method, r.path)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  expect((Object.keys(ACTIONS) as Action[]).filter((a) => !open.some((r) => actionOf(r.method, r.path) === a))).toEqual([]);
  const ordered = [...open].sort(
    (a, b) => Number(actionOf(a.method, a.path) === 'auth.logout') - Number(actionOf(b.method, b.path) === 'auth.logout'),
  );
  for (const u of CALLERS) await sys.token(u);
  const seen: string[] = [];
  const declared: string[] = [];
  for (const r of ordered) {
    const action = actionOf(r.method, r.path)!;
    for (const u of CALLERS) {
      // A new user's or unit's agency is the body's: the owning agency's.
      const target = ACTIONS[action].scope === 'agency' ? { agencyId: facts.agencyId } : {};
      const body = action === 'auth.logout' ? undefined : { matrixProbe: true, ...target };
      const reply = await sys.call(r.method, concrete(r.path), { token: sys.tokenOf(u), body });
      expect([401, 500]).not.toContain(reply.status);
      const guarded = [403, 404].includes(reply.status) && GUARD_REFUSALS.includes(reply.body?.code);
      if (!guarded) seen.push(`${action} ${u}`);
      if (mayAct(people.get(u)!, action, factsOf(action)) === 'allowed') declared.push(`${action} ${u}`);
    }
  }
  expect(seen).toEqual(declared);
  // Spelled out: another officer of the agency no longer acts on a case they do not handle.
  for (const a of ['record.add', 'notice.serve', 'notice.waiver', 'decision.issue', 'measure.pause', 'measure.resume']) {
    expect(seen).toContain(`${a} xlt.officer1`);
    for (const u of ['xlt.officer2', 'xlt.officer3', 'hy.chief']) expect(seen).not.toContain(`${a} ${u}`);
  }
  expect(seen).toContain('case.operation xlt.unithead');
  expect(seen).not.toContain('case.operation xlt.unithead2');
  // The owning agency's administrator and the system administrator administer it; another agency's does not.
  for (const a of ['user.create', 'user.change', 'unit.create', 'unit.change']) {
    expect(seen).toEqual(expect.arrayContaining([`${a} xlt.agencyadmin`, `${a} sys.admin`]));
    expect(seen).not.toContain(`${a} hy.agencyadmin`);
  }
}, 300_000);

it('answers another agency’s case as a missing one, and audits it as what it was', async () => {
  const other = await sys.call('POST', `/api/v1/cases/${caseId}/records`, { token: await sys.login('hy.officer1'), body: {} });
  const missing = await sys.call('POST', `/api/v1/cases/${ANY}/records`, { token: await sys.login('hy.officer1'), body: {} });
  expect([other.status, other.body]).toEqual([missing.status, missing.body]);
  expect(other.body.code).toBe('CASE_NOT_FOUND');
  const audit = await sys.call('GET', '/api/v1/audit?pageSize=100', { token: await sys.login('hy.supervisor') });
  expect(audit.body.items.some((a: any) => a.code === 'CASE_OTHER_AGENCY' && a.outcome === 'denied')).toBe(true);
});
