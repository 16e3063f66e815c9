import { ApplicationFailure, allHandlersFinished, condition, getExternalWorkflowHandle, patched, setHandler } from '@temporalio/workflow';
import { activities } from '../activities';
import { periodBefore } from '#libs/calendar/period';
import {
  DecisionInput,
  decisionDeadlineQuery,
  hearingReportUpdate,
  issueDecisionUpdate,
  preDecisionNoticeQuery,
  recordHearingUpdate,
  recordPreDecisionNoticeServedUpdate,
  recordStatementUpdate,
  requestDecisionExtensionUpdate,
  requestHearingUpdate,
  scheduleHearingUpdate,
  waiveUpdate,
} from '#libs/messages/decision';
import { recordCollectiveDiscussionUpdate, recordExpertReviewUpdate, reviewQuery } from '#libs/messages/review';
import { CaseState } from '#libs/messages/tasks';
import { investigationClosedSignal, workflowIdForInvestigation } from '#libs/messages/investigation';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { describePeriod } from '#libs/calendar/period';
import { DecisionDeadline } from './decision-deadline';
import { Hearing } from './hearing';
import { PreDecisionNotice } from './pre-decision-notice';
import { Review } from './review';
import { runReviewChain } from './review-chain';
import { serveDecision, startExecution } from './serve';

const { escalate } = activities;

/**
 * 审查决定 of one case, started when the case is filed (立案). It keeps the decision deadline
 * (行政处罚法 60: the profile's period from filing; decision-deadline.ts): reminders before it,
 * escalation when it runs out, and the one extension a 规章 may allow. The pre-decision notice and
 * its windows (pre-decision-notice.ts, hearing.ts) and the review chain (review.ts, review-chain.ts)
 * gate the decision; the workflow ends once the decision document is recorded and served.
 */
export async function decisionWorkflow(input: DecisionInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: 'initiated', openTasks: [], overdue: false };
  const board = new TaskBoard(state, input);
  const deadline = new DecisionDeadline(input, board);
  const { view, rule, basis } = deadline;
  const notice = new PreDecisionNotice(input, board);
  const hearing = new Hearing(notice, board);
  const review = new Review(input, notice);
  const decided = () => notice.decided();

  setHandler(preDecisionNoticeQuery, () => notice.snapshot());
  setHandler(scheduleHearingUpdate, (u) => hearing.schedule(u), { validator: (u) => hearing.validateSchedule(u) });
  setHandler(recordHearingUpdate, (u) => hearing.record(u), { validator: (u) => hearing.validateRecord(u) });
  setHandler(hearingReportUpdate, (u) => hearing.report(u), { validator: (u) => hearing.validateReport(u) });
  setHandler(recordPreDecisionNoticeServedUpdate, (u) => notice.recordServed(u), { validator: (u) => notice.validateServed(u) });
  setHandler(recordStatementUpdate, (u) => notice.recordStatement(u), { validator: (u) => notice.validateStatement(u) });
  setHandler(waiveUpdate, (u) => notice.waive(u), { validator: (u) => notice.validateWaiver(u) });
  setHandler(requestHearingUpdate, (u) => notice.requestHearing(u), { validator: (u) => notice.validateHearingRequest(u) });
  setHandler(reviewQuery, () => review.snapshot());
  setHandler(recordExpertReviewUpdate, (u) => review.recordExpertReview(u), { validator: (u) => review.validateExpertReview(u) });
  setHandler(recordCollectiveDiscussionUpdate, (u) => review.recordCollectiveDiscussion(u), {
    validator: (u) => review.validateCollectiveDiscussion(u),
  });
  setHandler(issueDecisionUpdate, (u) => review.issue(u), { validator: (u) => review.validateIssue(u) });
  setHandler(decisionDeadlineQuery, () => ({ ...view }));
  setHandler(requestDecisionExtensionUpdate, (u) => deadline.requestExtension(u), { validator: (u) => deadline.validateExtension(u) });

  await deadline.recompute(deadline.setEntry());
  // Added after cases existed: the draft → review → approval chain before the decision document.
  if (patched('review-chain')) void runReviewChain(review, input, board, state);

  // The clock: reminders, then escalation; a change (extension, a year's schedule) re-arms it.
  const warned = new Set<string>();
  while ((view.state === 'running' || view.state === 'paused') && !decided()) {
    const seen = { version: deadline.version, calendar: board.deadlines.clockVersion };
    if (view.state === 'paused') {
      await condition(() => board.deadlines.clockVersion !== seen.calendar || decided());
      if (!decided()) await deadline.recompute(deadline.calendarMoved());
      continue;
    }
    const reminder = rule.warnBefore
      .map((p) => ({ p, at: periodBefore(view.dueAt, p).getTime(), key: `${view.dueAt}:${p.amount}${p.unit}` }))
      .filter((w) => !warned.has(w.key) && w.at > Date.now())
      .sort((a, b) => a.at - b.at)[0];
    const target = reminder?.at ?? Date.parse(view.dueAt);
    const changed = () => deadline.version !== seen.version || board.deadlines.clockVersion !== seen.calendar || decided();
    if (await condition(changed, Math.max(target - Date.now(), 0))) {
      if (board.deadlines.clockVersion !== seen.calendar && !decided()) await deadline.recompute(deadline.calendarMoved());
      continue;
    }
    if (reminder) {
      warned.add(reminder.key);
      await deadline.note(deadline.reminderEntry(reminder));
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
    await deadline.project();
  }

  await condition(decided);
  view.state = 'met';
  await deadline.project();
  if (patched('closes-investigation')) await closeInvestigation();
  // Added after cases existed: the decision document is served (cases pinned without service rules skip it).
  const issued = review.issued();
  if (patched('serves-decision') && input.profile.service && issued?.recipient) {
    const served = await serveDecision(input, board, issued);
    await startExecution(input, board, issued, served, review.fineFen());
  }
  board.answerWaitingCallers();
  await condition(allHandlersFinished);

  /** The investigation starts with the first record; a case decided without any has none to close. */
  async function closeInvestigation(): Promise<void> {
    try {
      await getExternalWorkflowHandle(workflowIdForInvestigation(input.caseId)).signal(investigationClosedSignal);
    } catch (e) {
      if (!(e instanceof ApplicationFailure && e.type === 'ExternalWorkflowExecutionNotFound')) throw e;
    }
  }
}
