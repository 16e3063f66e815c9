import { chinaDateRange, escapeLike, textMatch } from './case-search';

it("LIKE's wildcards and escape in a query match as typed", () => {
  expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  expect(escapeLike('罚立〔2026〕1')).toBe('罚立〔2026〕1');
});

it('three characters or more go to the trigram index; one or two are matched by position over the agency’s cases', () => {
  expect(textMatch('张三丰')).toEqual({ kind: 'trigram', pattern: '%张三丰%' });
  expect(textMatch('1234')).toEqual({ kind: 'trigram', pattern: '%1234%' });
  expect(textMatch('a%')).toEqual({ kind: 'scan', text: 'a%' });
  expect(textMatch('张三')).toEqual({ kind: 'scan', text: '张三' });
  expect(textMatch('张')).toEqual({ kind: 'scan', text: '张' });
  // Counted in characters: 𠮷 is two UTF-16 units.
  expect(textMatch('𠮷三')).toEqual({ kind: 'scan', text: '𠮷三' });
});

it('a China date range covers whole days in UTC+08:00, both ends included', () => {
  expect(chinaDateRange('2026-03-01', '2026-03-31')).toEqual({
    from: new Date('2026-02-28T16:00:00.000Z'),
    before: new Date('2026-03-31T16:00:00.000Z'),
  });
  expect(chinaDateRange(undefined, '2026-12-31')).toEqual({ before: new Date('2026-12-31T16:00:00.000Z') });
  expect(chinaDateRange('2026-01-01')).toEqual({ from: new Date('2025-12-31T16:00:00.000Z') });
  expect(chinaDateRange()).toEqual({});
});
