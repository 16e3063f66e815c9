import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, Action, CaseFacts, actionOf, administeredAgency, assignableRoles, mayAct } from './permissions';

const facts: CaseFacts = { agencyId: 'a', handlingOfficerId: 'h', handlingUnit: '执法科', investigatingOfficerIds: ['i'] };
const person = (id: string, role: any, unit = '执法科', agencyId = 'a') => ({ id, role, unit, agencyId });

describe('mayAct', () => {
  it('lets the handling officer and a named investigating officer act, not another officer of the unit', () => {
    expect(mayAct(person('h', 'officer'), 'record.add', facts)).toBe('allowed');
    expect(mayAct(person('i', 'officer'), 'notice.waiver', facts)).toBe('allowed');
    expect(mayAct(person('o', 'officer'), 'measure.pause', facts)).toBe('forbidden');
  });

  it('lets the head of the handling unit act, not the head of another unit', () => {
    expect(mayAct(person('u', 'unit_head'), 'case.operation', facts)).toBe('allowed');
    expect(mayAct(person('u2', 'unit_head', '执法二科'), 'case.operation', facts)).toBe('forbidden');
  });

  it('answers another agency’s case as a missing one', () => {
    expect(mayAct(person('c', 'chief', '办公室', 'b'), 'decision.issue', facts)).toBe('not_found');
    expect(mayAct(person('c', 'chief', '办公室', 'b'), 'decision.issue', null)).toBe('not_found');
    expect(mayAct(person('c', 'chief', '办公室', 'a'), 'decision.issue', facts)).toBe('allowed');
  });

  it('needs no case for actions on none, and keeps the administrator to shared data', () => {
    expect(mayAct(person('x', 'admin', '', 'system'), 'calendar.load', null)).toBe('allowed');
    expect(mayAct(person('c', 'chief'), 'calendar.load', null)).toBe('forbidden');
    expect(mayAct(person('x', 'admin', '', 'system'), 'archive.file', facts)).toBe('not_found');
  });

  it('lets the system administrator administer every agency, an agency administrator its own only', () => {
    const sys = person('x', 'admin', '信息中心', 'system');
    const own = person('aa', 'agency_admin', '办公室', 'a');
    const other = person('ab', 'agency_admin', '办公室', 'b');
    for (const action of ['user.create', 'user.change', 'unit.create', 'unit.change'] as Action[]) {
      expect(mayAct(sys, action, { agencyId: 'b' })).toBe('allowed');
      expect(mayAct(own, action, { agencyId: 'a' })).toBe('allowed');
      expect(mayAct(person('c', 'chief'), action, { agencyId: 'a' })).toBe('forbidden');
    }
    // Another agency's user or unit is missing for its administrator; an agency itself is public.
    expect(mayAct(other, 'user.change', { agencyId: 'a' })).toBe('not_found');
    expect(mayAct(other, 'unit.change', { agencyId: 'a' })).toBe('not_found');
    expect(mayAct(other, 'user.create', { agencyId: 'a' })).toBe('forbidden');
    expect(mayAct(sys, 'user.change', null)).toBe('not_found');
    // An agency administrator takes no step of a case, not even of its own agency.
    expect(mayAct(own, 'decision.issue', facts)).toBe('forbidden');
  });

  it('reads an administrator’s own agency, the system administrator any or all', () => {
    expect(administeredAgency(person('x', 'admin', '', 'system'))).toBeUndefined();
    expect(administeredAgency(person('x', 'admin', '', 'system'), 'b')).toBe('b');
    expect(administeredAgency(person('aa', 'agency_admin'))).toBe('a');
    expect(administeredAgency(person('aa', 'agency_admin'), 'a')).toBe('a');
    expect(administeredAgency(person('aa', 'agency_admin'), 'b')).toBeNull();
    expect(administeredAgency(person('s', 'supervisor'))).toBeNull();
  });

  it('lets an agency administrator give every role but the system administrator’s', () => {
    expect(assignableRoles(person('x', 'admin'))).toContain('admin');
    expect(assignableRoles(person('aa', 'agency_admin'))).not.toContain('admin');
    expect(assignableRoles(person('aa', 'agency_admin'))).toContain('agency_admin');
    expect(assignableRoles(person('c', 'chief'))).toEqual([]);
  });

  it('finds every action by its route', () => {
    for (const a of Object.keys(ACTIONS) as Action[]) expect(actionOf(ACTIONS[a].method, ACTIONS[a].path)).toBe(a);
    expect(actionOf('POST', '/api/v1/nowhere')).toBeUndefined();
  });

  it('is the table README "Who may act" shows: one row per action, with its route', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Who may act'), readme.indexOf('## Readings of the law we chose'));
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((l) => /^\| `([\w.]+)`/.exec(l)![1])).toEqual(Object.keys(ACTIONS));
    for (const a of Object.keys(ACTIONS) as Action[]) {
      const row = rows.find((l) => l.startsWith(`| \`${a}\``))!;
      expect(row).toContain(`\`${ACTIONS[a].method} ${ACTIONS[a].path.replace('/api/v1', '')}\``);
      // The columns, in order: the handling officer, an officer of the same unit, of another unit, the
      // head of the handling unit, of another unit, legal, chief, archivist, supervisor, sys.admin, and
      // the agency administrator (of the case's or target's agency).
      const columns = [
        person('h', 'officer'),
        person('o', 'officer'),
        person('o3', 'officer', '执法二科'),
        person('u', 'unit_head'),
        person('u2', 'unit_head', '执法二科'),
        person('l', 'legal_reviewer', '法制科'),
        person('c', 'chief', '办公室'),
        person('ar', 'archivist', '办公室'),
        person('s', 'supervisor', '法制科'),
        person('x', 'admin', '信息中心', 'system'),
        person('aa', 'agency_admin', '办公室'),
      ];
      const marks = row
        .split('|')
        .slice(3, 14)
        .map((cell) => cell.trim() === '✓');
      const noInvestigators = { ...facts, investigatingOfficerIds: [] };
      expect(marks).toEqual(columns.map((p) => mayAct(p, a, ACTIONS[a].scope === 'none' ? null : noInvestigators) === 'allowed'));
    }
  });
});
