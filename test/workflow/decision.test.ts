import { LegalCalendar } from '../../libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '../../libs/calendar/data';
import { computeDue } from '../../libs/calendar/period';
import { Actor } from '../../libs/domain/roles';
import { decisionDeadlineQuery, requestDecisionExtensionUpdate } from '../../libs/messages/decision';
import { caseStateQuery, completeTaskUpdate } from '../../libs/messages/initiation';
import { eventually, userId } from '../support/database';
import { TimeSkipping, startDecision, startTimeSkipping } from '../support/time-skipping';

// Issue 6, first increment: 行政处罚法 60 — a decision within 90 days of filing; reminders 15 and 5
// days before (profile), escalation at expiry; an extension where a 规章 allows it (002: +30 days,
// granted by the chief as a task) moves the timer.
let ts: TimeSkipping;
const db = () => ts.database.db;
const DAY = 24 * 3600 * 1000;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
let officer: Actor;
let chief: Actor;

beforeAll(async () => {
  ts = await startTimeSkipping('decision-tests');
  officer = { id: await userId(db(), 'hy.officer1'), name: 'hy.officer1', role: 'officer', agencyId: 'huayin-housing' };
  chief = { id: await userId(db(), 'hy.chief'), name: 'hy.chief', role: 'chief', agencyId: 'huayin-housing' };
});
afterAll(async () => {
  await ts?.stop();
});

const until = async (ms: number) => ts.env.sleep(Math.max(ms - (await ts.env.currentTimeMs()), 1));
const lines = (caseId: string, action: string) =>
  db().query('SELECT summary FROM case_records WHERE case_id = $1 AND action = $2 ORDER BY seq', [caseId, action]);
const escalations = (caseId: string) => db().query('SELECT * FROM escalations WHERE case_id = $1', [caseId]);

it('reminds 15 and 5 days before the 90-day deadline and escalates when it runs out', async () => {
  const { caseId, handle, filedAt } = await startDecision(ts, 'huayin-housing', officer.id);
  const expected = computeDue(calendar, filedAt, { amount: 90, unit: 'day' });
  const view = await handle.query(decisionDeadlineQuery);
  expect(view.dueAt).toBe(expected.due);
  const due = Date.parse(view.dueAt);
  // The query answers from the workflow at once; the projection follows a moment later.
  const row = await eventually(async () => {
    const [r] = await db().query(`SELECT due_at, state FROM case_deadlines WHERE case_id = $1 AND kind = 'decision'`, [caseId]);
    return r;
  });
  expect(row.due_at.toISOString()).toBe(expected.due);

  await until(due - 15 * DAY - 3600_000);
  expect(await lines(caseId, 'deadline_warning')).toHaveLength(0);
  await until(due - 15 * DAY + 3600_000);
  await eventually(async () => ((await lines(caseId, 'deadline_warning')).length === 1 ? true : undefined));
  await until(due - 5 * DAY + 3600_000);
  const warnings = await eventually(async () => {
    const rows = await lines(caseId, 'deadline_warning');
    return rows.length === 2 ? rows : undefined;
  });
  expect(warnings[0].summary).toContain('还有15日');
  expect(warnings[1].summary).toContain('还有5日');
  expect(await escalations(caseId)).toHaveLength(0);

  await until(due + 60_000);
  const [esc] = await eventually(async () => {
    const rows = await escalations(caseId);
    return rows.length ? rows : undefined;
  });
  expect(esc.kind).toBe('decision_overdue');
  expect(esc.must_act).toEqual([{ role: 'chief' }, { role: 'unit_head' }, { role: 'officer', userId: officer.id }]);
  // The escalation is written first, the deadline's new state right after it.
  await eventually(async () => {
    const [after] = await db().query(`SELECT state FROM case_deadlines WHERE case_id = $1`, [caseId]);
    return after.state === 'overdue' ? after : undefined;
  });
});

it('an extension approved by the chief moves the deadline by 30 days, once', async () => {
  const { caseId, handle, filedAt } = await startDecision(ts, 'huayin-housing', officer.id);
  await ts.env.sleep('60 days');
  const asked = await handle.executeUpdate(requestDecisionExtensionUpdate, { args: [{ reason: '案情复杂', by: officer }] });
  expect(asked.extensionRequested).toBe(true);
  await expect(handle.executeUpdate(requestDecisionExtensionUpdate, { args: [{ reason: '再次', by: officer }] })).rejects.toMatchObject({
    cause: { type: 'DECISION_EXTENSION_USED' },
  });
  const task = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'decision_extension')!;
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, by: chief, decision: 'approve', opinion: '同意延长' }] });
  const view = await handle.query(decisionDeadlineQuery);
  expect(view).toMatchObject({ extended: true, dueAt: computeDue(calendar, filedAt, { amount: 120, unit: 'day' }).due });
  // The old due passes without escalation; the new one escalates.
  await until(Date.parse(computeDue(calendar, filedAt, { amount: 90, unit: 'day' }).due!) + 3600_000);
  expect(await escalations(caseId)).toHaveLength(0);
  await until(Date.parse(view.dueAt) + 60_000);
  await eventually(async () => ((await escalations(caseId)).length ? true : undefined));
  expect((await lines(caseId, 'deadline_extended'))[0].summary).toContain('延长30日');
});

it('refuses an extension where no rule allows one (兴隆台区民政局)', async () => {
  const xlt: Actor = { id: await userId(db(), 'xlt.officer1'), name: 'xlt.officer1', role: 'officer', agencyId: 'xinglongtai-civil-affairs' };
  const { handle } = await startDecision(ts, 'xinglongtai-civil-affairs', xlt.id);
  await expect(handle.executeUpdate(requestDecisionExtensionUpdate, { args: [{ reason: '复杂', by: xlt }] })).rejects.toMatchObject({
    cause: { type: 'DECISION_EXTENSION_NOT_ALLOWED' },
  });
});
