import { LegalCalendar } from './calendar';
import { BUILT_IN_SCHEDULES } from './data';
import { BASIS, computeDue } from './period';

// Periods in months (e.g. 行政诉讼法 第四十六条 6个月; 行政强制法 第五十三条 3个月): the last day is the
// same date of the final month, or its last day when it has none (民法典 第二百零二条), then rolled off
// a holiday or rest day like a natural-day period (民法典 第二百零三条).
// Expectations worked out by hand; weekdays checked with Python's datetime.
const cal = new LegalCalendar(BUILT_IN_SCHEDULES);

interface Row {
  why: string;
  start: string;
  amount: number;
  lastDay: string;
  due: string;
  rolledFrom?: string;
  clamped: boolean;
  missingYears: number[];
}

const rows: Row[] = [
  {
    why: '2025-01-31 + 1 month: no Feb 31, 2025 not leap → 02-28 (Fri, working)',
    start: '2025-01-31',
    amount: 1,
    lastDay: '2025-02-28',
    due: '2025-02-28T16:00:00.000Z',
    clamped: true,
    missingYears: [],
  },
  {
    why: '2024-01-31 + 1 month: leap year → 2024-02-29 (Thu); 2024 has no schedule here',
    start: '2024-01-31',
    amount: 1,
    lastDay: '2024-02-29',
    due: '2024-02-29T16:00:00.000Z',
    clamped: true,
    missingYears: [2024],
  },
  {
    why: '2026-03-31 + 1 month: April has 30 days → 04-30 (Thu, working)',
    start: '2026-03-31',
    amount: 1,
    lastDay: '2026-04-30',
    due: '2026-04-30T16:00:00.000Z',
    clamped: true,
    missingYears: [],
  },
  {
    why: '2025-10-31 + 1 month → 11-30 (clamped, Sun) → rolls to 12-01 Mon',
    start: '2025-10-31',
    amount: 1,
    lastDay: '2025-12-01',
    due: '2025-12-01T16:00:00.000Z',
    rolledFrom: '2025-11-30',
    clamped: true,
    missingYears: [],
  },
  {
    why: '2025-07-31 + 1 month → 08-31 (Sun, a corresponding day exists) → rolls to 09-01 Mon',
    start: '2025-07-31',
    amount: 1,
    lastDay: '2025-09-01',
    due: '2025-09-01T16:00:00.000Z',
    rolledFrom: '2025-08-31',
    clamped: false,
    missingYears: [],
  },
  {
    why: '2026-01-31 + 1 month → 02-28 (clamped), a Saturday but a make-up working day: no roll',
    start: '2026-01-31',
    amount: 1,
    lastDay: '2026-02-28',
    due: '2026-02-28T16:00:00.000Z',
    clamped: true,
    missingYears: [],
  },
  {
    why: '2025-09-01 + 1 month → 10-01 (国庆中秋) → 10-01..10-08 off → 10-09 Thu',
    start: '2025-09-01',
    amount: 1,
    lastDay: '2025-10-09',
    due: '2025-10-09T16:00:00.000Z',
    rolledFrom: '2025-10-01',
    clamped: false,
    missingYears: [],
  },
  {
    why: '2025-12-15 + 6 months → 2026-06-15 Mon (only 2026 is classified)',
    start: '2025-12-15',
    amount: 6,
    lastDay: '2026-06-15',
    due: '2026-06-15T16:00:00.000Z',
    clamped: false,
    missingYears: [],
  },
  {
    why: '2024-02-29 + 12 months → 2025-02-28 (no Feb 29 in 2025, Fri)',
    start: '2024-02-29',
    amount: 12,
    lastDay: '2025-02-28',
    due: '2025-02-28T16:00:00.000Z',
    clamped: true,
    missingYears: [],
  },
  {
    why: '2026-08-20 + 6 months → 2027-02-20 Sat (estimate) → 02-21 Sun → 02-22 Mon; 2027 unscheduled',
    start: '2026-08-20',
    amount: 6,
    lastDay: '2027-02-22',
    due: '2027-02-22T16:00:00.000Z',
    rolledFrom: '2027-02-20',
    clamped: false,
    missingYears: [2027],
  },
];

describe('periods in months', () => {
  it.each(rows)('$why', ({ start, amount, lastDay, due, rolledFrom, clamped, missingYears }) => {
    const r = computeDue(cal, start, { amount, unit: 'month' });
    expect(r.lastDay).toBe(lastDay);
    expect(r.due).toBe(due);
    expect(r.rolledFrom).toBe(rolledFrom);
    expect(r.missingYears).toEqual(missingYears);
    expect(r.complete).toBe(missingYears.length === 0);
    expect(r.basis.includes(BASIS.monthEnd)).toBe(clamped);
    expect(r.basis.includes(BASIS.roll)).toBe(rolledFrom !== undefined);
  });

  it('states the month-end rule in Chinese', () => {
    expect(computeDue(cal, '2025-01-31', { amount: 1, unit: 'month' }).basis).toContain(
      '按月计算的期间，到期月无对应日的，以该月末日为届满日',
    );
  });
});
