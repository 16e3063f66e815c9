import { addDays, addMonthsClamped, chinaDate, chinaDayStart, InvalidDateError, isChinaDate, parseStart, weekday } from './dates';

// Asia/Shanghai is a fixed UTC+08:00 (no DST since 1991): China midnight is 16:00Z the day before.
describe('China dates and instants', () => {
  it.each([
    // [instant, China date, why]
    ['2026-09-30T15:59:59.999Z', '2026-09-30', '23:59:59.999 China time, still 09-30'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01', '00:00 China time on 10-01'],
    ['2026-09-30T20:00:00.000Z', '2026-10-01', '04:00 China time on 10-01'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01', 'New Year begins at 16:00Z in UTC'],
  ])('chinaDate(%s) = %s (%s)', (instant, date) => {
    expect(chinaDate(new Date(instant))).toBe(date);
  });

  it.each([
    ['2026-10-01', '2026-09-30T16:00:00.000Z'],
    ['2025-01-01', '2024-12-31T16:00:00.000Z'],
  ])('a China date %s begins at %s', (date, instant) => {
    expect(chinaDayStart(date).toISOString()).toBe(instant);
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'], // across the year end
    ['2024-02-28', 1, '2024-02-29'], // 2024 is a leap year
    ['2025-02-28', 1, '2025-03-01'], // 2025 is not
    ['2026-10-13', -13, '2026-09-30'],
  ])('addDays(%s, %d) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  // Weekdays checked against Python's datetime: 2026-10-10 Sat, 2025-09-28 Sun, 2025-10-01 Wed.
  it.each([
    ['2026-10-10', 6],
    ['2025-09-28', 0],
    ['2025-10-01', 3],
  ])('weekday(%s) = %d (0 = Sunday)', (date, day) => {
    expect(weekday(date)).toBe(day);
  });

  // 民法典 第二百零二条: the corresponding day of the final month, or that month's last day.
  it.each([
    ['2025-01-31', 1, '2025-02-28'], // no Feb 31; 2025 not leap → 28
    ['2024-01-31', 1, '2024-02-29'], // leap year → 29
    ['2026-03-31', 1, '2026-04-30'], // April has 30 days
    ['2025-10-31', 1, '2025-11-30'],
    ['2025-01-15', 1, '2025-02-15'], // a corresponding day exists
    ['2025-11-30', 3, '2026-02-28'], // across the year end, clamped
    ['2024-02-29', 12, '2025-02-28'], // a year later has no Feb 29
    ['2025-12-15', 6, '2026-06-15'],
  ])('addMonthsClamped(%s, %d) = %s', (date, n, expected) => {
    expect(addMonthsClamped(date, n)).toBe(expected);
  });

  it.each([
    ['2025-02-29', false], // not a leap year
    ['2024-02-29', true],
    ['2025-1-1', false],
    ['2025-13-01', false],
    ['2025-10-01T00:00:00Z', false],
  ])('isChinaDate(%s) = %s', (value, ok) => {
    expect(isChinaDate(value)).toBe(ok);
  });
});

describe('parsing a start', () => {
  it.each([
    // A bare date is a China date: 00:00+08:00 of that day.
    ['2026-09-30', '2026-09-29T16:00:00.000Z'],
    // An instant in UTC: 20:00Z is already 04:00 on 10-01 in China.
    ['2026-09-30T20:00:00Z', '2026-09-30T20:00:00.000Z'],
    ['2026-09-30T20:00:00.123Z', '2026-09-30T20:00:00.123Z'],
    ['2026-10-01T04:00:00+08:00', '2026-09-30T20:00:00.000Z'],
    ['2026-10-01T04:00+08:00', '2026-09-30T20:00:00.000Z'], // seconds optional
    ['2026-09-30T15:00:00-05:00', '2026-09-30T20:00:00.000Z'],
    ['2026-09-30T20:00:00.1234567Z', '2026-09-30T20:00:00.123Z'], // beyond ms truncated
  ])('parseStart(%s) = %s', (input, iso) => {
    expect(parseStart(input).toISOString()).toBe(iso);
  });

  it('keeps a Date as it is', () => {
    expect(parseStart(new Date('2026-09-30T20:00:00Z')).toISOString()).toBe('2026-09-30T20:00:00.000Z');
  });

  it.each([
    ['2026-09-30T20:00:00', 'no offset: ambiguous'],
    ['2026/09/30', 'wrong separator'],
    ['2026-9-30', 'unpadded'],
    ['2026-02-30', 'no such day'],
    ['2026-02-30T00:00:00Z', 'no such day in an instant'],
    ['2026-09-30T24:00:00Z', 'hour out of range'],
    ['2026-09-30 20:00:00Z', 'space instead of T'],
    ['30 September 2026', 'free text'],
    ['', 'empty'],
  ])('rejects %j (%s)', (input) => {
    expect(() => parseStart(input)).toThrow(InvalidDateError);
  });

  it('rejects an invalid Date', () => {
    expect(() => parseStart(new Date('nonsense'))).toThrow(InvalidDateError);
  });
});
