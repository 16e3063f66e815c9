import fc from 'fast-check';
import { LegalCalendar } from './calendar';
import { BUILT_IN_SCHEDULES } from './data';
import { addDays, chinaDayStart } from './dates';
import { Period, computeDue } from './period';
import { YearSchedule } from './schedule';

// The period rules as properties over every day of 2025–2026 (the years with a published schedule),
// on the State Council's calendars. fast-check shrinks a failure to the smallest day and period.
const cal = new LegalCalendar(BUILT_IN_SCHEDULES);
const FIRST = '2025-01-01';
const DAYS = 730;
const day = fc.integer({ min: 0, max: DAYS - 1 }).map((i) => addDays(FIRST, i));
const hour = fc.integer({ min: 0, max: 23 });
const dayPeriod: fc.Arbitrary<Period> = fc.oneof(
  fc.record({ amount: fc.integer({ min: 1, max: 90 }), unit: fc.constant('day' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 6 }), unit: fc.constant('month' as const) }),
);
const workdayPeriod: fc.Arbitrary<Period> = fc.record({ amount: fc.integer({ min: 1, max: 30 }), unit: fc.constant('workday' as const) });
const anyDayBased = fc.oneof(dayPeriod, workdayPeriod);
// Random days and periods; sweep.spec.ts tries every day of a year with every figure of the profiles.
const runs = { numRuns: 3000 };
const atHour = (d: string, h: number) => new Date(chinaDayStart(d).getTime() + h * 3_600_000);

/** The working days in (from, to]. */
function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

describe('民法典 201: the start day is not counted, whatever the hour of the event', () => {
  it('a period in days from any moment of D ends as one from the date D, never before D+1', () => {
    fc.assert(
      fc.property(day, hour, anyDayBased, (d, h, p) => {
        const fromInstant = computeDue(cal, atHour(d, h), p);
        const fromDate = computeDue(cal, d, p);
        expect(fromInstant.due).toBe(fromDate.due);
        expect(fromDate.lastDay! > d).toBe(true);
      }),
      runs,
    );
  });

  it('n natural days from D: the raw last day is exactly D+n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 90 }), (d, n) => {
        const r = computeDue(cal, d, { amount: n, unit: 'day' });
        expect(r.rolledFrom ?? r.lastDay).toBe(addDays(d, n));
      }),
      runs,
    );
  });
});

describe('行政处罚法 85: a period in working days', () => {
  it('ends on a working day, with exactly n working days after the start day', () => {
    fc.assert(
      fc.property(day, workdayPeriod, (d, p) => {
        const r = computeDue(cal, d, p);
        expect(cal.isWorkingDay(r.lastDay!)).toBe(true);
        expect(workingDaysBetween(d, r.lastDay!)).toBe(p.amount);
        expect(r.rolledFrom).toBeUndefined();
      }),
      runs,
    );
  });
});

describe('民法典 203: a last day on a rest day or holiday moves to the next working day', () => {
  it('a period in days or months ends on a working day, and every day rolled over is a rest day or holiday', () => {
    fc.assert(
      fc.property(day, dayPeriod, (d, p) => {
        const r = computeDue(cal, d, p);
        expect(cal.isWorkingDay(r.lastDay!)).toBe(true);
        for (let x = r.rolledFrom ?? r.lastDay!; x < r.lastDay!; x = addDays(x, 1)) expect(cal.isWorkingDay(x)).toBe(false);
        expect(r.due).toBe(chinaDayStart(addDays(r.lastDay!, 1)).toISOString());
      }),
      runs,
    );
  });
});

describe('行政强制法 25 款三: paused time is not counted; the roll comes after the shift', () => {
  it('a pause of k whole days inside the period moves the raw end by exactly k days, then rolls once', () => {
    fc.assert(
      fc.property(day, anyDayBased, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 30 }), (d, p, offset, k) => {
        const plain = computeDue(cal, d, p);
        const raw = plain.rolledFrom ?? plain.lastDay!;
        const from = addDays(d, 1 + Math.min(offset, Math.max(0, dayDiff(d, raw) - 1)));
        const r = computeDue(cal, d, p, [{ from, to: addDays(from, k - 1) }]);
        expect(r.paused).toEqual({ ms: k * 86_400_000, open: false });
        expect(r.rolledFrom ?? r.lastDay).toBe(addDays(raw, k));
        expect(cal.isWorkingDay(r.lastDay!)).toBe(true);
        for (let x = addDays(raw, k); x < r.lastDay!; x = addDays(x, 1)) expect(cal.isWorkingDay(x)).toBe(false);
      }),
      runs,
    );
  });
});

describe('adding a holiday never makes a deadline earlier', () => {
  it('for any period from any day, a new one-day holiday on any working weekday moves the end later or leaves it', () => {
    fc.assert(
      fc.property(day, anyDayBased, day, (d, p, extra) => {
        fc.pre(cal.day(extra).kind === 'workday');
        const before = computeDue(cal, d, p);
        const after = computeDue(withHoliday(extra), d, p);
        expect(Date.parse(after.due!)).toBeGreaterThanOrEqual(Date.parse(before.due!));
      }),
      runs,
    );
  });
});

function dayDiff(a: string, b: string): number {
  return Math.round((chinaDayStart(b).getTime() - chinaDayStart(a).getTime()) / 86_400_000);
}

/** The built-in calendar with one more holiday (a published schedule reissued with an extra day off). */
function withHoliday(date: string): LegalCalendar {
  const year = Number(date.slice(0, 4));
  return new LegalCalendar(
    BUILT_IN_SCHEDULES.map((s): YearSchedule =>
      s.year === year ? { ...s, holidays: [...s.holidays, { name: '临时放假', days: [date] }] } : s,
    ),
  );
}
