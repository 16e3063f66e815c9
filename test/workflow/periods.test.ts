import { randomUUID } from 'node:crypto';
import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { addDays, chinaDate, chinaDayStart } from '#libs/calendar/dates';
import { computeDue } from '#libs/calendar/period';
import { Actor } from '#libs/domain/roles';
import { executionQuery } from '#libs/messages/execution';
import { pauseMeasureUpdate, resumeMeasureUpdate, takeMeasureUpdate } from '#libs/messages/investigation';
import { findProfile } from '#libs/profiles/index';
import { keepHistory } from '../support/histories';
import { TimeSkipping, startExecution, startInvestigation, startTimeSkipping } from '../support/time-skipping';
import { staffOf } from '../support/review';

// Periods in running cases. A pause moves the raw end and the roll comes last (行政强制法 25
// 款三, 民法典 203); a document deemed served "于 D 24:00" starts the periods that follow on D, and the
// court application window runs "自期限届满之日起" from the last day of the remedy period (行政强制法 53).
// The server starts at the real now; each test moves to a day on which the rule it checks makes a
// difference, found with the calendar, so it checks the same thing whatever day it runs.
let ts: TimeSkipping;
const db = () => ts.database.db;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
const HOUR = 3_600_000;
const profile = findProfile('huayin-housing')!;
let officer: Actor;

beforeAll(async () => {
  ts = await startTimeSkipping('period-tests');
  ({ officer } = await staffOf(db(), 'hy', profile.id));
});
afterAll(async () => {
  await ts?.stop();
});

const nowMs = () => ts.env.currentTimeMs();
/** 10:00 China time of a China date. */
const tenOClock = (date: string) => chinaDayStart(date).getTime() + 10 * HOUR;

/** The first day from tomorrow (China) for which `differs` holds. */
async function firstDay(differs: (day: string) => boolean): Promise<string> {
  let day = addDays(chinaDate(new Date(await nowMs())), 1);
  for (let i = 0; !differs(day); i++, day = addDays(day, 1)) if (i > 400) throw new Error('no such day within a year');
  return day;
}

it('a 30-day seizure with a 10-day testing pause ends on the raw end moved 10 days, rolled once (行政强制法 25; 民法典 203)', async () => {
  const period = profile.investigation.sealSeize.period;
  const pauseOf = (day: string) => [
    { from: new Date(tenOClock(addDays(day, 5))).toISOString(), to: new Date(tenOClock(addDays(day, 15))).toISOString() },
  ];
  const at = (day: string) => new Date(tenOClock(day)).toISOString();
  // A day on which rolling before the shift (the old engine) would give a later end.
  const day = await firstDay(
    (d) => computeDue(calendar, at(d), period, pauseOf(d)).due !== computeDue(calendar, at(d), period, pauseOf(d), { mode: 'legacy' }).due,
  );
  await ts.skipTo(tenOClock(day));
  const { handle } = await startInvestigation(ts, profile.id, officer.id);
  const rule = profile.investigation.sealSeize;
  const taken = await handle.executeUpdate(takeMeasureUpdate, {
    args: [
      {
        measureId: randomUUID(),
        kind: 'seize',
        object: '涉案建材一批',
        takenAt: at(day),
        recordId: null,
        by: officer,
        period: rule.period,
        extension: rule.extension.period,
        legalBasis: '行政强制法第二十五条',
        extensionBasis: '行政强制法第二十五条第二款',
      },
    ],
  });
  const [pause] = pauseOf(day);
  await ts.skipTo(Date.parse(pause.from));
  await handle.executeUpdate(pauseMeasureUpdate, { args: [{ measureId: taken.id, at: pause.from, reason: '送检鉴定', by: officer }] });
  await ts.skipTo(Date.parse(pause.to));
  const resumed = await handle.executeUpdate(resumeMeasureUpdate, { args: [{ measureId: taken.id, at: pause.to, by: officer }] });

  const raw = addDays(day, 30);
  const expected = computeDue(calendar, at(day), period, [pause]);
  expect(expected.rolledFrom ?? expected.lastDay).toBe(addDays(raw, 10));
  expect(calendar.isWorkingDay(expected.lastDay!)).toBe(true);
  expect(resumed).toMatchObject({ dueAt: expected.due, lastDay: expected.lastDay });
  // The old order: rolled before the shift (too late), or a shifted end on a rest day left unrolled (too early).
  expect(resumed.dueAt).not.toBe(computeDue(calendar, at(day), period, [pause], { mode: 'legacy' }).due);
  await keepHistory(handle, 'investigation-measure-paused-then-rolled');
});

it('a decision deemed served on D by 公告: the payment and remedy periods count from D, the court window from the lawsuit period’s last day', async () => {
  const pay = profile.execution.payment.period;
  // A day D on which counting from D+1 (the old reading of "D 24:00") would end the payment period later.
  const day = await firstDay((d) => computeDue(calendar, d, pay).lastDay !== computeDue(calendar, addDays(d, 1), pay).lastDay);
  await ts.skipTo(chinaDayStart(addDays(day, 1)).getTime()); // D 24:00, the moment of deemed service
  const { handle } = await startExecution(ts, profile.id, officer.id, 100_000, undefined, day);
  const view = await handle.query(executionQuery, await ts.now());

  const payment = computeDue(calendar, day, pay);
  expect(view.payment).toMatchObject({ dueAt: payment.due, lastDay: payment.lastDay });
  const review = computeDue(calendar, day, profile.execution.remedies.review.period);
  const lawsuit = computeDue(calendar, day, profile.execution.remedies.lawsuit.period);
  expect(view.remedies.review.endsAt).toBe(review.due);
  expect(view.remedies.lawsuit.endsAt).toBe(lawsuit.due);
  const later = Date.parse(review.due!) > Date.parse(lawsuit.due!) ? review : lawsuit;
  expect(view.court.latest).toBe(computeDue(calendar, later.lastDay!, profile.execution.courtApplication.window.period).due);
  // Not from the 24:00 instant: that is the day after.
  expect(view.payment.lastDay).not.toBe(computeDue(calendar, chinaDayStart(addDays(day, 1)), pay).lastDay);
  await keepHistory(handle, 'execution-deemed-served-counted-from-day');
});
