import { LegalCalendar } from './calendar';
import { BUILT_IN_SCHEDULES } from './data';
import { BASIS, computeDue } from './period';

// Natural-day periods (e.g. 行政处罚法 第六十七条 15日; 行政强制法 第二十五条 30日): the start day is not
// counted (民法典 第二百零一条); days in the middle count whatever they are; a last day on a holiday or
// rest day moves to the next working day (民法典 第二百零三条), a make-up working day being one.
// Expectations worked out by hand from the notices; weekdays checked with Python's datetime.
const cal = new LegalCalendar(BUILT_IN_SCHEDULES);

interface Row {
  why: string;
  start: string;
  amount: number;
  lastDay: string;
  due: string;
  rolledFrom?: string;
  skipped: string[];
}

const rows: Row[] = [
  {
    why: '2025-09-24 + 10 = 10-04 (Sat, 国庆中秋) → 10-04..10-08 off → 10-09 Thu',
    start: '2025-09-24',
    amount: 10,
    lastDay: '2025-10-09',
    due: '2025-10-09T16:00:00.000Z',
    rolledFrom: '2025-10-04',
    skipped: ['2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  },
  {
    why: '2025-09-23 + 15 = 10-08 (Wed, last day of the block) → 10-09 Thu',
    start: '2025-09-23',
    amount: 15,
    lastDay: '2025-10-09',
    due: '2025-10-09T16:00:00.000Z',
    rolledFrom: '2025-10-08',
    skipped: ['2025-10-08'],
  },
  {
    why: '2025-09-30 + 15 = 10-15 Wed: the eight holidays in the middle still count, no roll',
    start: '2025-09-30',
    amount: 15,
    lastDay: '2025-10-15',
    due: '2025-10-15T16:00:00.000Z',
    skipped: [],
  },
  {
    why: '2026-09-20 + 15 = 10-05 (Mon, 国庆) → 10-05..10-07 off → 10-08 Thu',
    start: '2026-09-20',
    amount: 15,
    lastDay: '2026-10-08',
    due: '2026-10-08T16:00:00.000Z',
    rolledFrom: '2026-10-05',
    skipped: ['2026-10-05', '2026-10-06', '2026-10-07'],
  },
  {
    why: '2026-09-10 + 15 = 09-25 (Fri, 中秋) → 09-25..09-27 off → 09-28 Mon',
    start: '2026-09-10',
    amount: 15,
    lastDay: '2026-09-28',
    due: '2026-09-28T16:00:00.000Z',
    rolledFrom: '2026-09-25',
    skipped: ['2026-09-25', '2026-09-26', '2026-09-27'],
  },
  {
    why: '2026-10-13 + 4 = 10-17 Sat → 10-17, 10-18 weekend → 10-19 Mon',
    start: '2026-10-13',
    amount: 4,
    lastDay: '2026-10-19',
    due: '2026-10-19T16:00:00.000Z',
    rolledFrom: '2026-10-17',
    skipped: ['2026-10-17', '2026-10-18'],
  },
  {
    why: '2025-01-20 + 10 = 01-30 (Thu, 春节) → 01-30..02-04 off → 02-05 Wed',
    start: '2025-01-20',
    amount: 10,
    lastDay: '2025-02-05',
    due: '2025-02-05T16:00:00.000Z',
    rolledFrom: '2025-01-30',
    skipped: ['2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'],
  },
  {
    why: '2025-01-16 + 10 = 01-26, a Sunday but a make-up working day: no roll',
    start: '2025-01-16',
    amount: 10,
    lastDay: '2025-01-26',
    due: '2025-01-26T16:00:00.000Z',
    skipped: [],
  },
  {
    why: '2026-02-06 + 10 = 02-16 (Mon, 春节) → 02-16..02-23 off → 02-24 Tue',
    start: '2026-02-06',
    amount: 10,
    lastDay: '2026-02-24',
    due: '2026-02-24T16:00:00.000Z',
    rolledFrom: '2026-02-16',
    skipped: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
  },
  {
    why: '2026-02-13 + 15 = 02-28, a Saturday but a make-up working day: no roll',
    start: '2026-02-13',
    amount: 15,
    lastDay: '2026-02-28',
    due: '2026-02-28T16:00:00.000Z',
    skipped: [],
  },
];

describe('natural-day periods', () => {
  it.each(rows)('$why', ({ start, amount, lastDay, due, rolledFrom, skipped }) => {
    const r = computeDue(cal, start, { amount, unit: 'day' });
    expect(r.lastDay).toBe(lastDay);
    expect(r.due).toBe(due);
    expect(r.rolledFrom).toBe(rolledFrom);
    expect(r.skipped.map((s) => s.date)).toEqual(skipped);
    expect(r.complete).toBe(true);
    expect(r.basis).toEqual(expect.arrayContaining([BASIS.startNotCounted, BASIS.naturalDays, BASIS.endOfDay]));
    expect(r.basis.includes(BASIS.roll)).toBe(rolledFrom !== undefined);
  });

  it('says a make-up working day stopped the roll', () => {
    expect(computeDue(cal, '2025-01-16', { amount: 10, unit: 'day' }).basis).toContain(BASIS.makeup);
  });

  it('ends in 2027 (no schedule): an estimate with weekends only', () => {
    // 2026-12-20 + 15 = 2027-01-04 Mon: a working day on the weekends-only estimate.
    const r = computeDue(cal, '2026-12-20', { amount: 15, unit: 'day' });
    expect([r.lastDay, r.due, r.complete, r.missingYears]).toEqual(['2027-01-04', '2027-01-04T16:00:00.000Z', false, [2027]]);
    expect(r.basis).toContain('所跨年度（2027）尚未公布节假日安排，按周末估算');
  });

  it('rolls over an estimated 2027 weekend', () => {
    // 2026-12-18 + 15 = 2027-01-02 Sat → 01-02 Sat, 01-03 Sun rest → 01-04 Mon.
    const r = computeDue(cal, '2026-12-18', { amount: 15, unit: 'day' });
    expect([r.lastDay, r.rolledFrom, r.complete, r.missingYears]).toEqual(['2027-01-04', '2027-01-02', false, [2027]]);
    expect(r.skipped).toEqual([
      { date: '2027-01-02', kind: 'rest_day' },
      { date: '2027-01-03', kind: 'rest_day' },
    ]);
  });

  it('is complete when only the middle days lie in an unscheduled year', () => {
    // 2024-12-20 + 30 = 2025-01-19 (Sun) → 2025-01-20 Mon. Only 2025 days were classified.
    const r = computeDue(cal, '2024-12-20', { amount: 30, unit: 'day' });
    expect([r.lastDay, r.rolledFrom, r.complete]).toEqual(['2025-01-20', '2025-01-19', true]);
  });
});
