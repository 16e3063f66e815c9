import { chinaInstant, chinaTime, countdown, pickedInstant } from './time';

describe('chinaTime', () => {
  it('shows an instant in China time, across the date line of UTC', () => {
    expect(chinaTime('2026-03-05T16:30:00.000Z')).toBe('2026-03-06 00:30');
    expect(chinaTime('2026-12-31T15:59:00Z')).toBe('2026-12-31 23:59');
  });
});

describe('countdown', () => {
  const now = new Date('2026-03-05T08:00:00Z');

  it('counts what is left in days and hours, hours and minutes, or minutes', () => {
    expect(countdown('2026-03-07T11:00:00Z', now)).toEqual({ overdue: false, label: '剩余 2天3小时' });
    expect(countdown('2026-03-07T08:00:00Z', now)).toEqual({ overdue: false, label: '剩余 2天' });
    expect(countdown('2026-03-05T10:15:00Z', now)).toEqual({ overdue: false, label: '剩余 2小时15分钟' });
    expect(countdown('2026-03-05T08:20:30Z', now)).toEqual({ overdue: false, label: '剩余 20分钟' });
  });

  it('is not late at the due instant, late one minute after', () => {
    expect(countdown('2026-03-05T08:00:00Z', now)).toEqual({ overdue: false, label: '剩余 1分钟' });
    expect(countdown('2026-03-05T07:59:00Z', now)).toEqual({ overdue: true, label: '逾期 1分钟' });
  });

  it('counts how long a task is late', () => {
    expect(countdown('2026-03-04T06:00:00Z', now)).toEqual({ overdue: true, label: '逾期 1天2小时' });
  });
});

describe('chinaInstant', () => {
  it('reads a picker’s wall-clock time as China time, whatever the browser’s zone', () => {
    const at = chinaInstant('2026-03-05 00:30');
    expect(at).toBe('2026-03-05T00:30:00+08:00');
    expect(new Date(at).toISOString()).toBe('2026-03-04T16:30:00.000Z');
    expect(chinaTime(at)).toBe('2026-03-05 00:30');
  });
});

describe('pickedInstant', () => {
  const now = new Date('2026-03-05T06:30:42.000Z');

  it('sends the instant itself for the current minute, the minute picked otherwise', () => {
    expect(pickedInstant('2026-03-05 14:30', now)).toBe('2026-03-05T06:30:42.000Z');
    expect(pickedInstant('2026-03-05 14:29', now)).toBe('2026-03-05T14:29:00+08:00');
    expect(pickedInstant('', now)).toBe('');
  });
});
