import { LegalCalendar } from './calendar';
import { BUILT_IN_SCHEDULES } from './data';
import { BASIS, computeDue, Pause, Period } from './period';

// Pauses (testing time for seizures, 行政强制法 第二十五条第三款: 检测、检验、检疫或者技术鉴定的期间
// 不计入查封、扣押期间; a suspension of the case): the paused time is not part of the period, so it moves
// the raw end (before any roll) by exactly the paused span; then a last day on a rest day or holiday is
// rolled once (民法典 第二百零三条). Never rolled twice, never rolled before the shift. An open pause
// stops the clock.
const cal = new LegalCalendar(BUILT_IN_SCHEDULES);
const DAY = 86_400_000;
const HOUR = 3_600_000;

// Base cases, worked out by hand:
// - 2026-09-20 + 30 days = 10-20 Tue, working → due 2026-10-20T16:00Z.
// - 2026-09-30 + 5 WD = 10-13 Tue (see period-workdays.spec.ts) → due 2026-10-13T16:00Z.
const thirtyDays: [string, Period] = ['2026-09-20', { amount: 30, unit: 'day' }];
const fiveWorkdays: [string, Period] = ['2026-09-30', { amount: 5, unit: 'workday' }];

interface Row {
  why: string;
  base: [string, Period];
  pauses: Pause[];
  due: string | null;
  lastDay?: string;
  paused: { ms: number; open: boolean };
}

const rows: Row[] = [
  {
    why: 'a closed pause over the whole 2026 National Day break (10-01 00:00 to 10-08 00:00 China) adds exactly 7 days: 10-20 → 10-27',
    base: thirtyDays,
    pauses: [{ from: '2026-09-30T16:00:00Z', to: '2026-10-07T16:00:00Z' }],
    due: '2026-10-27T16:00:00.000Z',
    lastDay: '2026-10-27',
    paused: { ms: 7 * DAY, open: false },
  },
  {
    why: 'a 4-day pause moves the raw end to 10-24, a Saturday, which is then rolled once to Monday 10-26 (民法典 203)',
    base: thirtyDays,
    pauses: [{ from: '2026-09-30T16:00:00Z', to: '2026-10-04T16:00:00Z' }],
    due: '2026-10-26T16:00:00.000Z',
    lastDay: '2026-10-26',
    paused: { ms: 4 * DAY, open: false },
  },
  {
    why: 'a 5-hour pause moves 10-13 24:00 to 10-14 05:00 China time: the last day is 10-14, ending at 24:00',
    base: fiveWorkdays,
    pauses: [{ from: '2026-10-12T01:00:00Z', to: '2026-10-12T06:00:00Z' }],
    due: '2026-10-14T16:00:00.000Z',
    lastDay: '2026-10-14',
    paused: { ms: 5 * HOUR, open: false },
  },
  {
    why: 'an open pause stops the clock: no due',
    base: fiveWorkdays,
    pauses: [{ from: '2026-10-05T00:00:00Z' }],
    due: null,
    lastDay: undefined,
    paused: { ms: 0, open: true },
  },
  {
    why: 'a closed pause then an open one: the clock is stopped, the closed time is kept',
    base: fiveWorkdays,
    pauses: [{ from: '2026-10-02T00:00:00Z', to: '2026-10-03T00:00:00Z' }, { from: '2026-10-09T00:00:00Z' }],
    due: null,
    lastDay: undefined,
    paused: { ms: DAY, open: true },
  },
  {
    why: 'a pause wholly before the start (start = 2026-09-29T16:00Z) is ignored',
    base: fiveWorkdays,
    pauses: [{ from: '2026-09-01T00:00:00Z', to: '2026-09-10T00:00:00Z' }],
    due: '2026-10-13T16:00:00.000Z',
    lastDay: '2026-10-13',
    paused: { ms: 0, open: false },
  },
  {
    why: 'a pause on the start day, which is not counted (民法典 201), moves nothing: counting begins 10-01 00:00 China',
    base: fiveWorkdays,
    pauses: [{ from: '2026-09-29T10:00:00Z', to: '2026-09-30T16:00:00Z' }],
    due: '2026-10-13T16:00:00.000Z',
    lastDay: '2026-10-13',
    paused: { ms: 0, open: false },
  },
  {
    why: 'a pause straddling the beginning of counting counts from it: 10-01 00:00..10-02 00:00 China = 1 day → 10-14',
    base: fiveWorkdays,
    pauses: [{ from: '2026-09-30T10:00:00Z', to: '2026-10-01T16:00:00Z' }],
    due: '2026-10-14T16:00:00.000Z',
    lastDay: '2026-10-14',
    paused: { ms: DAY, open: false },
  },
  {
    why: 'pause sides given as China dates are whole days: 10-05..10-06 inclusive = 2 days → 10-15',
    base: fiveWorkdays,
    pauses: [{ from: '2026-10-05', to: '2026-10-06' }],
    due: '2026-10-15T16:00:00.000Z',
    lastDay: '2026-10-15',
    paused: { ms: 2 * DAY, open: false },
  },
  {
    why: 'a pause after the period ran out cannot revive it',
    base: fiveWorkdays,
    pauses: [{ from: '2026-10-20T00:00:00Z', to: '2026-10-21T00:00:00Z' }, { from: '2026-10-22T00:00:00Z' }],
    due: '2026-10-13T16:00:00.000Z',
    lastDay: '2026-10-13',
    paused: { ms: 0, open: false },
  },
  {
    why: 'overlapping pauses stop the clock once: 10-02 00:00Z..10-04 00:00Z = 2 days → 10-15',
    base: fiveWorkdays,
    pauses: [
      { from: '2026-10-02T12:00:00Z', to: '2026-10-04T00:00:00Z' },
      { from: '2026-10-02T00:00:00Z', to: '2026-10-03T00:00:00Z' },
    ],
    due: '2026-10-15T16:00:00.000Z',
    lastDay: '2026-10-15',
    paused: { ms: 2 * DAY, open: false },
  },
  {
    why: 'a pause after the original end but before the moved one counts: 48 h then 12 h → 10-16 12:00 China, so 10-16 is the last day',
    base: fiveWorkdays,
    pauses: [
      { from: '2026-10-01T00:00:00Z', to: '2026-10-03T00:00:00Z' },
      { from: '2026-10-14T00:00:00Z', to: '2026-10-14T12:00:00Z' },
    ],
    due: '2026-10-16T16:00:00.000Z',
    lastDay: '2026-10-16',
    paused: { ms: 60 * HOUR, open: false },
  },
  {
    why: '行政强制法 25: a seizure taken Thu 2026-05-07 for 30 days (raw end Sat 06-06) with a 10-day appraisal 05-12..05-21 ends Tue 06-16, not Thu 06-18',
    base: ['2026-05-07T10:00:00+08:00', { amount: 30, unit: 'day' }],
    pauses: [{ from: '2026-05-12', to: '2026-05-21' }],
    due: '2026-06-16T16:00:00.000Z',
    lastDay: '2026-06-16',
    paused: { ms: 10 * DAY, open: false },
  },
  {
    why: 'a pause that begins on the day the end was rolled to still stops a running period: raw end Sat 06-06, rolled Mon 06-08; paused Mon 06-08 (1 day) → raw end Sun 06-07 → Mon 06-08',
    base: ['2026-05-07', { amount: 30, unit: 'day' }],
    pauses: [{ from: '2026-06-08', to: '2026-06-08' }],
    due: '2026-06-08T16:00:00.000Z',
    lastDay: '2026-06-08',
    paused: { ms: DAY, open: false },
  },
];

