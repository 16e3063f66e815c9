import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { addDays, chinaDayStart } from '#libs/calendar/dates';
import { computeDue } from '#libs/calendar/period';
import {
  applyToCourtUpdate,
  decideCompulsoryExecutionUpdate,
  draftDemandNoticeUpdate,
  executionQuery,
  recordCompulsoryResultUpdate,
  recordCourtResultUpdate,
  recordPaymentUpdate,
  recordRemedyUpdate,
} from '#libs/messages/execution';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { recordServiceOutcomeUpdate, workflowIdForService } from '#libs/messages/service';
import { Actor } from '#libs/domain/roles';
import { eventually } from '../support/database';
import { staffOf } from '../support/review';
import { TimeSkipping, startExecution, startTimeSkipping } from '../support/time-skipping';

// Payment in 15 days (行政处罚法 67), the surcharge (72–73), the remedy periods, 催告
// and the court application window (行政强制法 53, 54).
let ts: TimeSkipping;
const db = () => ts.database.db;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
const DAY = 24 * 3600_000;

beforeAll(async () => {
  ts = await startTimeSkipping('execution-tests');
});
afterAll(async () => {
  await ts?.stop();
});

it('unpaid: the surcharge grows 3 % a day from the day after the due date, pauses during review, stops at the fine', async () => {
  const hy = await staffOf(db(), 'hy', 'huayin-housing');
  const { caseId, handle, servedAt } = await startExecution(ts, 'huayin-housing', hy.officer.id, 100_000);
  const due = computeDue(calendar, servedAt, { amount: 15, unit: 'day' });
  const view = await handle.query(executionQuery, await ts.now());
  expect(view.payment).toMatchObject({ dueAt: due.due, lastDay: due.lastDay });

  const dayAfter = (n: number) => chinaDayStart(addDays(due.lastDay!, n)).getTime() + 12 * 3600_000; // noon, China time
  await ts.skipTo(dayAfter(1));
  expect((await handle.query(executionQuery, await ts.now())).surcharge).toMatchObject({ days: 1, amountFen: 3_000 });
  const [esc] = await eventually(async () => {
    const rows = await db().query('SELECT kind FROM escalations WHERE case_id = $1', [caseId]);
    return rows.length ? rows : undefined;
  });
  expect(esc.kind).toBe('payment_overdue');

  await ts.skipTo(dayAfter(5));
  expect((await handle.query(executionQuery, await ts.now())).surcharge.days).toBe(5);
  await handle.executeUpdate(recordRemedyUpdate, { args: [{ kind: 'review', event: 'filed', at: await ts.now(), by: hy.officer }] });
  await ts.skipTo(dayAfter(15));
  expect((await handle.query(executionQuery, await ts.now())).surcharge.days).toBe(4); // filing day onward not counted
  await handle.executeUpdate(recordRemedyUpdate, {
    args: [{ kind: 'review', event: 'ended', at: await ts.now(), outcome: 'upheld', by: hy.officer }],
  });
  await ts.skipTo(dayAfter(16));
  expect((await handle.query(executionQuery, await ts.now())).surcharge.days).toBe(6); // counted again from the day it ended
  await ts.skipTo(dayAfter(60));
  expect((await handle.query(executionQuery, await ts.now())).surcharge).toMatchObject({ amountFen: 100_000, capped: true });

  await expect(
    handle.executeUpdate(recordPaymentUpdate, { args: [{ paidAt: await ts.now(), amountFen: 150_000, receipt: 'R-1', by: hy.officer }] }),
  ).rejects.toMatchObject({ cause: { type: 'PAYMENT_INSUFFICIENT', message: expect.stringContaining('应缴纳2000.00元') } });
  await handle.executeUpdate(recordPaymentUpdate, {
    args: [{ paidAt: await ts.now(), amountFen: 200_000, receipt: 'R-1', by: hy.officer }],
  });
  await handle.result();
  const [c] = await db().query('SELECT status, stage FROM cases WHERE id = $1', [caseId]);
  expect(c).toEqual({ status: 'ended', stage: 'archiving' });
});

