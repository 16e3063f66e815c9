import { DayKind, LegalCalendar, ScheduleInvalidError } from './calendar';
import { BUILT_IN_SCHEDULES, SCHEDULE_2025 } from './data';
import { YearSchedule } from './schedule';

const cal = new LegalCalendar(BUILT_IN_SCHEDULES);

describe('classifying a day (State Council schedules; 国务院关于职工工作时间的规定 第七条)', () => {
  it.each([
    // [date, kind, holiday, why] — weekdays checked with Python's datetime
    ['2025-10-01', 'holiday', '国庆节、中秋节', 'Wed inside the combined block'],
    ['2025-10-04', 'holiday', '国庆节、中秋节', 'Sat inside the block: still a holiday'],
    ['2025-10-09', 'workday', undefined, 'Thu after the block'],
    ['2025-10-11', 'makeup_workday', undefined, 'Sat 调休上班'],
    ['2025-10-12', 'rest_day', undefined, 'Sun'],
    ['2025-09-28', 'makeup_workday', undefined, 'Sun 调休上班'],
    ['2025-01-26', 'makeup_workday', undefined, 'Sun 调休上班 before 春节'],
    ['2025-02-08', 'makeup_workday', undefined, 'Sat 调休上班 after 春节'],
    ['2025-01-28', 'holiday', '春节', 'Tue, 除夕'],
    ['2026-02-14', 'makeup_workday', undefined, 'Sat 调休上班 before 春节'],
    ['2026-02-23', 'holiday', '春节', 'Mon, last day of the 9-day block'],
    ['2026-02-28', 'makeup_workday', undefined, 'Sat 调休上班 after 春节'],
    ['2026-01-04', 'makeup_workday', undefined, 'Sun 调休上班 after 元旦'],
    ['2026-09-25', 'holiday', '中秋节', 'Fri'],
    ['2026-10-07', 'holiday', '国庆节', 'Wed, last day of the block'],
    ['2026-10-10', 'makeup_workday', undefined, 'Sat 调休上班'],
    ['2026-10-11', 'rest_day', undefined, 'Sun'],
    ['2026-03-02', 'workday', undefined, 'Mon'],
  ] as [string, DayKind, string | undefined, string][])('%s is %s %s (%s)', (date, kind, holiday) => {
    expect(cal.day(date)).toEqual({ kind, ...(holiday ? { holiday } : {}), known: true });
  });

  it.each([
    // No schedule for 2024 or 2027: weekends only, flagged as unknown.
    ['2027-01-01', 'workday', 'Fri; 元旦 2027 not yet announced'],
    ['2027-01-02', 'rest_day', 'Sat'],
    ['2024-02-29', 'workday', 'Thu'],
  ])('%s in an unscheduled year is an estimate: %s (%s)', (date, kind) => {
    expect(cal.day(date)).toEqual({ kind, known: false });
  });

  it('lists its years and refuses a malformed date', () => {
    expect(cal.years()).toEqual([2025, 2026]);
    expect(cal.hasYear(2027)).toBe(false);
    expect(() => cal.day('2026-02-30')).toThrow();
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-03')).toBe(false);
  });
});

describe('loading schedules', () => {
  it('lets the last version of a year win', () => {
    // A hypothetical corrected 2025 notice that drops 10-08 from the block and adds no make-up days.
    const corrected: YearSchedule = JSON.parse(JSON.stringify(SCHEDULE_2025));
    corrected.holidays[5].days = corrected.holidays[5].days.filter((d) => d !== '2025-10-08');
    corrected.makeupWorkdays = corrected.makeupWorkdays.filter((d) => d !== '2025-10-11');
    const c = new LegalCalendar([...BUILT_IN_SCHEDULES, corrected]);
    expect(c.years()).toEqual([2025, 2026]);
    expect(c.day('2025-10-08').kind).toBe('workday'); // Wed, no longer in the block
    expect(c.day('2025-10-11').kind).toBe('rest_day'); // Sat, no longer made up
    // The first list order is respected too: the earlier version loses.
    expect(new LegalCalendar([corrected, SCHEDULE_2025]).day('2025-10-08').kind).toBe('holiday');
  });

  it('refuses an invalid schedule with its issues', () => {
    const broken: YearSchedule = JSON.parse(JSON.stringify(SCHEDULE_2025));
    broken.makeupWorkdays.push('2025-10-13'); // a Monday
    let error: unknown;
    try {
      new LegalCalendar([broken]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScheduleInvalidError);
    expect((error as ScheduleInvalidError).issues.map((i) => i.code)).toEqual(['MAKEUP_NOT_WEEKEND']);
  });

  it('knows nothing without schedules: weekends only', () => {
    const empty = new LegalCalendar([]);
    expect(empty.years()).toEqual([]);
    expect(empty.day('2025-10-01')).toEqual({ kind: 'workday', known: false }); // a Wednesday
  });
});
