import { describePeriod, dueAfter } from './period';

describe('periods in hours (exact, no roll)', () => {
  it('ends exactly 24 hours after the start, even across a weekend night', () => {
    const start = new Date('2026-11-27T23:30:00+08:00'); // a Friday
    expect(dueAfter(start, { value: 24, unit: 'hours' }).toISOString()).toBe('2026-11-28T15:30:00.000Z');
  });

  it('says the period in Chinese', () => {
    expect(describePeriod({ value: 24, unit: 'hours' })).toBe('24小时');
  });
});