it('the court application is refused on working day 9 after the 催告书 was served and taken once 10 working days have passed', async () => {
  const xlt = await staffOf(db(), 'xlt', 'xinglongtai-civil-affairs');
  const { caseId, handle } = await startExecution(ts, 'xinglongtai-civil-affairs', xlt.officer.id, 20_000);
  await expect(
    handle.executeUpdate(draftDemandNoticeUpdate, { args: [{ content: '请于十日内缴纳', by: xlt.officer }] }),
  ).rejects.toMatchObject({
    cause: { type: 'DEMAND_NOT_DUE' },
  });
  const view = await handle.query(executionQuery, await ts.now());
  await ts.skipTo(Date.parse(view.remediesEndedAt) + DAY); // six months on: the remedy periods have ended
  await handle.executeUpdate(draftDemandNoticeUpdate, { args: [{ content: '限十日内缴纳罚款200元及加处罚款', by: xlt.officer }] });
  const approval = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'demand_notice_approval')!;
  await handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: approval.id, by: xlt.chief, decision: 'approve', opinion: '同意催告' }],
  });
  const serviceId = await eventually(async () => (await handle.query(executionQuery, await ts.now())).demandNotice?.serviceId ?? undefined);
  const service = ts.env.client.workflow.getHandle(workflowIdForService(caseId, serviceId));
  const task = await eventually(async () => (await service.query(caseStateQuery)).openTasks[0]);
  await service.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: task.id,
        by: xlt.officer,
        decision: 'attempted',
        opinion: '直接送达',
        attempt: { method: 'direct', startedAt: await ts.now() },
      },
    ],
  });
  const servedAt = await ts.now();
  await service.executeUpdate(recordServiceOutcomeUpdate, {
    args: [{ outcome: 'served', at: servedAt, receipt: { signedBy: '王五' }, by: xlt.officer }],
  });
  const earliest = computeDue(calendar, servedAt, { amount: 10, unit: 'workday' }).due!;
  await eventually(async () => ((await handle.query(executionQuery, await ts.now())).court.earliest === earliest ? true : undefined));

  const wd9 = computeDue(calendar, servedAt, { amount: 9, unit: 'workday' }).lastDay!;
  const apply = (at: number) =>
    handle.executeUpdate(applyToCourtUpdate, {
      args: [{ appliedAt: new Date(at).toISOString(), court: '兴隆台区人民法院', by: xlt.officer }],
    });
  await ts.skipTo(chinaDayStart(wd9).getTime() + 10 * 3600_000);
  await expect(apply(await ts.env.currentTimeMs())).rejects.toMatchObject({ cause: { type: 'COURT_APPLICATION_TOO_EARLY' } });
  await ts.skipTo(Date.parse(earliest) + 9 * 3600_000);
  const applied = await apply(await ts.env.currentTimeMs());
  expect(applied.state).toBe('applied_to_court');
  await handle.executeUpdate(recordCourtResultUpdate, {
    args: [{ ruling: 'enforce', content: '裁定准予强制执行，已执行完毕', at: await ts.now(), by: xlt.officer }],
  });
  await handle.result();
  const actions = (await db().query(`SELECT action FROM case_records WHERE case_id = $1 ORDER BY seq`, [caseId])).map(
    (r: { action: string }) => r.action,
  );
  expect(actions).toEqual(
    expect.arrayContaining([
      'execution_started',
      'remedy_periods_ended',
      'demand_notice_drafted',
      'document_served',
      'court_application_filed',
      'court_result_recorded',
      'case_ended',
    ]),
  );
});

/** Drafts, approves and serves a 催告书 directly; returns when it was served. */
async function serveDemand(
  handle: Awaited<ReturnType<typeof startExecution>>['handle'],
  caseId: string,
  officer: Actor,
  chief: Actor,
): Promise<string> {
  await handle.executeUpdate(draftDemandNoticeUpdate, { args: [{ content: '限期缴纳', by: officer }] });
  const approval = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'demand_notice_approval')!;
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: approval.id, by: chief, decision: 'approve', opinion: '同意' }] });
  const serviceId = await eventually(async () => (await handle.query(executionQuery, await ts.now())).demandNotice?.serviceId ?? undefined);
  const service = ts.env.client.workflow.getHandle(workflowIdForService(caseId, serviceId));
  const task = await eventually(async () => (await service.query(caseStateQuery)).openTasks[0]);
  await service.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: task.id,
        by: officer,
        decision: 'attempted',
        opinion: '直接送达',
        attempt: { method: 'direct', startedAt: await ts.now() },
      },
    ],
  });
  const at = await ts.now();
  await service.executeUpdate(recordServiceOutcomeUpdate, {
    args: [{ outcome: 'served', at, receipt: { signedBy: '王五' }, by: officer }],
  });
  await eventually(async () => ((await handle.query(executionQuery, await ts.now())).demandNotice?.servedAt ? true : undefined));
  return at;
}

