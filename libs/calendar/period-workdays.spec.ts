import { LegalCalendar } from './calendar';
import { BUILT_IN_SCHEDULES } from './data';
import { BASIS, computeDue } from './period';

// Working-day periods (行政处罚法 第八十五条; 行政强制法 第六十九条): the start day is not counted
// (民法典 第二百零一条), holidays and rest days are skipped, 调休 make-up days count. The last day
// ends at 24:00 China time (民法典 第二百零三条), i.e. 16:00Z of that date.
// Every expectation is worked out by hand from the State Council notices; weekdays were checked
// against Python's datetime.
const cal = new LegalCalendar(BUILT_IN_SCHEDULES);

interface Row {
  why: string;
  start: string;
  amount: number;
  lastDay: string;
  due: string;
  skipped: string[];
  makeup: boolean;
}

const rows: Row[] = [
  // ── National Day 2025: 10-01 (Wed)..10-08 (Wed) off; 09-28 (Sun) and 10-11 (Sat) worked ──
  {
    why: '9-30 + 5 WD: 10-01..10-08 holiday, 10-09 Thu 1, 10-10 Fri 2, 10-11 Sat make-up 3, 10-12 Sun rest, 10-13 Mon 4, 10-14 Tue 5',
    start: '2025-09-30',
    amount: 5,
    lastDay: '2025-10-14',
    due: '2025-10-14T16:00:00.000Z',
    makeup: true,
    skipped: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08', '2025-10-12'],
  },
  {
    why: '9-26 Fri + 3 WD: 9-27 Sat rest, 9-28 Sun make-up 1, 9-29 Mon 2, 9-30 Tue 3',
    start: '2025-09-26',
    amount: 3,
    lastDay: '2025-09-30',
    due: '2025-09-30T16:00:00.000Z',
    makeup: true,
    skipped: ['2025-09-27'],
  },
  {
    why: 'start inside the break, 10-03 + 2 WD: 10-04..10-08 holiday, 10-09 Thu 1, 10-10 Fri 2',
    start: '2025-10-03',
    amount: 2,
    lastDay: '2025-10-10',
    due: '2025-10-10T16:00:00.000Z',
    makeup: false,
    skipped: ['2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  },
  {
    why: '10-10 Fri + 1 WD: 10-11 Sat is a make-up working day, so it is the last day',
    start: '2025-10-10',
    amount: 1,
    lastDay: '2025-10-11',
    due: '2025-10-11T16:00:00.000Z',
    makeup: true,
    skipped: [],
  },
  // ── National Day 2026: 10-01 (Thu)..10-07 (Wed) off; 09-20 (Sun) and 10-10 (Sat) worked; 中秋 09-25..27 ──
  {
    why: '9-30 + 5 WD: 10-01..10-07 holiday, 10-08 Thu 1, 10-09 Fri 2, 10-10 Sat make-up 3, 10-11 Sun rest, 10-12 Mon 4, 10-13 Tue 5',
    start: '2026-09-30',
    amount: 5,
    lastDay: '2026-10-13',
    due: '2026-10-13T16:00:00.000Z',
    makeup: true,
    skipped: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11'],
  },
  {
    why: '9-18 Fri + 10 WD: 9-19 Sat rest, 9-20 Sun make-up 1, 9-21..9-24 Mon–Thu 2–5, 9-25..9-27 中秋, 9-28..9-30 Mon–Wed 6–8, 10-01..10-07 国庆, 10-08 Thu 9, 10-09 Fri 10',
    start: '2026-09-18',
    amount: 10,
    lastDay: '2026-10-09',
    due: '2026-10-09T16:00:00.000Z',
    makeup: true,
    skipped: [
      '2026-09-19',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
  },
  {
    why: 'start inside the break, 10-05 + 3 WD: 10-06, 10-07 holiday, 10-08 Thu 1, 10-09 Fri 2, 10-10 Sat make-up 3',
    start: '2026-10-05',
    amount: 3,
    lastDay: '2026-10-10',
    due: '2026-10-10T16:00:00.000Z',
    makeup: true,
    skipped: ['2026-10-06', '2026-10-07'],
  },
  // ── Spring Festival 2025: 01-28 (Tue)..02-04 (Tue) off; 01-26 (Sun) and 02-08 (Sat) worked ──
  {
    why: '1-24 Fri + 3 WD: 1-25 Sat rest, 1-26 Sun make-up 1, 1-27 Mon 2, 1-28..2-04 春节, 2-05 Wed 3',
    start: '2025-01-24',
    amount: 3,
    lastDay: '2025-02-05',
    due: '2025-02-05T16:00:00.000Z',
    makeup: true,
    skipped: ['2025-01-25', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'],
  },
  {
    why: '2-05 Wed + 3 WD: 2-06 Thu 1, 2-07 Fri 2, 2-08 Sat make-up 3',
    start: '2025-02-05',
    amount: 3,
    lastDay: '2025-02-08',
    due: '2025-02-08T16:00:00.000Z',
    makeup: true,
    skipped: [],
  },
  // ── Spring Festival 2026: 02-15 (Sun)..02-23 (Mon) off; 02-14 (Sat) and 02-28 (Sat) worked ──
  {
    why: '2-12 Thu + 3 WD: 2-13 Fri 1, 2-14 Sat make-up 2, 2-15..2-23 春节, 2-24 Tue 3',
    start: '2026-02-12',
    amount: 3,
    lastDay: '2026-02-24',
    due: '2026-02-24T16:00:00.000Z',
    makeup: true,
    skipped: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
  },
  {
    why: '2-24 Tue + 5 WD: 2-25 Wed 1, 2-26 Thu 2, 2-27 Fri 3, 2-28 Sat make-up 4, 3-01 Sun rest, 3-02 Mon 5',
    start: '2026-02-24',
    amount: 5,
    lastDay: '2026-03-02',
    due: '2026-03-02T16:00:00.000Z',
    makeup: true,
    skipped: ['2026-03-01'],
  },
  // ── An ordinary week ──
  {
    why: '3-05 Thu + 7 WD: 3-06 Fri 1, 3-07/08 weekend, 3-09..3-13 Mon–Fri 2–6, 3-14/15 weekend, 3-16 Mon 7',
    start: '2026-03-05',
    amount: 7,
    lastDay: '2026-03-16',
    due: '2026-03-16T16:00:00.000Z',
    makeup: false,
    skipped: ['2026-03-07', '2026-03-08', '2026-03-14', '2026-03-15'],
  },
];

describe('working-day periods', () => {
  it.each(rows)('$why', ({ start, amount, lastDay, due, skipped, makeup }) => {
    const r = computeDue(cal, start, { amount, unit: 'workday' });
    expect(r.lastDay).toBe(lastDay);
    expect(r.due).toBe(due);
    expect(r.skipped.map((s) => s.date)).toEqual(skipped);
    expect(r.complete).toBe(true);
    expect(r.missingYears).toEqual([]);
    expect(r.rolledFrom).toBeUndefined(); // the last counted day is a working day by construction
    expect(r.basis).toContain(BASIS.startNotCounted);
    expect(r.basis.includes(BASIS.makeup)).toBe(makeup);
  });

  it('names the holiday and the rest day it skipped', () => {
    // 9-30 + 5 WD (2026): first skipped day 10-01 is 国庆节, the last 10-11 a Sunday.
    const r = computeDue(cal, '2026-09-30', { amount: 5, unit: 'workday' });
    expect(r.skipped[0]).toEqual({ date: '2026-10-01', kind: 'holiday', holiday: '国庆节' });
    expect(r.skipped[r.skipped.length - 1]).toEqual({ date: '2026-10-11', kind: 'rest_day' });
  });

  it('estimates a period reaching into 2027 (no schedule) with weekends only, and says so', () => {
    // 2026-12-29 Tue + 5 WD: 12-30 Wed 1, 12-31 Thu 2, 2027-01-01 Fri 3 (元旦 2027 unknown: estimate),
    // 01-02 Sat rest, 01-03 Sun rest, 01-04 Mon 4, 01-05 Tue 5.
    const r = computeDue(cal, '2026-12-29', { amount: 5, unit: 'workday' });
    expect(r.lastDay).toBe('2027-01-05');
    expect(r.due).toBe('2027-01-05T16:00:00.000Z');
    expect(r.complete).toBe(false);
    expect(r.missingYears).toEqual([2027]);
    expect(r.skipped.map((s) => s.date)).toEqual(['2027-01-02', '2027-01-03']);
    expect(r.basis).toContain('所跨年度（2027）尚未公布节假日安排，按周末估算');
  });

  it('lists every unscheduled year it had to estimate', () => {
    // A calendar holding 2026 only. 2024-12-30 Mon + 5 WD: 12-31 Tue 1 (2024 est.), 2025-01-01 Wed 2
    // (2025 est.: weekends only, so 元旦 is not known), 01-02 Thu 3, 01-03 Fri 4, 01-04/05 weekend, 01-06 Mon 5.
    const only2026 = new LegalCalendar(BUILT_IN_SCHEDULES.filter((s) => s.year === 2026));
    const r = computeDue(only2026, '2024-12-30', { amount: 5, unit: 'workday' });
    expect(r.lastDay).toBe('2025-01-06');
    expect(r.missingYears).toEqual([2024, 2025]);
    expect(r.basis).toContain('所跨年度（2024、2025）尚未公布节假日安排，按周末估算');
  });
});
