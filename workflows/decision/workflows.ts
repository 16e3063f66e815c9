import { ApplicationFailure, allHandlersFinished, condition, getExternalWorkflowHandle, patched, setHandler, uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { DueResult, describePeriod, periodBefore } from '#libs/calendar/period';
import { RecordEntryInput } from '#libs/domain/record';
import { DecisionDeadlineView, DecisionInput, decisionDeadlineQuery, requestDecisionExtensionUpdate } from '#libs/messages/decision';
import { CaseState } from '#libs/messages/initiation';
import { investigationClosedSignal, workflowIdForInvestigation } from '#libs/messages/investigation';
import { cite } from '#libs/profiles/cite';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { describeMoves, hasMoved, lastSchedule, movesDetails } from '../tasks/deadline-moves';
import { DEADLINE_KINDS, dueTime, estimateMark } from '#libs/domain/deadlines';
import { handleNotice } from './notice';
import { handleReview } from './review';
import { serveDecision, startExecution } from './serve';
import { refuse } from '../refuse';

const { projectDeadline, noteRecord, escalate } = activities;

type Entry = Omit<RecordEntryInput, 'caseId'>;

/**
 * 审查决定 of one case, started when the case is filed (立案). It keeps the decision deadline
 * (行政处罚法 60: the profile's period from filing): reminders before it, escalation when it runs
 * out, and the one extension a 规章 may allow, granted by the chief as a task. The pre-decision
 * notice and its windows (notice.ts) and the review chain (review.ts) gate the decision; the
 * workflow ends once the decision document is recorded.
 */
export async function decisionWorkflow(input: DecisionInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: 'initiated', openTasks: [], overdue: false };
  const board = new TaskBoard(state, input);
  const rule = input.profile.decision.deadline;
  const basis = cite(input.profile.regulationTitle, rule.source);
  const view: DecisionDeadlineView = { dueAt: '', lastDay: null, complete: true, missingYears: [], extended: false, extensionRequested: false, state: 'running' };
  let version = 0;
  let calendarSeen = board.calendarNow;
  const notice = handleNotice(input, board);
  const review = handleReview(input, board, notice, state);

  setHandler(decisionDeadlineQuery, () => ({ ...view }));
  setHandler(
    requestDecisionExtensionUpdate,
    async ({ reason, by }) => {
      view.extensionRequested = true;
      await noteRecord({
        caseId: input.caseId,
        at: new Date().toISOString(),
        entry: {
          key: 'decision-extension-requested',
          actor: by,
          action: 'deadline_extension_requested',
          summary: `${by.name}申请延长作出处理决定的期限：${reason}`,
          legalBasis: cite(input.profile.regulationTitle, rule.extension!.source),
        },
      });
      const taskId = uuid4();
      void askExtension(taskId);
      await board.opened(taskId);
      return { ...view };
    },
    {
      // The request itself is checked by the API; here: may this case still be extended?
      validator: (_request: unknown) => {
        if (!rule.extension) throw refuse('DECISION_EXTENSION_NOT_ALLOWED');
        if (view.extensionRequested || view.extended) throw refuse('DECISION_EXTENSION_USED');
        if (view.state === 'overdue' || view.state === 'met') throw refuse('DECISION_DEADLINE_PASSED');
      },
    },
  );

  await recompute({
    key: 'decision-deadline',
    actor: null,
    action: 'deadline_set',
    summary: `作出处理决定的期限自立案之日起计算${describePeriod(rule.period)}`,
    legalBasis: basis,
  });
  // Added after cases existed: the draft → review → approval chain before the decision document.
  if (patched('review-chain')) void review.run();

  // The clock: reminders, then escalation; a change (extension, a year's schedule) re-arms it.
  const warned = new Set<string>();
  while ((view.state === 'running' || view.state === 'paused') && !notice.decided()) {
    const seen = { version, calendar: board.clockVersion };
    if (view.state === 'paused') {
      await condition(() => board.clockVersion !== seen.calendar || notice.decided());
      if (!notice.decided()) await recompute(calendarMoved());
      continue;
    }
    const reminder = rule.warnBefore
      .map((p) => ({ p, at: periodBefore(view.dueAt, p).getTime(), key: `${view.dueAt}:${p.amount}${p.unit}` }))
      .filter((w) => !warned.has(w.key) && w.at > Date.now())
      .sort((a, b) => a.at - b.at)[0];
    const target = reminder?.at ?? Date.parse(view.dueAt);
    const changed = () => version !== seen.version || board.clockVersion !== seen.calendar || notice.decided();
    if (await condition(changed, Math.max(target - Date.now(), 0))) {
      if (board.clockVersion !== seen.calendar && !notice.decided()) await recompute(calendarMoved());
      continue;
    }
    if (reminder) {
      warned.add(reminder.key);
      await noteRecord({
        caseId: input.caseId,
        at: new Date().toISOString(),
        entry: {
          key: `decision-reminder:${reminder.key}`,
          actor: null,
          action: 'deadline_warning',
          summary: `距作出处理决定的期限届满还有${describePeriod(reminder.p)}（${chinaTime(view.dueAt)}）`,
          legalBasis: basis,
        },
      });
      continue;
    }
    view.state = 'overdue';
    state.overdue = true;
    await escalate({
      id: `${input.caseId}:decision-overdue`,
      caseId: input.caseId,
      agencyId: input.agencyId,
      kind: 'decision_overdue',
      dueAt: view.dueAt,
      at: new Date().toISOString(),
      mustAct: [{ role: 'chief' }, { role: 'unit_head' }, { role: 'officer', userId: input.handlingOfficerId }],
      legalBasis: basis,
      summary: `自立案之日起${describePeriod(rule.period)}内未作出处理决定，期限已于${chinaTime(view.dueAt)}届满`,
    });
    await project();
  }

  await condition(notice.decided);
  view.state = 'met';
  await project();
  if (patched('closes-investigation')) await closeInvestigation();
  // Added after cases existed: the decision document is served (cases pinned without service rules skip it).
  const issued = review.issued();
  if (patched('serves-decision') && input.profile.service && issued?.recipient) {
    const served = await serveDecision(input, board, issued);
    await startExecution(input, board, issued, served, review.fineFen());
  }
  board.idle();
  await condition(allHandlersFinished);

  /** The investigation starts with the first record; a case decided without any has none to close. */
  async function closeInvestigation(): Promise<void> {
    try {
      await getExternalWorkflowHandle(workflowIdForInvestigation(input.caseId)).signal(investigationClosedSignal);
    } catch (e) {
      if (!(e instanceof ApplicationFailure && e.type === 'ExternalWorkflowExecutionNotFound')) throw e;
    }
  }

  async function askExtension(taskId: string): Promise<void> {
    const ext = rule.extension!;
    const answer = await board.ask({ id: taskId, kind: 'decision_extension', role: 'chief', legalBasis: cite(input.profile.regulationTitle, ext.source) });
    if (answer.decision === 'approve' && view.state === 'running') {
      view.extended = true;
      await recompute({
        key: 'decision-deadline-extended',
        actor: answer.by,
        action: 'deadline_extended',
        summary: `经负责人批准，作出处理决定的期限延长${describePeriod(ext.period)}`,
        legalBasis: cite(input.profile.regulationTitle, ext.source),
      });
    }
    board.idle();
  }

  /**
   * A year's schedule arrived (the calendar the board holds changed): the recomputation is recorded
   * with old and new due time, like a task's. Added after cases existed (a new record line).
   */
  function calendarMoved(): ((next: DueResult) => Entry | undefined) | undefined {
    if (board.calendarNow === calendarSeen) return undefined;
    calendarSeen = board.calendarNow;
    if (!patched('estimates-rearm')) return undefined;
    const before = view.dueAt ? { dueAt: view.dueAt, complete: view.complete, missingYears: view.missingYears ?? [] } : undefined;
    return (next) => {
      const after = dueTime(next);
      if (!hasMoved(before, after)) return undefined;
      const schedule = lastSchedule(board);
      const moves = [{ kind: 'decision' as const, label: DEADLINE_KINDS.decision, before, after }];
      return {
        key: `decision-deadline-recomputed:${version}`,
        actor: null,
        action: 'deadline_recomputed',
        summary: describeMoves(moves, schedule),
        legalBasis: schedule && `${schedule.source.title}（${schedule.source.documentNumber}）`,
        details: movesDetails(moves, schedule),
      };
    };
  }

  async function recompute(entry?: Entry | ((next: DueResult) => Entry | undefined)): Promise<void> {
    const ext = view.extended ? rule.extension!.period : undefined;
    const period = ext ? { amount: rule.period.amount + ext.amount, unit: rule.period.unit } : rule.period;
    const due = board.dueFor({ from: new Date(input.filedAt), period });
    version++;
    if (due.due === null) {
      // Suspended (中止): the clock stands still; the due time shown is the last one known.
      view.state = 'paused';
      return project({ key: `decision-deadline-paused:${version}`, actor: null, action: 'deadline_paused', summary: '案件中止办理，作出处理决定的期限暂停计算', legalBasis: basis });
    }
    const resumed = view.state === 'paused';
    const moved = typeof entry === 'function' ? entry(due) : undefined;
    let line = typeof entry === 'function' ? undefined : entry;
    Object.assign(view, { dueAt: due.due, lastDay: due.lastDay ?? null, complete: due.complete, missingYears: due.missingYears, state: 'running' });
    if (resumed) line ??= { key: `decision-deadline-resumed:${version}`, actor: null, action: 'deadline_resumed', summary: '案件恢复办理，作出处理决定的期限扣除中止期间后顺延', legalBasis: basis };
    if (line) return project({ ...line, summary: `${line.summary}，至${chinaTime(view.dueAt)}${estimateMark(due)}`, details: { ...line.details, ...dueTime(due) } });
    await project(moved);
  }

  async function project(entry?: Entry): Promise<void> {
    await projectDeadline({
      deadline: { caseId: input.caseId, kind: 'decision', dueAt: view.dueAt, complete: view.complete, missingYears: view.missingYears, extended: view.extended, state: view.state },
      at: new Date().toISOString(),
      entry,
    });
  }
}
