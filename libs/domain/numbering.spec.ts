import { chinaYear, formatNumber, parseNumber, readPattern } from './numbering';

describe('case and document numbers (案号, 文号)', () => {
  const CASE = '{agencyShort}罚立〔{year}〕{seq}号';

  it('formats a number from the pattern, the agency short name, the year and the sequence', () => {
    expect(formatNumber(CASE, { agencyShort: '兴民', year: 2026, seq: 3 })).toBe('兴民罚立〔2026〕3号');
    expect(formatNumber('{agencyShort}罚决〔{year}〕第{seq:3}号', { agencyShort: '浦海', year: 2027, seq: 7 })).toBe(
      '浦海罚决〔2027〕第007号',
    );
    // A sequence wider than the padding is written whole.
    expect(formatNumber('{year}-{seq:2}', { agencyShort: 'x', year: 2026, seq: 1234 })).toBe('2026-1234');
  });

  it('reads a number back into its year and sequence, only in its canonical form', () => {
    expect(parseNumber(CASE, '兴民', '兴民罚立〔2026〕3号')).toEqual({ year: 2026, seq: 3 });
    expect(parseNumber('{agencyShort}罚决〔{year}〕第{seq:3}号', '浦海', '浦海罚决〔2027〕第012号')).toEqual({ year: 2027, seq: 12 });
    expect(parseNumber('{agencyShort}罚决〔{year}〕第{seq:3}号', '浦海', '浦海罚决〔2027〕第1000号')).toEqual({ year: 2027, seq: 1000 });
    expect(parseNumber('{agencyShort}-{seq}', 'A.B', 'A.B-9')).toEqual({ year: undefined, seq: 9 });
    for (const text of [
      '兴民罚立〔2026〕03号',
      '兴民罚立〔2026〕0号',
      '华住罚立〔2026〕3号',
      '兴民罚立〔26〕3号',
      '兴民罚立〔2026〕3号 ',
    ]) {
      expect(parseNumber(CASE, '兴民', text)).toBeNull();
    }
    // A '.' in the short name is text, not "any character".
    expect(parseNumber('{agencyShort}-{seq}', 'A.B', 'AxB-9')).toBeNull();
  });

  it('round-trips every sequence of a year', () => {
    for (let seq = 1; seq <= 1200; seq += 7) {
      const text = formatNumber('{agencyShort}〔{year}〕{seq:3}号', { agencyShort: '平退', year: 2026, seq });
      expect(parseNumber('{agencyShort}〔{year}〕{seq:3}号', '平退', text)).toEqual({ year: 2026, seq });
    }
  });

  it('refuses a pattern without {seq}, with two, with an unknown placeholder or a stray brace', () => {
    expect(readPattern(CASE).problems).toEqual([]);
    const problems = (pattern: string) => readPattern(pattern).problems;
    expect(problems('{agencyShort}罚立〔{year}〕号')).toEqual([{ code: 'PATTERN_NO_SEQ', message: '编号规则须含序号占位符 {seq}' }]);
    expect(problems('{seq}-{seq}')).toEqual([{ code: 'PATTERN_SEQ_TWICE', message: '编号规则只能含一个序号占位符 {seq}' }]);
    expect(problems('{agency}{seq}')).toEqual([
      { code: 'PATTERN_UNKNOWN_PLACEHOLDER', message: '未知的占位符「{agency}」（可用：{agencyShort}、{year}、{seq}、{seq:3}）' },
    ]);
    expect(problems('{seq:0}').map((p) => p.code)).toEqual(['PATTERN_UNKNOWN_PLACEHOLDER', 'PATTERN_NO_SEQ']);
    expect(problems('{seq}号}')).toEqual([{ code: 'PATTERN_STRAY_BRACE', message: '花括号须成对出现，只用于占位符' }]);
    expect(() => formatNumber('{year}', { agencyShort: 'x', year: 2026, seq: 1 })).toThrow('须含序号占位符');
    expect(parseNumber('{year}', 'x', '2026')).toBeNull();
  });

  it('takes the year of the act in China time (UTC+8)', () => {
    expect(chinaYear('2026-12-31T15:59:59.999Z')).toBe(2026);
    expect(chinaYear('2026-12-31T16:00:00.000Z')).toBe(2027); // 00:00 on 1 January in Beijing
    expect(chinaYear('2027-01-01')).toBe(2027);
  });
});
