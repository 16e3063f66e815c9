import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { addDays, chinaDate, chinaDayStart } from '#libs/calendar/dates';
import { computeDue } from '#libs/calendar/period';
import { Actor } from '#libs/domain/roles';
import {
  decisionDeadlineQuery,
  hearingReportUpdate,
  issueDecisionUpdate,
  recordHearingUpdate,
  scheduleHearingUpdate,
  recordPreDecisionNoticeServedUpdate,
  recordStatementUpdate,
  requestDecisionExtensionUpdate,
  requestHearingUpdate,
  waiveUpdate,
} from '#libs/messages/decision';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { escalated, escalationsOf, eventually, recordLines } from '../support/database';
import { keepHistory } from '../support/histories';
import { aDraft, completeOpen, staffOf } from '../support/review';
import { TimeSkipping, startDecision, startTimeSkipping } from '../support/time-skipping';

// 行政处罚法 60: a decision within 90 days of filing; reminders 15 and 5
// days before (profile), escalation at expiry; an extension where a 规章 allows it (002: +30 days,
// granted by the chief as a task) moves the timer.
let ts: TimeSkipping;
const db = () => ts.database.db;
const DAY = 24 * 3600 * 1000;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
let officer: Actor;
let chief: Actor;
let unitHead: Actor;
let legal: Actor;

beforeAll(async () => {
  ts = await startTimeSkipping('decision-tests');
  ({ officer, chief, unitHead, legal } = await staffOf(db(), 'hy', 'huayin-housing'));
});
afterAll(async () => {
  await ts?.stop();
});

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

  await ts.skipTo(due - 15 * DAY - 3600_000);
  expect(await recordLines(db(), caseId, 'deadline_warning')).toHaveLength(0);
  await ts.skipTo(due - 15 * DAY + 3600_000);
  await eventually(async () => ((await recordLines(db(), caseId, 'deadline_warning')).length === 1 ? true : undefined));
  await ts.skipTo(due - 5 * DAY + 3600_000);
  const warnings = await eventually(async () => {
    const rows = await recordLines(db(), caseId, 'deadline_warning');
    return rows.length === 2 ? rows : undefined;
  });
  expect(warnings[0].summary).toContain('还有15日');
  expect(warnings[1].summary).toContain('还有5日');
  expect(await escalationsOf(db(), caseId)).toHaveLength(0);

  await ts.skipTo(due + 60_000);
  const [esc] = await escalated(db(), caseId);
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
  await ts.skipTo(Date.parse(computeDue(calendar, filedAt, { amount: 90, unit: 'day' }).due!) + 3600_000);
  expect(await escalationsOf(db(), caseId)).toHaveLength(0);
  await ts.skipTo(Date.parse(view.dueAt) + 60_000);
  await eventually(async () => ((await escalationsOf(db(), caseId)).length ? true : undefined));
  expect((await recordLines(db(), caseId, 'deadline_extended'))[0].summary).toContain('延长30日');
});

it('refuses an extension where no rule allows one (兴隆台区民政局)', async () => {
  const xlt = (await staffOf(db(), 'xlt', 'xinglongtai-civil-affairs')).officer;
  const { handle } = await startDecision(ts, 'xinglongtai-civil-affairs', xlt.id);
  await expect(handle.executeUpdate(requestDecisionExtensionUpdate, { args: [{ reason: '复杂', by: xlt }] })).rejects.toMatchObject({
    cause: { type: 'DECISION_EXTENSION_NOT_ALLOWED' },
  });
});

