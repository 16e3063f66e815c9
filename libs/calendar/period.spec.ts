import { LegalCalendar } from './calendar';
import { BUILT_IN_SCHEDULES } from './data';
import { BASIS, computeDue, describePeriod, Period, periodBefore } from './period';

const cal = new LegalCalendar(BUILT_IN_SCHEDULES);

describe('periods in hours (exact, no roll; 民法典 第二百零一条第二款)', () => {
  it.each([
    // [start, hours, due, why]
    ['2026-11-27T23:30:00+08:00', 24, '2026-11-28T15:30:00.000Z', 'Fri 23:30 China + 24 h = Sat 23:30 China, a rest day: no roll'],
    ['2025-09-30T18:00:00+08:00', 72, '2025-10-03T10:00:00.000Z', '09-30 18:00 + 72 h = 10-03 18:00 China, inside National Day: no roll'],
    ['2026-12-31T12:00:00+08:00', 24, '2027-01-01T04:00:00.000Z', 'into unscheduled 2027: hours need no calendar'],
  ])('%s + %d h = %s (%s)', (start, amount, due) => {
    const r = computeDue(cal, start, { amount, unit: 'hour' });
    expect(r.due).toBe(due);
    expect(r.lastDay).toBeUndefined();
    expect(r.rolledFrom).toBeUndefined();
    expect(r.skipped).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.basis).toEqual([BASIS.hourExact]);
  });
});

describe('the start: a China date or an instant', () => {
  it.each([
    // A bare date is 00:00 China time of that day; 2026-09-30T20:00Z is already 10-01 04:00 in China.
    ['2026-09-30', { amount: 20, unit: 'day' }, '2026-10-20T16:00:00.000Z', '09-30 + 20 = 10-20 Tue'],
    ['2026-09-30T20:00:00Z', { amount: 20, unit: 'day' }, '2026-10-21T16:00:00.000Z', 'China 10-01 + 20 = 10-21 Wed'],
    ['2026-09-29', { amount: 1, unit: 'workday' }, '2026-09-30T16:00:00.000Z', '09-29 + 1 WD = 09-30 Wed'],
    ['2026-09-29T20:00:00Z', { amount: 1, unit: 'workday' }, '2026-10-08T16:00:00.000Z', 'China 09-30 + 1 WD: 10-01..07 off → 10-08 Thu'],
    ['2026-09-30', { amount: 24, unit: 'hour' }, '2026-09-30T16:00:00.000Z', '09-30 00:00 China + 24 h'],
    ['2026-09-30T20:00:00Z', { amount: 24, unit: 'hour' }, '2026-10-01T20:00:00.000Z', 'the instant + 24 h'],
  ] as [string, Period, string, string][])('%s, %o → %s (%s)', (start, period, due) => {
    expect(computeDue(cal, start, period).due).toBe(due);
  });

  it('takes a Date and reports the start as an ISO instant', () => {
    const r = computeDue(cal, new Date('2026-09-30T20:00:00Z'), { amount: 20, unit: 'day' });
    expect(r.start).toBe('2026-09-30T20:00:00.000Z');
    expect(r.lastDay).toBe('2026-10-21');
    expect(computeDue(cal, '2026-09-30', { amount: 20, unit: 'day' }).start).toBe('2026-09-29T16:00:00.000Z');
  });

  it('refuses a start it cannot read', () => {
    expect(() => computeDue(cal, '2026-09-30 20:00', { amount: 1, unit: 'day' })).toThrow();
  });
});

describe('the period itself', () => {
  it.each([
    [{ amount: 24, unit: 'hour' }, '24小时'],
    [{ amount: 15, unit: 'day' }, '15日'],
    [{ amount: 5, unit: 'workday' }, '5个工作日'],
    [{ amount: 3, unit: 'month' }, '3个月'],
  ] as [Period, string][])('describePeriod(%o) = %s', (period, text) => {
    expect(describePeriod(period)).toBe(text);
  });

  it.each([
    [{ amount: 0, unit: 'day' }],
    [{ amount: -1, unit: 'day' }],
    [{ amount: 1.5, unit: 'hour' }],
    [{ amount: 5, unit: 'week' }],
  ] as unknown as [Period][])('refuses %o', (period) => {
    expect(() => computeDue(cal, '2026-09-30', period)).toThrow(RangeError);
  });

  it('returns a copy of the period and a plain, serialisable result (Temporal payloads)', () => {
    const period: Period = { amount: 5, unit: 'workday' };
    const r = computeDue(cal, '2026-09-30', period);
    expect(r.period).toEqual(period);
    expect(r.period).not.toBe(period);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('periodBefore: reminders before a deadline', () => {
  it('goes back an exact number of days or hours', () => {
    // 90-day deadline ending 2027-02-21 24:00 China; 15 days before is 2027-02-06 24:00.
    expect(periodBefore('2027-02-21T16:00:00.000Z', { amount: 15, unit: 'day' }).toISOString()).toBe('2027-02-06T16:00:00.000Z');
    expect(periodBefore('2027-02-21T16:00:00.000Z', { amount: 5, unit: 'hour' }).toISOString()).toBe('2027-02-21T11:00:00.000Z');
  });

  it('refuses units that are not exact spans', () => {
    expect(() => periodBefore('2027-02-21T16:00:00.000Z', { amount: 5, unit: 'workday' })).toThrow(RangeError);
  });
});
