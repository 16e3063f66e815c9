import { PROFILES } from '../profiles';
import { LegalCalendar } from './calendar';
import { BUILT_IN_SCHEDULES } from './data';
import { addDays, chinaDate, chinaDayStart } from './dates';
import { Period, chainedStart, computeDue } from './period';

// Every "today" of 2026 — working days, weekends, holidays and 调休 make-up days — at three hours
// (just after midnight, mid-morning, just before midnight China time), with every period figure of
// every agency profile started then: what the engine answers holds whatever day a case meets it.
// The cases the API and workflows build on "now" are these computations; this is their sweep.
const cal = new LegalCalendar([...BUILT_IN_SCHEDULES]);
const HOURS = [0.25, 10, 23.75];
const TODAYS = Array.from({ length: 365 }, (_, i) => addDays('2026-01-01', i));

/** Every distinct period figure in the profiles (the amount and unit objects anywhere in their data). */
function profilePeriods(): Period[] {
  const seen = new Map<string, Period>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.amount === 'number' && typeof o.unit === 'string' && ['hour', 'day', 'workday', 'month'].includes(o.unit)) {
      seen.set(`${o.amount}${o.unit}`, { amount: o.amount, unit: o.unit as Period['unit'] });
    }
    Object.values(o).forEach(walk);
  };
  PROFILES.forEach(walk);
  return [...seen.values()];
}

const periods = profilePeriods();
let checked = 0;

afterAll(() => {
  // The closing note quotes this figure: days × hours × periods checked.
  process.stdout.write(`sweep: ${TODAYS.length} days × ${HOURS.length} hours × ${periods.length} periods = ${checked} deadlines checked\n`);
});

it('the profiles give the sweep something to check', () => {
  expect(periods.length).toBeGreaterThan(10);
  expect(new Set(periods.map((p) => p.unit))).toEqual(new Set(['hour', 'day', 'workday', 'month']));
  // The year swept holds 调休 Sundays and holidays on weekdays.
  expect(TODAYS.some((d) => cal.day(d).kind === 'makeup_workday' && new Date(`${d}T00:00:00Z`).getUTCDay() === 0)).toBe(true);
  expect(TODAYS.filter((d) => cal.day(d).kind === 'holiday').length).toBeGreaterThan(20);
});

describe.each(TODAYS.map((d) => [d, cal.day(d).kind]))('today is %s (%s)', (today) => {
  it('every profile period started today ends after today, on a working day for day-based units, at 24:00', () => {
    for (const h of HOURS) {
      const now = new Date(chinaDayStart(today).getTime() + h * 3_600_000);
      for (const p of periods) {
        const r = computeDue(cal, now, p);
        checked++;
        if (p.unit === 'hour') {
          expect(Date.parse(r.due!) - now.getTime()).toBe(p.amount * 3_600_000);
          continue;
        }
        // 民法典 201: the start day is not counted; 203: the last day is a working day, ending at 24:00.
        expect(r.lastDay! > today).toBe(true);
        expect(cal.isWorkingDay(r.lastDay!)).toBe(true);
        expect(r.due).toBe(chinaDayStart(addDays(r.lastDay!, 1)).toISOString());
        // The same event entered as a date counts the same (an event the law places on a day).
        expect(computeDue(cal, today, p).due).toBe(r.due);
        // A period chained on this one counts from its last day: the next day is day 1.
        expect(chainedStart(r)).toBe(r.lastDay);
        expect(chinaDate(new Date(Date.parse(r.due!) - 1))).toBe(r.lastDay);
        // A deadline that reaches an unpublished year (2027 on) is an estimate, and says which years.
        const lastYear = Number(r.lastDay!.slice(0, 4));
        expect(r.complete).toBe(lastYear <= 2026);
        expect(r.missingYears.every((y) => y >= 2027 && y <= lastYear)).toBe(true);
      }
    }
  });
});
