import { DueTime } from '#libs/domain/deadlines';
import { calendarUpdatedSignal } from '#libs/messages/calendar';
import { completeTaskUpdate } from '#libs/messages/tasks';
import { recordServiceOutcomeUpdate, workflowIdForService } from '#libs/messages/service';
import { draftDemandNoticeUpdate, executionQuery } from '#libs/messages/execution';
import { workflowsToRearm } from '#libs/persistence/estimated-deadlines';
import { eventually } from '../support/database';
import { Staff, estimatesStaff, openTask, profile, y2031 } from '../support/estimate-cases';
import { expectEveryDueFlagged, schedule } from '../support/estimates';
import { TimeSkipping, startExecution, startTimeSkipping } from '../support/time-skipping';

// Estimates everywhere (estimates-everywhere.test.ts), on the court window of 行政强制法 54: its earliest
// day is known only once the 催告书 is served, after the remedy periods are over, so on a later timeline.

let ts: TimeSkipping;
const db = () => ts.database.db;
let hy: Staff;

beforeAll(async () => {
  ts = await startTimeSkipping('estimates-court-tests');
  hy = await estimatesStaff(ts);
});
afterAll(async () => {
  await ts?.stop();
});

it('the earliest day to apply to the court after the 催告书 (行政强制法 54) is flagged when it reaches an unpublished year, and re-armed when it is loaded', async () => {
  // A decision served in 2032 (published here: New Year only), whose remedy periods end by 2032-09; the
  // clock is taken there unless it is already later. The 催告书 is served on Monday 2032-12-27: 10
  // working days reach into 2033, not yet published.
  await ts.skipTo('2032-03-01T10:00:00+08:00');
  const calendar = [y2031, schedule(2032, [['2032-01-01', '2032-01-02', '2032-01-03']])];
  const { caseId, handle } = await startExecution(ts, profile.id, hy.officer.id, 100_000, undefined, undefined, {
    calendar,
    decision: { documentNumber: '测试罚〔2032〕2号', servedAt: await ts.now() },
  });
  await ts.env.sleep(Date.parse('2032-12-27T10:00:00+08:00') - (await ts.env.currentTimeMs()));
  await handle.executeUpdate(draftDemandNoticeUpdate, { args: [{ content: '限期缴纳罚款', by: hy.officer }] });
  await handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: (await openTask(handle, 'demand_notice_approval')).id, by: hy.chief, decision: 'approve', opinion: '同意催告' }],
  });
  const serviceId = await eventually(async () => (await handle.query(executionQuery, await ts.now())).demandNotice?.serviceId ?? undefined);
  const service = ts.env.client.workflow.getHandle(workflowIdForService(caseId, serviceId));
  const at = await ts.now();
  await service.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: (await openTask(service, 'service_attempt')).id,
        by: hy.officer,
        decision: 'attempted',
        opinion: '直接送达',
        attempt: { method: 'direct', startedAt: at },
      },
    ],
  });
  await service.executeUpdate(recordServiceOutcomeUpdate, {
    args: [{ outcome: 'served', at, receipt: { signedBy: '王五' }, by: hy.officer }],
  });

  const shownEarliest = async () =>
    (await db().query('SELECT view FROM executions WHERE case_id = $1', [caseId]))[0]?.view.deadlines?.court_earliest as
      DueTime | undefined;
  const was = await eventually(shownEarliest);
  expect(was).toEqual({ dueAt: '2033-01-10T16:00:00.000Z', complete: false, missingYears: [2033] }); // 12-28…12-31, then 2033 on weekends only
  const [announced] = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'deadline_set'`, [caseId]);
  expect(announced.summary).toContain('2033-01-10 24:00（估算）');

  const y2033 = schedule(2033, [['2033-01-03', '2033-01-04', '2033-01-05']]);
  const told = await workflowsToRearm(db(), 2033);
  expect(told).toContain(`execution-${caseId}`);
  for (const id of told) await ts.env.client.workflow.getHandle(id).signal(calendarUpdatedSignal, y2033);
  const now2033 = await eventually(async () => ((await shownEarliest())?.complete ? shownEarliest() : undefined));
  expect(now2033).toEqual({ dueAt: '2033-01-13T16:00:00.000Z', complete: true, missingYears: [] }); // 01-03…05 holidays: three days later
  expect((await handle.query(executionQuery, await ts.now())).court.earliest).toBe(now2033!.dueAt); // what the court application is checked against
  expectEveryDueFlagged((await db().query('SELECT view FROM executions WHERE case_id = $1', [caseId]))[0].view);
  const [entry] = await db().query(`SELECT details FROM case_records WHERE case_id = $1 AND action = 'deadline_recomputed'`, [caseId]);
  expect(entry.details.moved.court_earliest).toEqual({ before: was, after: now2033 });
});
