import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { CaseClock, CaseOperationKind } from '#libs/domain/case-operations';
import { Actor } from '#libs/domain/roles';
import { findProfile } from '#libs/profiles/index';
import { CaseOperationInput, workflowIdForCaseOperation } from '#libs/messages/case-operations';
import { decisionDeadlineQuery } from '#libs/messages/decision';
import { caseStateQuery } from '#libs/messages/tasks';
import type { caseOperationWorkflow } from '#workflows/case-operations/workflows';
import { eventually } from '../support/database';
import { keepHistory } from '../support/histories';
import { aDraft, completeOpen, staffOf } from '../support/review';
import { TimeSkipping, startDecision, startTimeSkipping } from '../support/time-skipping';

// 中止 stops every running period of the case (行政强制法 39: the time does not
// count) and 恢复 restarts them with the suspended span added; 终结 ends the case and starts the
// archive period. Each only with the chief's approval.
let ts: TimeSkipping;
const db = () => ts.database.db;
const DAY = 24 * 3600 * 1000;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
let hy: Awaited<ReturnType<typeof staffOf>>;

beforeAll(async () => {
  ts = await startTimeSkipping('case-operation-tests');
  hy = await staffOf(db(), 'hy', 'huayin-housing');
});
afterAll(async () => {
  await ts?.stop();
});

/** Asks for an operation and has the chief decide it; resolves once its effect is recorded. */
async function operate(caseId: string, kind: CaseOperationKind, by: Actor, decision: 'approve' | 'reject' = 'approve') {
  const profile = findProfile('huayin-housing')!;
  const operationId = crypto.randomUUID();
  const input: CaseOperationInput = {
    operationId,
    caseId,
    agencyId: profile.id,
    kind,
    reason: kind === 'suspension' ? '等待鉴定结论' : '鉴定结论已作出',
    by,
    handlingOfficerId: hy.officer.id,
    profile: { regulationTitle: profile.regulation.title, archiving: profile.archiving },
    calendar: BUILT_IN_SCHEDULES,
  };
  const handle = await ts.env.client.workflow.start<typeof caseOperationWorkflow>('caseOperationWorkflow', {
    taskQueue: ts.taskQueue,
    workflowId: workflowIdForCaseOperation(caseId, operationId),
    args: [input],
  });
  await completeOpen(handle, 'case_operation_approval', hy.chief, { decision, opinion: decision === 'approve' ? '同意' : '不同意' });
  await closed(handle);
  return handle;
}

/**
 * Waits for a workflow to close without asking for its result: awaiting a result lets the
 * time-skipping server jump ahead, and a suspended case has no timer to stop the jump.
 */
const closed = (handle: { describe(): Promise<{ status: { name: string } }> }) =>
  eventually(async () => ((await handle.describe()).status.name !== 'RUNNING' ? (await handle.describe()).status.name : undefined));

const clockOf = async (caseId: string): Promise<CaseClock> =>
  (await db().query('SELECT clock FROM cases WHERE id = $1', [caseId]))[0].clock;
const legalReviewTask = async (caseId: string) =>
  (await db().query(`SELECT due_at FROM tasks WHERE case_id = $1 AND kind = 'legal_review'`, [caseId]))[0];
const actions = async (caseId: string) =>
  (await db().query('SELECT action FROM case_records WHERE case_id = $1 ORDER BY seq', [caseId])).map((r: { action: string }) => r.action);

