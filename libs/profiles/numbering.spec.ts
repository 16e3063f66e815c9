import raw000 from './agencies/000-xinglongtai-civil-affairs.v1.json';
import { PROFILES, numberingOf, parseProfile, profileFieldErrors } from '.';

type Json = Record<string, any>;
const FILE = '000-xinglongtai-civil-affairs.v1.json';
const with000 = (numbering: unknown) => () => parseProfile({ ...(structuredClone(raw000) as Json), numbering }, FILE);

describe('profile numbering (案号, 文号)', () => {
  it('numbers every built-in agency by default: assigned, its code in capitals, the default patterns', () => {
    const xlt = numberingOf(PROFILES.find((p) => p.id === 'xinglongtai-civil-affairs')!);
    expect(xlt).toEqual({
      agencyShort: 'XLT',
      rules: {
        case: { mode: 'assigned', pattern: '{agencyShort}罚立〔{year}〕{seq}号' },
        decision: { mode: 'assigned', pattern: '{agencyShort}罚决〔{year}〕{seq}号' },
        summary_decision: { mode: 'assigned', pattern: '{agencyShort}简罚〔{year}〕{seq}号' },
      },
    });
  });

  it('takes the section of a profile: short name, patterns, manual numbering', () => {
    const profile = with000({
      agencyShort: '兴民',
      case: { mode: 'assigned', pattern: '{agencyShort}立〔{year}〕{seq:3}号' },
      decision: { mode: 'manual' },
    })();
    expect(numberingOf(profile)).toEqual({
      agencyShort: '兴民',
      rules: {
        case: { mode: 'assigned', pattern: '{agencyShort}立〔{year}〕{seq:3}号' },
        decision: { mode: 'manual' },
        summary_decision: { mode: 'assigned', pattern: '{agencyShort}简罚〔{year}〕{seq}号' },
      },
    });
  });

  it('refuses a pattern without {seq} or with an unknown placeholder, naming its path', () => {
    expect(with000({ case: { mode: 'assigned', pattern: '兴民罚立〔{year}〕号' } })).toThrow(
      `profile ${FILE}: numbering.case.pattern: 编号规则须含序号占位符 {seq}`,
    );
    expect(with000({ decision: { mode: 'assigned', pattern: '{short}罚决{seq}' } })).toThrow(
      'numbering.decision.pattern: 未知的占位符「{short}」',
    );
    expect(with000({ case: { mode: 'sometimes' } })).toThrow(/numbering\.case\.mode: Invalid option/);
    expect(with000({ agencyShort: '兴 民' })).toThrow('numbering.agencyShort: must not contain braces or spaces');
    expect(with000({ seal: true })).toThrow('numbering.seal: unknown field');
  });

  it('refuses one pattern for both decisions (their 文号 share one unique index per agency)', () => {
    const same = { mode: 'assigned', pattern: '兴民罚〔{year}〕{seq}号' };
    expect(with000({ decision: same, summaryDecision: same })).toThrow(
      'numbering.summaryDecision.pattern: 当场处罚决定书与行政处罚决定书的文号规则不得相同',
    );
  });

  it('answers every numbering problem at once as API field errors, each with its path and a stable code', () => {
    const data = {
      ...(structuredClone(raw000) as Json),
      numbering: {
        agencyShort: '兴 民',
        case: { mode: 'assigned', pattern: '兴民罚立〔{year}〕号' },
        decision: { mode: 'assigned', pattern: '{short}罚决{seq}' },
      },
    };
    expect(profileFieldErrors(data).errors).toEqual([
      { field: 'numbering.agencyShort', code: 'NOT_AGENCY_SHORT', message: '机关代字不得含花括号或空白' },
      { field: 'numbering.case.pattern', code: 'PATTERN_NO_SEQ', message: '编号规则须含序号占位符 {seq}' },
      {
        field: 'numbering.decision.pattern',
        code: 'PATTERN_UNKNOWN_PLACEHOLDER',
        message: '未知的占位符「{short}」（可用：{agencyShort}、{year}、{seq}、{seq:3}）',
      },
    ]);
  });
});
