import { PROFILES, findProfile } from '.';

describe('agency profiles (seed-profiles.md)', () => {
  it('has the five agencies of the seeds, each with a unique id and code', () => {
    expect(PROFILES.map((p) => p.regulation.seed)).toEqual(['000', '001', '002', '003', '004']);
    expect(new Set(PROFILES.map((p) => p.id)).size).toBe(5);
    expect(new Set(PROFILES.map((p) => p.code)).size).toBe(5);
  });

  it('allows emergency start with a 24-hour back-report exactly where the regulation does (000, 002, 004)', () => {
    const emergency = Object.fromEntries(PROFILES.map((p) => [p.regulation.seed, p.initiation.emergencyStart?.backReport ?? null]));
    expect(emergency).toEqual({
      '000': { value: 24, unit: 'hours' },
      '001': null,
      '002': { value: 24, unit: 'hours' },
      '003': null,
      '004': { value: 24, unit: 'hours' },
    });
  });

  it('names the article behind every figure, in the agency’s own regulation', () => {
    for (const p of PROFILES) {
      const sources = [p.initiation.approverTitle.source, p.initiation.declineNotice.source, p.initiation.emergencyStart?.source];
      for (const s of sources.filter(Boolean)) {
        expect(s).toContain(p.regulation.title);
        expect(s).toMatch(/第.+条/);
      }
    }
  });

  it('finds a profile by id, and nothing for an unknown one', () => {
    expect(findProfile('jinpu-ocean')?.name).toBe('大连金普新区海洋发展局');
    expect(findProfile('nowhere')).toBeUndefined();
  });
});