it('suspension stops the decision deadline and the legal review; resumption restarts both with the suspended span added', async () => {
  const { caseId, handle, filedAt } = await startDecision(ts, 'huayin-housing', hy.officer.id);
  await completeOpen(handle, 'draft_decision', hy.officer, { decision: 'submit', draft: aDraft({ findings: ['major_public_interest'] }) });
  await completeOpen(handle, 'draft_review', hy.unitHead, { decision: 'agree', opinion: '同意' });
  const review = await eventually(async () => (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'legal_review'));
  const before = { review: review.dueAt!, decision: (await handle.query(decisionDeadlineQuery)).dueAt };

  // Rejected: nothing stops.
  await operate(caseId, 'suspension', hy.officer, 'reject');
  expect((await clockOf(caseId)).suspended).toBeNull();

  await operate(caseId, 'suspension', hy.officer);
  expect((await clockOf(caseId)).suspended).toMatchObject({ reason: '等待鉴定结论' });
  await eventually(async () => ((await handle.query(decisionDeadlineQuery)).state === 'paused' ? true : undefined));
  await eventually(async () => ((await legalReviewTask(caseId)).due_at === null ? true : undefined));
  await eventually(async () =>
    (await db().query(`SELECT state FROM case_deadlines WHERE case_id = $1`, [caseId]))[0].state === 'paused' ? true : undefined,
  );
  // Work stops with the clock: the legal reviewer cannot complete the task while suspended.
  await expect(completeOpen(handle, 'legal_review', hy.legal, { decision: 'pass', opinion: '合法' })).rejects.toMatchObject({
    cause: { type: 'CASE_SUSPENDED' },
  });

  // Twenty days suspended: longer than the legal review's 5 working days; nothing escalates.
  await ts.env.sleep(20 * DAY);
  expect(await db().query('SELECT * FROM escalations WHERE case_id = $1', [caseId])).toEqual([]);

  await operate(caseId, 'resumption', hy.unitHead);
  const clock = await clockOf(caseId);
  expect(clock.suspended).toBeNull();
  expect(clock.pauses).toHaveLength(1);
  const pause = clock.pauses[0];
  expect(Date.parse(pause.to!) - Date.parse(pause.from)).toBeGreaterThanOrEqual(20 * DAY);
  const expected = {
    review: computeDue(calendar, review.openedAt, { amount: 5, unit: 'workday' }, [pause]).due!,
    decision: computeDue(calendar, filedAt, findProfile('huayin-housing')!.decision.deadline.period, [pause]).due!,
  };
  // The suspended span (less any part on the start day, which is not counted) moves the raw end; a day-based
  // period still ends at 24:00 of a working day (民法典 201, 203).
  const counted = computeDue(calendar, review.openedAt, { amount: 5, unit: 'workday' }, [pause]);
  expect(counted.paused.ms).toBeGreaterThan(19 * DAY);
  expect(Date.parse(expected.review) - Date.parse(before.review)).toBeGreaterThanOrEqual(counted.paused.ms);
  expect(calendar.isWorkingDay(counted.lastDay!)).toBe(true);
  await eventually(async () => ((await handle.query(decisionDeadlineQuery)).dueAt === expected.decision ? true : undefined));
  expect((await handle.query(decisionDeadlineQuery)).state).toBe('running');
  expect(Date.parse(expected.decision)).toBeGreaterThan(Date.parse(before.decision));
  await eventually(async () => ((await legalReviewTask(caseId)).due_at?.toISOString() === expected.review ? true : undefined));

  // The restarted clock runs out at the new due time, and escalates once.
  await ts.env.sleep(Date.parse(expected.review) - (await ts.env.currentTimeMs()) + 60_000);
  const escalated = await eventually(async () => {
    const rows = await db().query(`SELECT kind, due_at FROM escalations WHERE case_id = $1`, [caseId]);
    return rows.length ? rows : undefined;
  });
  expect(escalated).toEqual([{ kind: 'legal_review_overdue', due_at: new Date(expected.review) }]);
  expect(await actions(caseId)).toEqual(
    expect.arrayContaining(['case_operation_rejected', 'case_suspended', 'deadline_paused', 'case_resumed', 'deadline_resumed']),
  );
});

it('termination ends the running workflows and their tasks, ends the case and starts the archive period', async () => {
  const { caseId, handle } = await startDecision(ts, 'huayin-housing', hy.officer.id);
  await eventually(async () => ((await handle.query(caseStateQuery)).openTasks.length ? true : undefined));
  const operation = await operate(caseId, 'termination', hy.officer);
  expect(await closed(handle)).toBe('TERMINATED');
  // Local writes beside the activities that stay remote (finding and ending the case's workflows).
  await keepHistory(operation, 'case-operation-termination-local-writes');
  const [c] = await db().query('SELECT status, stage, ended_at FROM cases WHERE id = $1', [caseId]);
  expect(c).toMatchObject({ status: 'terminated', stage: 'archiving' });
  // The archive task opens in a workflow of its own after the case ended: wait for it before reading what is open.
  const archive = await eventually(
    async () => (await db().query(`SELECT kind, due_at FROM tasks WHERE case_id = $1 AND kind = 'archive_file'`, [caseId]))[0],
  );
  const open = await db().query(`SELECT kind, status, due_at FROM tasks WHERE case_id = $1 AND status = 'open'`, [caseId]);
  expect(open.map((t: { kind: string }) => t.kind)).toEqual(['archive_file']);
  expect(archive.due_at.toISOString()).toBe(computeDue(calendar, c.ended_at, { amount: 30, unit: 'day' }).due);
  const cancelled = await db().query(`SELECT kind FROM tasks WHERE case_id = $1 AND status = 'cancelled'`, [caseId]);
  expect(cancelled.map((t: { kind: string }) => t.kind)).toContain('draft_decision');
  expect(await actions(caseId)).toContain('case_terminated');
});
