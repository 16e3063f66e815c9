import { LegalCalendar } from '../calendar/calendar';
import { BUILT_IN_SCHEDULES } from '../calendar/data';
import { PROFILES } from '../profiles';
import { forbiddenEnforcementTime } from './enforcement-time';

// 行政强制法 43: not at night (22:00–06:00 China time, the profile's reading), not on a holiday or rest day.
const rule = PROFILES[0].execution.noNightOrHolidayEnforcement;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
const at = (s: string) => forbiddenEnforcementTime(rule, calendar, new Date(s));

it('allows a working day in working hours', () => {
  expect(at('2026-11-24T09:00:00+08:00')).toBeNull(); // Tuesday
  expect(at('2026-11-24T21:59:00+08:00')).toBeNull();
  expect(at('2026-11-24T06:00:00+08:00')).toBeNull();
});

it('refuses the night, on either side of midnight, in China time', () => {
  expect(at('2026-11-24T22:00:00+08:00')).toBe('22时至次日6时为夜间');
  expect(at('2026-11-24T05:59:00+08:00')).toBe('22时至次日6时为夜间');
  expect(at('2026-11-24T15:00:00Z')).toBe('22时至次日6时为夜间'); // 23:00 in China
});

it('refuses holidays and rest days, and allows a make-up working day', () => {
  expect(at('2026-10-01T10:00:00+08:00')).toMatch(/^2026-10-01为法定节假日/);
  expect(at('2026-11-28T10:00:00+08:00')).toBe('2026-11-28为公休日'); // Saturday
  expect(at('2026-09-20T10:00:00+08:00')).toBeNull(); // Sunday worked in lieu (调休)
});
