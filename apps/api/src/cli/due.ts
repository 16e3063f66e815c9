import { parseArgs } from 'node:util';
import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { parseStart } from '#libs/calendar/dates';
import { PERIOD_UNITS, Pause, PeriodUnit, computeDue, parsePause } from '#libs/calendar/period';

/**
 * `npm run due -- --from 2026-09-30 --amount 5 --unit workday [--pause 2026-10-05/2026-10-06 …]`: when a
 * period ends, on the calendar shipped with lawtrail, as one line of JSON (the same answer as
 * GET /api/v1/calendar/due). A pause is FROM/TO, each a China date (FROM 00:00, TO 24:00) or an
 * instant; FROM/ is open and gives `due: null`.
 */
const PAUSE_MESSAGE = '中止期间必须写作 起/止（YYYY-MM-DD 日期或带时区的 ISO 8601 时间；止不早于起，可省略表示尚未结束）';

function main(): number {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, amount: { type: 'string' }, unit: { type: 'string' }, pause: { type: 'string', multiple: true } },
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
  const pauses: Pause[] = [];
  (values.pause ?? []).forEach((text, i) => {
    try {
      pauses.push(parsePause(text));
    } catch {
      errors.push({ field: `pause[${i}]`, message: PAUSE_MESSAGE });
    }
  });
  if (errors.length || !start) {
    console.error(JSON.stringify({ code: 'VALIDATION_FAILED', errors }));
    return 2;
  }
  const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
  const result = computeDue(calendar, values.from!, { amount, unit: values.unit as PeriodUnit }, pauses);
  console.log(JSON.stringify({ ...result, calendarYears: calendar.years() }));
  return 0;
}

process.exitCode = main();