it('compulsory execution only where a law empowers the agency, and not on a rest day unless urgent (行政强制法 37, 43)', async () => {
  const jp = await staffOf(db(), 'jp', 'jinpu-ocean');
  const ocean = await startExecution(ts, 'jinpu-ocean', jp.officer.id, 50_000);
  const hy = await staffOf(db(), 'hy', 'huayin-housing');
  const housing = await startExecution(ts, 'huayin-housing', hy.officer.id, 50_000);
  await ts.skipTo(Date.parse((await housing.handle.query(executionQuery, await ts.now())).payment.dueAt) + DAY);
  await serveDemand(ocean.handle, ocean.caseId, jp.officer, jp.chief);
  await serveDemand(housing.handle, housing.caseId, hy.officer, hy.chief);

  const today = (await ts.now()).slice(0, 10);
  let rest = addDays(today, 1);
  while (calendar.isWorkingDay(rest)) rest = addDays(rest, 1);
  let work = addDays(today, 1);
  while (!calendar.isWorkingDay(work)) work = addDays(work, 1);
  const decide = (h: typeof ocean.handle, by: Actor, day: string, urgentReason?: string) =>
    ts.now().then((decidedAt) =>
      h.executeUpdate(decideCompulsoryExecutionUpdate, {
        args: [{ decidedAt, scheduledAt: `${day}T10:00:00+08:00`, measure: '划拨存款', urgentReason, by }],
      }),
    );

  await expect(decide(ocean.handle, jp.chief, work)).rejects.toMatchObject({ cause: { type: 'COMPULSORY_EXECUTION_NOT_EMPOWERED' } });
  await expect(decide(housing.handle, hy.chief, rest)).rejects.toMatchObject({ cause: { type: 'ENFORCEMENT_TIME_FORBIDDEN' } });
  const urgent = await decide(housing.handle, hy.chief, rest, '违法建筑危及公共安全，须立即拆除');
  expect(urgent.compulsory).toMatchObject({ urgentReason: '违法建筑危及公共安全，须立即拆除' });
  await housing.handle.executeUpdate(recordCompulsoryResultUpdate, { args: [{ content: '已划拨', at: await ts.now(), by: hy.officer }] });
  await housing.handle.result();
});

it('an order to correct is re-inspected when its period has run out, and the case ends with the finding', async () => {
  const pl = await staffOf(db(), 'pl', 'pingluo-veterans');
  const deadline = addDays((await ts.now()).slice(0, 10), 10);
  const { caseId, handle } = await startExecution(ts, 'pingluo-veterans', pl.officer.id, null, { content: '拆除违规设置的标识', deadline });
  await ts.skipTo(chinaDayStart(deadline).getTime() + 12 * 3600_000);
  expect((await handle.query(caseStateQuery)).openTasks).toEqual([]);
  await ts.skipTo(chinaDayStart(addDays(deadline, 1)).getTime() + 3600_000);
  const task = await eventually(async () => (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'reinspection'));
  expect(task.assigneeId).toBe(pl.officer.id);
  await handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: task.id, by: pl.officer, decision: 'corrected', opinion: '复查笔录：标识已拆除' }],
  });
  await handle.result();
  const [c] = await db().query('SELECT status FROM cases WHERE id = $1', [caseId]);
  expect(c.status).toBe('ended');
});

it('reminds before the court window closes and escalates at the last reminder', async () => {
  const jp = await staffOf(db(), 'jp', 'jinpu-ocean');
  const { caseId, handle } = await startExecution(ts, 'jinpu-ocean', jp.officer.id, 50_000);
  const { court } = await handle.query(executionQuery, await ts.now());
  await ts.skipTo(Date.parse(court.latest) - 10 * DAY);
  const warnings = await eventually(async () => {
    const rows = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'deadline_warning'`, [caseId]);
    return rows.length ? rows : undefined;
  });
  expect(warnings[0].summary).toContain('还有15日');
  await ts.skipTo(Date.parse(court.latest) - 4 * DAY);
  const kinds = await eventually(async () => {
    const rows = await db().query(`SELECT kind FROM escalations WHERE case_id = $1 ORDER BY escalated_at`, [caseId]);
    return rows.length === 2 ? rows.map((r: { kind: string }) => r.kind) : undefined;
  });
  expect(kinds).toEqual(['payment_overdue', 'court_application_due']);
});
