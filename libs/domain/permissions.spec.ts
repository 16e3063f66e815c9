import { ACTIONS, Action, CaseFacts, actionOf, mayAct } from './permissions';

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

  it('finds every action by its route', () => {
    for (const a of Object.keys(ACTIONS) as Action[]) expect(actionOf(ACTIONS[a].method, ACTIONS[a].path)).toBe(a);
    expect(actionOf('POST', '/api/v1/nowhere')).toBeUndefined();
  });
});