describe('pre-decision notice (行政处罚法 44, 45, 62–64; 002: 3 working days to state, 5 to ask a hearing)', () => {
  type Handle = Awaited<ReturnType<typeof startDecision>>['handle'];
  // A 文号 names one decision of the agency (cases_decision_number_key): a new one for each case.
  let numbered = 0;
  const decide = async (handle: Handle, by: Actor) =>
    handle.executeUpdate(issueDecisionUpdate, {
      args: [{ documentNumber: `华住建罚〔2026〕${++numbered}号`, decidedOn: chinaDate(new Date(await ts.env.currentTimeMs())), by }],
    });
  /** The draft goes up the chain to the chief (a fine: no legal review unless a hearing is held). */
  const toChief = async (handle: Handle) => {
    await completeOpen(handle, 'draft_decision', officer, { decision: 'submit', draft: aDraft() });
    await completeOpen(handle, 'draft_review', unitHead, { decision: 'agree', opinion: '事实清楚，同意承办人意见' });
  };
  const approve = (handle: Handle) =>
    completeOpen(handle, 'decision_approval', chief, { decision: 'approve', opinion: '同意', signature: '张局长' });
  const serve = async (handle: Awaited<ReturnType<typeof startDecision>>['handle']) =>
    handle.executeUpdate(recordPreDecisionNoticeServedUpdate, {
      args: [{ servedAt: await ts.now(), rights: ['statement', 'defence', 'hearing'], method: '直接送达', by: officer }],
    });

  it('blocks the decision inside the statement window and allows it after', async () => {
    const { caseId, handle } = await startDecision(ts, 'huayin-housing', officer.id);
    await toChief(handle);
    await expect(approve(handle)).rejects.toMatchObject({ cause: { type: 'NOTICE_NOT_SERVED' } });
    const notice = await serve(handle);
    await handle.executeUpdate(waiveUpdate, {
      args: [{ waivedAt: notice.servedAt!, scope: 'hearing', document: '放弃听证声明书', by: officer }],
    });
    await expect(approve(handle)).rejects.toMatchObject({ cause: { type: 'STATEMENT_WINDOW_OPEN' } });
    await expect(decide(handle, officer)).rejects.toMatchObject({ cause: { type: 'DECISION_NOT_APPROVED' } });
    await ts.skipTo(Date.parse(notice.statementDueAt!) + 60_000);
    await approve(handle);
    await expect(decide(handle, unitHead)).rejects.toMatchObject({ cause: { type: 'DECISION_ROLE_FORBIDDEN' } });
    // A 文号 another case took meanwhile (the API's check raced past): refused by the database, not issued.
    const other = await startDecision(ts, 'huayin-housing', officer.id);
    await db().query('UPDATE cases SET decision_number = $2 WHERE id = $1', [other.caseId, '华住建罚〔2026〕99号']);
    const today = chinaDate(new Date(await ts.env.currentTimeMs()));
    await expect(
      handle.executeUpdate(issueDecisionUpdate, { args: [{ documentNumber: '华住建罚〔2026〕99号', decidedOn: today, by: officer }] }),
    ).rejects.toMatchObject({
      cause: { cause: { type: 'INTEGRITY_VIOLATION' } },
    });
    await decide(handle, officer);
    await handle.result();
    await keepHistory(handle, 'decision-number-refused-then-issued');
    const [c] = await db().query('SELECT status FROM cases WHERE id = $1', [caseId]);
    expect(c.status).toBe('decided');
    const [d] = await db().query(`SELECT state FROM case_deadlines WHERE case_id = $1`, [caseId]);
    expect(d.state).toBe('met');
  });

  it('takes a hearing request on the 5th working day and refuses it on the 6th', async () => {
    const first = await startDecision(ts, 'huayin-housing', officer.id);
    await toChief(first.handle);
    const notice = await serve(first.handle);
    const lastInstant = new Date(Date.parse(notice.hearingRequestDueAt!) - 60_000).toISOString(); // 23:59 of day 5
    const taken = await first.handle.executeUpdate(requestHearingUpdate, { args: [{ requestedAt: lastInstant, by: officer }] });
    expect(taken.hearingRequested).toBe(true);
    await ts.skipTo(Date.parse(notice.hearingRequestDueAt!) + 60_000);
    await expect(approve(first.handle)).rejects.toMatchObject({ cause: { type: 'HEARING_PENDING' } });

    const second = await startDecision(ts, 'huayin-housing', officer.id);
    const late = await serve(second.handle);
    const day6 = new Date(Date.parse(late.hearingRequestDueAt!) + 3600_000).toISOString(); // 01:00 the next day
    await expect(second.handle.executeUpdate(requestHearingUpdate, { args: [{ requestedAt: day6, by: officer }] })).rejects.toMatchObject({
      cause: { type: 'HEARING_REQUEST_LATE' },
    });
    // Hand-check of the window: served on a China working day, 5 working days later ends at 24:00.
    const expected = computeDue(calendar, late.servedAt!, { amount: 5, unit: 'workday' });
    expect(late.hearingRequestDueAt).toBe(expected.due);
  });

  it('a statement received must be reviewed, adopted or not with reasons, before the decision', async () => {
    const { caseId, handle } = await startDecision(ts, 'huayin-housing', officer.id);
    await toChief(handle);
    const notice = await serve(handle);
    await handle.executeUpdate(recordStatementUpdate, {
      args: [{ receivedAt: notice.servedAt!, content: '违法事实轻微，请求从轻', by: officer }],
    });
    await ts.skipTo(Date.parse(notice.hearingRequestDueAt!) + 60_000);
    await expect(approve(handle)).rejects.toMatchObject({ cause: { type: 'STATEMENT_NOT_REVIEWED' } });
    const review = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'statement_review')!;
    expect(review.assigneeId).toBe(officer.id);
    await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: review.id, by: officer, decision: 'partly_adopted', opinion: '情节轻微部分属实，从轻处罚' }],
    });
    await approve(handle);
    await decide(handle, chief);
    const steps = await db().query(`SELECT action, summary FROM case_records WHERE case_id = $1 ORDER BY seq`, [caseId]);
    expect(steps.map((s: { action: string }) => s.action)).toEqual(
      expect.arrayContaining(['notice_served', 'statement_received', 'task_completed', 'decision_issued']),
    );
    expect(steps.some((s: { summary: string }) => s.summary.includes('部分采纳'))).toBe(true);
  });

  it('a requested hearing is noticed 7 working days ahead, held and reported before the decision (行政处罚法 64)', async () => {
    const { caseId, handle } = await startDecision(ts, 'huayin-housing', officer.id);
    await toChief(handle);
    const notice = await serve(handle);
    await handle.executeUpdate(requestHearingUpdate, { args: [{ requestedAt: notice.servedAt!, by: officer }] });
    const notifiedAt = notice.servedAt!;
    // 7 working days after the notice day end on L; the hearing may be held from the day after L.
    const L = computeDue(calendar, notifiedAt, { amount: 7, unit: 'workday' }).lastDay!;
    const tooSoon = new Date(chinaDayStart(L).getTime() + 9 * 3600_000).toISOString();
    await expect(
      handle.executeUpdate(scheduleHearingUpdate, { args: [{ notifiedAt, at: tooSoon, place: '局三楼听证室', by: officer }] }),
    ).rejects.toMatchObject({ cause: { type: 'HEARING_NOTICE_TOO_SHORT' } });
    const hearingAt = new Date(chinaDayStart(addDays(L, 1)).getTime() + 9 * 3600_000).toISOString();
    const scheduled = await handle.executeUpdate(scheduleHearingUpdate, {
      args: [{ notifiedAt, at: hearingAt, place: '局三楼听证室', by: officer }],
    });
    expect(scheduled.hearing).toMatchObject({ at: hearingAt, heldAt: null, reported: false });

    await ts.skipTo(Date.parse(notice.hearingRequestDueAt!) + 60_000);
    await expect(approve(handle)).rejects.toMatchObject({ cause: { type: 'HEARING_PENDING' } });
    await expect(
      handle.executeUpdate(recordHearingUpdate, {
        args: [{ heldAt: notice.servedAt!, participants: '当事人、承办人', record: '……', by: officer }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'HEARING_BEFORE_NOTICE_DATE' } });
    await ts.skipTo(Date.parse(hearingAt) + 2 * 3600_000);
    const heldAt = await ts.now();
    await handle.executeUpdate(recordHearingUpdate, {
      args: [{ heldAt, participants: '当事人张三、承办人、听证主持人', record: '听证笔录……', by: officer }],
    });
    await expect(approve(handle)).rejects.toMatchObject({ cause: { type: 'HEARING_PENDING' } });
    await handle.executeUpdate(hearingReportUpdate, { args: [{ report: '建议维持拟处罚意见', by: officer }] });
    // 行政处罚法 58(二): a decision after a hearing needs legal review, which the unit head had no cause to ask.
    await expect(approve(handle)).rejects.toMatchObject({ cause: { type: 'LEGAL_REVIEW_REQUIRED' } });
    await completeOpen(handle, 'decision_approval', chief, {
      decision: 'return',
      opinion: '请法制审核',
      returnTo: 'legal_reviewer',
      signature: '张局长',
    });
    await completeOpen(handle, 'legal_review', legal, { decision: 'pass', opinion: '程序合法', suggestions: '无' });
    await approve(handle);
    await decide(handle, chief);
    const steps = await db().query(`SELECT action FROM case_records WHERE case_id = $1 ORDER BY seq`, [caseId]);
    expect(
      steps.map((r: { action: string }) => r.action).filter((a: string) => a.startsWith('hearing') || a === 'decision_issued'),
    ).toEqual(['hearing_requested', 'hearing_scheduled', 'hearing_held', 'hearing_reported', 'decision_issued']);
  });
});
