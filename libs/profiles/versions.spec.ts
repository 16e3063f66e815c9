import raw001 from './agencies/001-xinxiang-town.v1.json';
import { PROFILES, chinaDate, cite, findProfile, findProfileIn, parseProfile } from '.';

/** A v2 of 001 in force from 2026-03-01, built in the test (no v2 file exists). */
function v2Of001() {
  const data = structuredClone(raw001) as Record<string, any>;
  data.version = 2;
  data.effectiveFrom = '2026-03-01';
  data.archiving.deadline.period = { amount: 20, unit: 'day' };
  return parseProfile(data, '001-xinxiang-town.v2.json');
}

describe('findProfile: the version in force on a date (China time)', () => {
  const all = [...PROFILES, v2Of001()];

  it('picks v1 before, v2 from the China-local day v2 takes effect', () => {
    expect(findProfileIn(all, 'xinxiang-town', new Date('2026-02-28T15:59:59Z'))?.version).toBe(1); // 23:59:59 in China
    expect(findProfileIn(all, 'xinxiang-town', new Date('2026-02-28T16:00:00Z'))?.version).toBe(2); // 00:00 on 1 March
    expect(findProfileIn(all, 'xinxiang-town', new Date('2026-02-28T16:00:00Z'))?.archiving.deadline.period.amount).toBe(20);
  });

  it('defaults to the latest version, and has nothing before the first one or for an unknown agency', () => {
    expect(findProfileIn(all, 'xinxiang-town')?.version).toBe(2);
    expect(findProfileIn(all, 'xinxiang-town', new Date('2024-10-14T12:00:00+08:00'))).toBeUndefined();
    expect(findProfileIn(all, 'xinxiang-town', new Date('2024-10-15T00:00:00+08:00'))?.version).toBe(1);
    expect(findProfileIn(all, 'nowhere')).toBeUndefined();
  });

  it('over the stored files, finds each agency by id', () => {
    expect(findProfile('jinpu-ocean')?.name).toBe('大连金普新区海洋发展局');
    expect(findProfile('xinxiang-town', new Date('2025-01-01T00:00:00+08:00'))?.version).toBe(1);
    expect(findProfile('nowhere')).toBeUndefined();
  });

  it('takes the China date of an instant, not the UTC one', () => {
    expect(chinaDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(chinaDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
  });

  it('keeps the stored profiles frozen: a pinned rule cannot be changed in memory', () => {
    const p = findProfile('huayin-housing')!;
    expect(Object.isFrozen(p.initiation.emergencyStart)).toBe(true);
  });
});

describe('cite: the source as Chinese text', () => {
  const xlt = findProfile('xinglongtai-civil-affairs')!;

  it('renders a seed source as the agency’s regulation and article', () => {
    expect(cite(xlt, xlt.initiation.emergencyStart.source)).toBe('兴隆台区民政局行政执法全过程记录实施办法 第六条第一款');
    expect(cite(xlt.regulation.title, xlt.initiation.approver.source)).toBe('兴隆台区民政局行政执法全过程记录实施办法 第六条第一款');
  });

  it('adds the note', () => {
    expect(cite(xlt, xlt.archiving.deadline.source)).toBe(
      '兴隆台区民政局行政执法全过程记录实施办法 第二十三条第一款：自行政执法行为终结之日起30日内；法律、法规、规章有具体要求的，从其规定',
    );
  });

  it('renders a national source as the law and article, saying the agency’s rules are silent, and 待核 when unconfirmed', () => {
    expect(cite(xlt, xlt.decision.deadline.source)).toMatch(
      /^《中华人民共和国行政处罚法》第六十条（国家规定，本机关制度未作规定）：自行政处罚案件立案之日起九十日内/,
    );
    expect(cite(xlt, xlt.decision.preDecisionNotice.statementWindow.source)).toMatch(
      /^《中华人民共和国行政处罚法》第四十四条、第四十五条第一款（国家规定，本机关制度未作规定；待核）：/,
    );
    expect(cite(xlt, { law: '中华人民共和国行政强制法', article: '第五十四条', nationalDefault: true })).toBe(
      '《中华人民共和国行政强制法》第五十四条（国家规定，本机关制度未作规定）',
    );
  });
});
