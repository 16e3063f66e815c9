import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { chinaDate } from '#libs/calendar/dates';
import { computeDue } from '#libs/calendar/period';
import { caseStateQuery } from '#libs/messages/tasks';
import { eventually } from '../support/database';
import { aDraft, completeOpen, staffOf } from '../support/review';
import { TimeSkipping, startDecision, startTimeSkipping } from '../support/time-skipping';

// The escalation ladder. A late task is escalated at its due time (to the people
// the stage names), then, per profile, to the chief and the supervisor — each once,
// and no rung after the task is done. 002 gives legal review shorter rungs (1 and 3 working days).
let ts: TimeSkipping;
const db = () => ts.database.db;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
const HOUR = 3600 * 1000;

beforeAll(async () => {
  ts = await startTimeSkipping('escalation-tests');
});
afterAll(async () => {
  await ts?.stop();
});

const until = async (iso: string) => ts.env.sleep(Math.max(Date.parse(iso) - (await ts.env.currentTimeMs()), 0) + HOUR);
// "期限届满后 N 个工作日": the task's period ends at 24:00 of its last day, so counting starts the day after it.
const lastDayOf = (dueAt: string) => chinaDate(new Date(Date.parse(dueAt) - 1));

const fired = async (caseId: string, n: number) =>
  eventually(async () => {
    const rows = await db().query('SELECT kind, must_act FROM escalations WHERE case_id = $1 ORDER BY escalated_at', [caseId]);
    return rows.length === n
      ? rows.map((r: { kind: string; must_act: { role: string }[] }) => [r.kind, r.must_act.map((m) => m.role)])
      : undefined;
  });

it('climbs from the due-time escalation to the chief after 1 working day and to the supervisor after 3, once each (002 法制审核)', async () => {
  const hy = await staffOf(db(), 'hy', 'huayin-housing');
  const { caseId, handle } = await startDecision(ts, 'huayin-housing', hy.officer.id);
  await completeOpen(handle, 'draft_decision', hy.officer, { decision: 'submit', draft: aDraft({ findings: ['major_public_interest'] }) });
  await completeOpen(handle, 'draft_review', hy.unitHead, { decision: 'agree', opinion: '同意' });
  const review = await eventually(async () => (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'legal_review'));
  const rung = (n: number) => computeDue(calendar, lastDayOf(review.dueAt!), { amount: n, unit: 'workday' }).due!;

  await until(review.dueAt!);
  expect(await fired(caseId, 1)).toEqual([['legal_review_overdue', expect.arrayContaining(['legal_reviewer'])]]);
  // Just before the first rung nothing more has fired.
  await ts.env.sleep(Date.parse(rung(1)) - (await ts.env.currentTimeMs()) - 2 * HOUR);
  expect(await fired(caseId, 1)).toHaveLength(1);
  await until(rung(1));
  expect((await fired(caseId, 2))[1]).toEqual(['escalated_to_chief', ['chief']]);
  await until(rung(3));
  expect((await fired(caseId, 3))[2]).toEqual(['escalated_to_supervisor', ['supervisor']]);
  // Nothing fires twice, however long it stays open.
  await ts.env.sleep(30 * 24 * HOUR);
  expect(await fired(caseId, 3)).toHaveLength(3);
  const lines = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'deadline_escalated' ORDER BY seq`, [
    caseId,
  ]);
  expect(lines.map((l: { summary: string }) => l.summary).slice(1)).toEqual([
    '「法制审核」期限届满后1个工作日仍未办理，报告行政机关负责人',
    '「法制审核」期限届满后3个工作日仍未办理，报告法制监督人员',
  ]);
});

it('stops climbing once the task is done (default rungs: 2 and 5 working days, 000)', async () => {
  const xlt = await staffOf(db(), 'xlt', 'xinglongtai-civil-affairs');
  const { caseId, handle } = await startDecision(ts, 'xinglongtai-civil-affairs', xlt.officer.id);
  await completeOpen(handle, 'draft_decision', xlt.officer, { decision: 'submit', draft: aDraft({ findings: ['major_public_interest'] }) });
  await completeOpen(handle, 'draft_review', xlt.unitHead, { decision: 'agree', opinion: '同意' });
  const review = await eventually(async () => (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'legal_review'));
  const rung = (n: number) => computeDue(calendar, lastDayOf(review.dueAt!), { amount: n, unit: 'workday' }).due!;
  await until(rung(2));
  expect((await fired(caseId, 2)).map(([k]: string[]) => k)).toEqual(['legal_review_overdue', 'escalated_to_chief']);
  await completeOpen(handle, 'legal_review', xlt.legal, { decision: 'pass', opinion: '合法' });
  await until(rung(5));
  await ts.env.sleep(10 * 24 * HOUR);
  expect(await fired(caseId, 2)).toHaveLength(2);
});
