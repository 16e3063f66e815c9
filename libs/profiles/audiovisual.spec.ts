import { AgencyProfile, PROFILES, findProfile } from '.';

const bySeed = (f: (p: AgencyProfile) => unknown) => Object.fromEntries(PROFILES.map((p) => [p.regulation.seed, f(p)]));

describe('audiovisual records', () => {
  const activities = (p: AgencyProfile) => p.investigation.audiovisual.mandatory.map((r) => r.activity).sort();

  it('are mandatory for the activities each regulation lists; 003 keeps its own list', () => {
    expect(bySeed(activities)).toEqual({
      '000': ['disputed_summary_procedure', 'lodged_service', 'public_notice_service'],
      '001': [
        'compulsory_execution',
        'inquiry_party',
        'inquiry_witness',
        'inspection_person_place_goods',
        'lodged_service',
        'public_notice_service',
        'registered_preservation',
        'sampling',
        'seal_seize',
      ],
      '002': ['hearing', 'lodged_service', 'on_site_inspection', 'public_notice_service', 'sampling'],
      '003': [],
      '004': [
        'disputed_summary_procedure',
        'hearing',
        'lodged_service',
        'on_site_inspection',
        'property_handling',
        'public_notice_service',
        'restrict_freedom',
        'sampling',
        'seal_seize',
      ],
    });
    expect(findProfile('pingluo-veterans')!.investigation.audiovisual.agencyList?.source).toMatchObject({
      seed: '003',
      article: '第七条第一款',
    });
    const posted = findProfile('xinxiang-town')!.investigation.audiovisual.mandatory.find((r) => r.activity === 'public_notice_service');
    expect(posted?.onlyWhen).toBe('posted_notice');
  });

  it('may be skipped where unsuitable: 002 第十四条 without, 004 第十五条 with a written reason', () => {
    const unsuitable = (p: AgencyProfile) =>
      p.investigation.audiovisual.mandatory.filter((r) => r.unlessUnsuitable).map((r) => [r.activity, r.unsuitableReasonInWriting]);
    expect(unsuitable(findProfile('huayin-housing')!)).toEqual([
      ['on_site_inspection', false],
      ['sampling', false],
      ['hearing', false],
    ]);
    expect(unsuitable(findProfile('jinpu-ocean')!)).toEqual([
      ['on_site_inspection', true],
      ['sampling', true],
      ['hearing', true],
    ]);
  });

  it('are uploaded within 24 hours or 2 working days, and 24 hours after return when away (003 第九条, 004 第二十七条)', () => {
    expect(
      bySeed((p) => [p.investigation.audiovisual.upload.period, p.investigation.audiovisual.uploadAfterReturn?.period ?? null]),
    ).toEqual({
      '000': [{ amount: 24, unit: 'hour' }, null],
      '001': [{ amount: 2, unit: 'workday' }, null],
      '002': [{ amount: 24, unit: 'hour' }, null],
      '003': [
        { amount: 2, unit: 'workday' },
        { amount: 24, unit: 'hour' },
      ],
      '004': [
        { amount: 24, unit: 'hour' },
        { amount: 24, unit: 'hour' },
      ],
    });
    expect(findProfile('jinpu-ocean')!.investigation.audiovisual.upload.startsAt).toBe('activity_ended');
  });

  it('carry the metadata each regulation asks for; 004 keeps them 3 years', () => {
    const fields = (id: string) => findProfile(id)!.investigation.audiovisual.metadata.map((m) => m.field);
    expect(fields('xinxiang-town')).toEqual(['production_method', 'produced_at', 'producer', 'fact_proven', 'audio_transcript']);
    expect(fields('pingluo-veterans')).toEqual(expect.arrayContaining(['spoken_opening_statement', 'interruption_reason']));
    expect(fields('jinpu-ocean')).toEqual(['producer', 'extractor', 'extracted_at', 'place_marker', 'sea_coordinates', 'ship_name_number']);
    expect(findProfile('jinpu-ocean')!.investigation.audiovisual.retention).toMatchObject({
      period: { amount: 36, unit: 'month' },
      keptWithCaseFile: 'evidence',
    });
    expect(findProfile('pingluo-veterans')!.investigation.audiovisual.retention?.keptWithCaseFile).toBe('all');
  });
});
