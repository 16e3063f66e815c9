import { SCHEDULE_2025, SCHEDULE_2026 } from './data';
import { ScheduleIssueCode, validateSchedule, YearSchedule } from './schedule';

/** A deep copy to break one thing at a time. */
function copy(s: YearSchedule): YearSchedule {
  return JSON.parse(JSON.stringify(s)) as YearSchedule;
}

function codes(s: unknown): ScheduleIssueCode[] {
  return validateSchedule(s).map((i) => i.code);
}

describe('the built-in schedules follow the State Council notices', () => {
  it.each([
    ['2025', SCHEDULE_2025],
    ['2026', SCHEDULE_2026],
  ])('%s passes validation', (_year, s) => {
    expect(validateSchedule(s)).toEqual([]);
  });

  // Totals straight from the notices: 2025 元旦1 + 春节8 + 清明3 + 劳动5 + 端午3 + 国庆中秋8 = 28 days,
  // 5 make-up days; 2026 元旦3 + 春节9 + 清明3 + 劳动5 + 端午3 + 中秋3 + 国庆7 = 33 days, 6 make-up days.
  it.each([
    [2025, SCHEDULE_2025, 28, 5],
    [2026, SCHEDULE_2026, 33, 6],
  ])('%d has the announced number of days off and make-up days', (_year, s, off, makeup) => {
    expect(s.holidays.flatMap((h) => h.days)).toHaveLength(off);
    expect(s.makeupWorkdays).toHaveLength(makeup);
  });

  it('2025 combines 国庆节 and 中秋节 in one block, 1–8 October', () => {
    const block = SCHEDULE_2025.holidays.find((h) => h.name.includes('中秋节'));
    expect(block?.name).toContain('国庆节');
    expect(block?.days[0]).toBe('2025-10-01');
    expect(block?.days[block.days.length - 1]).toBe('2025-10-08');
  });
});

describe('validation failures name the problem with a stable code', () => {
  type Case = [string, (s: YearSchedule) => void, ScheduleIssueCode, string];
  const cases: Case[] = [
    ['a date that does not exist', (s) => (s.holidays[0].days[0] = '2025-02-30'), 'DATE_INVALID', 'holidays[0].days[0]'],
    ['a date not written YYYY-MM-DD', (s) => (s.makeupWorkdays[0] = '2025-1-26'), 'DATE_INVALID', 'makeupWorkdays[0]'],
    ['a holiday in another year', (s) => s.holidays[0].days.unshift('2024-12-31'), 'DATE_OUTSIDE_YEAR', 'holidays[0].days[0]'],
    ['a make-up day in another year', (s) => s.makeupWorkdays.push('2026-01-04'), 'DATE_OUTSIDE_YEAR', 'makeupWorkdays[5]'],
    ['a day twice within one block', (s) => s.holidays[0].days.push('2025-01-01'), 'DATE_DUPLICATE', 'holidays[0].days[1]'],
    // 2025-06-02 is already the last day of 端午节 (holidays[4]).
    ['a day in two blocks', (s) => s.holidays[2].days.push('2025-06-02'), 'DATE_DUPLICATE', 'holidays[4].days[2]'],
    // 2025-10-04 (Sat) is inside the National Day block and cannot also be a make-up day.
    ['a holiday listed as a make-up day', (s) => s.makeupWorkdays.push('2025-10-04'), 'DATE_DUPLICATE', 'makeupWorkdays[5]'],
    // 2025-01-27 is a Monday: already a working day.
    ['a make-up day on a weekday', (s) => (s.makeupWorkdays[0] = '2025-01-27'), 'MAKEUP_NOT_WEEKEND', 'makeupWorkdays[0]'],
    ['a block without days', (s) => (s.holidays[0].days = []), 'HOLIDAY_EMPTY', 'holidays[0].days'],
    ['a block with a gap', (s) => (s.holidays[2].days = ['2025-04-04', '2025-04-06']), 'HOLIDAY_NOT_CONTIGUOUS', 'holidays[2].days'],
    ['no 端午节', (s) => s.holidays.splice(4, 1), 'HOLIDAY_MISSING', 'holidays'],
    ['no 中秋节 once the combined block is renamed', (s) => (s.holidays[5].name = '国庆节'), 'HOLIDAY_MISSING', 'holidays'],
    ['no title', (s) => (s.source.title = ''), 'SOURCE_MISSING', 'source.title'],
    ['no document number', (s) => (s.source.documentNumber = ' '), 'SOURCE_MISSING', 'source.documentNumber'],
    ['an issue date not YYYY-MM-DD', (s) => (s.source.issuedOn = '2024年11月12日'), 'SOURCE_MISSING', 'source.issuedOn'],
    ['a year that is not a year', (s) => (s.year = 2025.5), 'YEAR_INVALID', 'year'],
    ['holidays not a list', (s) => ((s as unknown as { holidays: unknown }).holidays = {}), 'SHAPE_INVALID', 'holidays'],
  ];

  it.each(cases)('%s → %s at %s', (_what, breakIt, code, path) => {
    const s = copy(SCHEDULE_2025);
    breakIt(s);
    const issues = validateSchedule(s);
    expect(issues).toContainEqual(expect.objectContaining({ code, path }));
    // Every message is for a Chinese-speaking administrator.
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports only the broken thing, not a cascade', () => {
    const s = copy(SCHEDULE_2026);
    s.makeupWorkdays[0] = '2026-01-05'; // a Monday
    expect(codes(s)).toEqual(['MAKEUP_NOT_WEEKEND']);
  });

  it('refuses something that is not a schedule at all', () => {
    expect(codes(null)).toEqual(['SHAPE_INVALID']);
    expect(codes({})).toEqual(expect.arrayContaining(['YEAR_INVALID', 'SOURCE_MISSING', 'SHAPE_INVALID']));
  });
});