describe('pauses', () => {
  it.each(rows)('$why', ({ base, pauses, due, lastDay, paused }) => {
    const r = computeDue(cal, base[0], base[1], pauses);
    expect(r.due).toBe(due);
    expect(r.lastDay).toBe(lastDay);
    expect(r.paused).toEqual(paused);
    if (paused.open) expect(r.basis).toContain(BASIS.pauseOpen);
    if (paused.ms > 0 && !paused.open) expect(r.basis).toContain(BASIS.paused);
    expect(r.basis).not.toContain(BASIS.pausedNoRoll);
  });

  it('says when the moved end was rolled, and from which day', () => {
    const r = computeDue(cal, ...thirtyDays, [{ from: '2026-10-01', to: '2026-10-04' }]);
    expect(r).toMatchObject({ lastDay: '2026-10-26', rolledFrom: '2026-10-24' });
    expect(r.basis).toContain(BASIS.pausedThenRoll);
  });

  it('an extension adds to the raw end and rolls once: 90 days from 2026-09-20 extended by 30 ends on a working day', () => {
    const r = computeDue(cal, '2026-09-20', { amount: 120, unit: 'day' });
    expect(cal.isWorkingDay(r.lastDay!)).toBe(true);
    expect(r.rolledFrom ?? r.lastDay).toBe('2027-01-18');
  });

  it('shifts an hour period exactly, across a holiday', () => {
    // 2025-09-30 18:00 China + 24 h = 10-01 18:00 China (10:00Z); a 2-hour pause → 12:00Z.
    const r = computeDue(cal, '2025-09-30T18:00:00+08:00', { amount: 24, unit: 'hour' }, [
      { from: '2025-09-30T12:00:00Z', to: '2025-09-30T14:00:00Z' },
    ]);
    expect(r.due).toBe('2025-10-01T12:00:00.000Z');
    expect(r.lastDay).toBeUndefined();
  });

  it('refuses a pause that ends before it begins', () => {
    expect(() => computeDue(cal, ...fiveWorkdays, [{ from: '2026-10-05T00:00:00Z', to: '2026-10-04T00:00:00Z' }])).toThrow(RangeError);
  });

  it('refuses a pause time it cannot read', () => {
    expect(() => computeDue(cal, ...fiveWorkdays, [{ from: '5 October' }])).toThrow();
  });
});

describe('cases started before the 2026-12 patch (legacy: rolled, then shifted, never rolled again)', () => {
  it.each([
    [
      'the same seizure came out on Thu 06-18',
      ['2026-05-07T10:00:00+08:00', { amount: 30, unit: 'day' }] as [string, Period],
      [{ from: '2026-05-12', to: '2026-05-21' }],
      '2026-06-18T16:00:00.000Z',
    ],
    [
      'a 4-day pause ended on Saturday 10-24',
      thirtyDays,
      [{ from: '2026-09-30T16:00:00Z', to: '2026-10-04T16:00:00Z' }],
      '2026-10-24T16:00:00.000Z',
    ],
    [
      'a 5-hour pause ended at 05:00',
      fiveWorkdays,
      [{ from: '2026-10-12T01:00:00Z', to: '2026-10-12T06:00:00Z' }],
      '2026-10-13T21:00:00.000Z',
    ],
  ])('%s', (_why, base, pauses, due) => {
    const r = computeDue(cal, base[0], base[1], pauses, { mode: 'legacy' });
    expect(r.due).toBe(due);
    expect(r.basis).toContain(BASIS.pausedNoRoll);
  });
});
