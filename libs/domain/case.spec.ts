import { InitiationForm, declineMustBeTold } from './case';
import { canReadCase, canStartCase } from './access';
import { Actor } from './roles';

const form: InitiationForm = { reason: 'r', caseSource: 's', facts: 'f', parties: [], handlerOpinion: 'o' };
const rules = { applicant: true, realNameComplainant: true, exOfficioParty: false };

describe('declineMustBeTold (000 第五条、第七条; 001 第七条第二款)', () => {
  it('tells a real-name complainant, not an anonymous one', () => {
    expect(declineMustBeTold('complaint', { ...form, complainant: { realName: true, name: '李四' } }, rules)).toBe(true);
    expect(declineMustBeTold('complaint', { ...form, complainant: { realName: false } }, rules)).toBe(false);
  });

  it('tells an applicant, and the party of an ex officio case only where the profile says so', () => {
    expect(declineMustBeTold('application', form, rules)).toBe(true);
    expect(declineMustBeTold('ex_officio', form, rules)).toBe(false);
    expect(declineMustBeTold('ex_officio', form, { ...rules, exOfficioParty: true })).toBe(true);
  });
});

describe('case access by agency and role', () => {
  const officer: Actor = { id: 'u', name: 'n', role: 'officer', agencyId: 'xinglongtai-civil-affairs' };

  it('reads only its own agency’s cases', () => {
    expect(canReadCase(officer, 'xinglongtai-civil-affairs')).toBe(true);
    expect(canReadCase(officer, 'huayin-housing')).toBe(false);
  });

  it('lets only officers start a case', () => {
    expect(canStartCase(officer)).toBe(true);
    for (const role of ['unit_head', 'legal_reviewer', 'chief', 'archivist', 'supervisor'] as const) {
      expect(canStartCase({ ...officer, role })).toBe(false);
    }
  });
});
