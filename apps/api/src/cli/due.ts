import { parseArgs } from 'node:util';
import { LegalCalendar } from '../../../../libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '../../../../libs/calendar/data';
import { parseStart } from '../../../../libs/calendar/dates';
import { PERIOD_UNITS, PeriodUnit, computeDue } from '../../../../libs/calendar/period';

/**
 * `npm run due -- --from 2026-09-30 --amount 5 --unit workday`: when a period ends, on the
 * calendar shipped with lawtrail, as one line of JSON (the same answer as GET /api/v1/calendar/due).
 */
function main(): number {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, amount: { type: 'string' }, unit: { type: 'string' } },
  });
  const errors: { field: string; message: string }[] = [];
  const amount = Number(values.amount);
  if (!Number.isInteger(amount) || amount < 1) errors.push({ field: 'amount', message: '期间数量必须是正整数' });
  if (!PERIOD_UNITS.includes(values.unit as PeriodUnit)) {
    errors.push({ field: 'unit', message: `期间单位必须是 ${PERIOD_UNITS.join('、')} 之一` });
  }
  let start: Date | undefined;
  try {
    start = parseStart(values.from ?? '');
  } catch {
    errors.push({ field: 'from', message: '起算时间必须是 YYYY-MM-DD 日期或带时区的 ISO 8601 时间' });
  }
  if (errors.length || !start) {
    console.error(JSON.stringify({ code: 'VALIDATION_FAILED', errors }));
    return 2;
  }
  const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
  const result = computeDue(calendar, start, { amount, unit: values.unit as PeriodUnit });
  console.log(JSON.stringify({ ...result, calendarYears: calendar.years() }));
  return 0;
}

process.exitCode = main();
