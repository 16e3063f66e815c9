import raw001 from './agencies/001-xinxiang-town.v1.json';
import raw003 from './agencies/003-pingluo-veterans.v1.json';
import { parseProfile } from '.';

/** A fresh, mutable copy of a profile file's data. */
type Json = Record<string, any>;
const copy = (data: unknown): Json => structuredClone(data) as Json;
const FILE_003 = '003-pingluo-veterans.v1.json';
const parse003 = (edit: (d: Json) => void) => {
  const d = copy(raw003);
  edit(d);
  return () => parseProfile(d, FILE_003);
};

describe('profile validation (parseProfile)', () => {
  it('accepts the stored files', () => {
    expect(parseProfile(copy(raw003), FILE_003).id).toBe('pingluo-veterans');
    expect(parseProfile(copy(raw001), '001-xinxiang-town.v1.json').version).toBe(1);
  });

  it('refuses a figure without its source, naming the file and the path', () => {
    expect(parse003((d) => delete d.initiation.emergencyStart.source)).toThrow(
      'profile 003-pingluo-veterans.v1.json: initiation.emergencyStart.source: Required',
    );
    expect(parse003((d) => delete d.investigation.audiovisual.metadata[1].source)).toThrow(
      'profile 003-pingluo-veterans.v1.json: investigation.audiovisual.metadata[1].source: Required',
    );
  });

  it('refuses an unknown field, naming it (in a section, a figure and a source)', () => {
    expect(parse003((d) => (d.initiation.approver.deputy = '副局长'))).toThrow(
      'profile 003-pingluo-veterans.v1.json: initiation.approver.deputy: unknown field',
    );
    expect(parse003((d) => (d.archiving.retention = { period: { amount: 1, unit: 'month' } }))).toThrow(
      'archiving.retention: unknown field',
    );
    expect(parse003((d) => (d.initiation.emergencyStart.source.page = 3))).toThrow('initiation.emergencyStart.source.page: unknown field');
  });

  it('refuses a bad period (amount 0, unit week; a fraction)', () => {
    const bad = parse003((d) => (d.archiving.deadline.period = { amount: 0, unit: 'week' }));
    expect(bad).toThrow(/archiving\.deadline\.period\.amount: Too small/);
    expect(bad).toThrow(/archiving\.deadline\.period\.unit: Invalid option/);
    expect(parse003((d) => (d.archiving.deadline.period.amount = 1.5))).toThrow(/archiving\.deadline\.period\.amount: .*expected int/);
  });

  it('refuses an allowed emergency start without its back-report period', () => {
    expect(parse003((d) => (d.initiation.emergencyStart.allowed = true))).toThrow('initiation.emergencyStart.backReport: Required');
  });

  it('refuses a national source that does not say it is a national default, and a malformed seed article', () => {
    expect(parse003((d) => delete d.decision.deadline.source.nationalDefault)).toThrow(
      'decision.deadline.source.nationalDefault: Required',
    );
    expect(parse003((d) => (d.archiving.custodian.source.article = '10'))).toThrow(
      'archiving.custodian.source.article: must start with 第…条',
    );
  });

  it('refuses a seed source citing another agency’s regulation', () => {
    expect(parse003((d) => (d.archiving.custodian.source.seed = '004'))).toThrow(
      "archiving.custodian.source.seed: cites seed 004, but this profile's regulation is seed 003",
    );
  });

  it('refuses a file whose name does not match its id, seed or version', () => {
    expect(() => parseProfile(copy(raw003), '003-pingluo-veterans.v2.json')).toThrow('version: file name says 2, data says 1');
    expect(() => parseProfile(copy(raw003), '004-pingluo-veterans.v1.json')).toThrow('regulation.seed: file name says 004');
  });

  it('refuses an impossible date, a version 0, a duplicate audiovisual activity, a written reason without the exception', () => {
    expect(parse003((d) => (d.effectiveFrom = '2024-02-30'))).toThrow('effectiveFrom: not a calendar date');
    expect(parse003((d) => (d.version = 0))).toThrow(/version: Too small/);
    const av = copy(raw001).investigation.audiovisual.mandatory;
    expect(() =>
      parseProfile(
        {
          ...copy(raw001),
          investigation: {
            ...copy(raw001).investigation,
            audiovisual: { ...copy(raw001).investigation.audiovisual, mandatory: [...av, av[0]] },
          },
        },
        'x.json',
      ),
    ).toThrow('investigation.audiovisual.mandatory[9].activity: duplicate activity inspection_person_place_goods');
    const d = copy(raw001);
    d.investigation.audiovisual.mandatory[0].unsuitableReasonInWriting = true;
    expect(() => parseProfile(d, 'x.json')).toThrow(
      'investigation.audiovisual.mandatory[0].unsuitableReasonInWriting: unsuitableReasonInWriting needs unlessUnsuitable',
    );
  });

  it('lists every problem, not only the first', () => {
    expect(
      parse003((d) => {
        delete d.name;
        d.code = 'PL';
      }),
    ).toThrow(/name: Required; code: must be 2–6 lower-case letters/);
  });
});
