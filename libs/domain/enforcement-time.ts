import { LegalCalendar } from '../calendar/calendar';
import { chinaDate, chinaDayStart } from '../calendar/dates';
import type { AgencyProfile } from '../profiles/schema';

/**
 * 行政强制法 43: no compulsory execution at night or on a statutory holiday, unless urgent. Returns
 * why a time is forbidden (in Chinese), or null. Night is the profile's China-time hours; a
 * holiday is any day the calendar does not count as a working day.
 */
export function forbiddenEnforcementTime(
  rule: AgencyProfile['execution']['noNightOrHolidayEnforcement'],
  calendar: LegalCalendar,
  at: Date,
): string | null {
  const date = chinaDate(at);
  const hour = Math.floor((at.getTime() - chinaDayStart(date).getTime()) / 3_600_000);
  const { nightFromHour: fromHour, nightToHour: toHour } = rule;
  const night = fromHour > toHour ? hour >= fromHour || hour < toHour : hour >= fromHour && hour < toHour;
  if (night) return `${fromHour}时至次日${toHour}时为夜间`;
  const day = calendar.day(date);
  if (day.kind === 'holiday') return `${date}为法定节假日（${day.holiday}）`;
  if (day.kind === 'rest_day') return `${date}为公休日`;
  return null;
}
