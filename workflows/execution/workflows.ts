import { allHandlersFinished, condition, patched, setHandler } from '@temporalio/workflow';
import { activities } from '../activities';
import { periodBefore } from '#libs/calendar/period';
import {
  ExecutionInput,
  applyToCourtUpdate,
  decideCompulsoryExecutionUpdate,
  draftDemandNoticeUpdate,
  executionQuery,
  recordCompulsoryResultUpdate,
  recordCourtResultUpdate,
  recordDemandStatementUpdate,
  recordPaymentUpdate,
  recordRemedyUpdate,
} from '#libs/messages/execution';
import { startArchiving } from '../archiving/start';
import { DemandNotice } from './demand-notice';
import { Enforcement } from './enforcement';
import { Execution } from './execution';
import { rearmParty } from './rearm';

const { endCase } = activities;

/**
 * 执行 of a served decision: the fine due 15 days from service (行政处罚法 67), the surcharge of
 * 72–73 from the day after (paused while a review or lawsuit is pending), the remedy periods (60
 * days, 6 months) whose end opens the non-litigation path (execution.ts); 催告 (demand-notice.ts)
 * and the court application or the agency's own compulsory execution (enforcement.ts). It ends with
 * payment, a revoked decision or the court's result: the case ends.
 */
export async function executionWorkflow(input: ExecutionInput): Promise<void> {
  const ex = new Execution(input);
  const { board, view, rules } = ex;
  const demand = new DemandNotice(input, ex);
  const enforcement = new Enforcement(input, ex, demand);

  setHandler(executionQuery, (on) => ex.snapshot(on));
  setHandler(recordPaymentUpdate, (u) => ex.recordPayment(u), { validator: (u) => ex.validatePayment(u) });
  setHandler(recordRemedyUpdate, (u) => ex.recordRemedy(u), { validator: (u) => ex.validateRemedy(u) });
  setHandler(draftDemandNoticeUpdate, (u) => demand.draft(u), { validator: (u) => demand.validateDraft(u) });
  setHandler(recordDemandStatementUpdate, (u) => demand.recordStatement(u), { validator: (u) => demand.validateStatement(u) });
  setHandler(applyToCourtUpdate, (u) => enforcement.applyToCourt(u), { validator: (u) => enforcement.validateCourtApplication(u) });
  setHandler(recordCourtResultUpdate, (u) => enforcement.recordCourtResult(u), { validator: (u) => enforcement.validateCourtResult(u) });
  setHandler(decideCompulsoryExecutionUpdate, (u) => enforcement.decideCompulsory(u), {
    validator: (u) => enforcement.validateCompulsoryDecision(u),
  });
  setHandler(recordCompulsoryResultUpdate, (u) => enforcement.recordCompulsoryResult(u), {
    validator: (u) => enforcement.validateCompulsoryResult(u),
  });

  await ex.project(ex.startedEntry());

  if (input.correction) void ex.reinspect(input.correction);

  // The clock: payment due, remedy periods ended, reminders before the court window closes.
  const done = new Set<string>();
  ex.clockSeen = board.deadlines.clockVersion;
  let calendarSeen = board.deadlines.calendarNow;
  for (;;) {
    if (ex.ended()) break;
    if (board.deadlines.clockVersion !== ex.clockSeen) {
      // Added after cases existed: a year's schedule moves the party's periods and the court window too.
      if (board.deadlines.calendarNow !== calendarSeen && patched('estimates-rearm')) {
        calendarSeen = board.deadlines.calendarNow;
        const entry = rearmParty(input, board, view, done, ex.court, demand.servedOn);
        if (entry) {
          ex.changes++;
          await ex.project(entry);
        }
      }
      await ex.courtWindowMoved();
    }
    const seen = ex.changes;
    const events = [
      { key: 'payment-due', at: view.payment.dueAt, run: () => ex.paymentOverdue(), when: () => view.state === 'performing' },
      { key: 'remedies-ended', at: view.remediesEndedAt, run: () => ex.remediesEnded(), when: () => view.state !== 'paid' },
      ...rules.courtApplication.window.remindBefore
        .map((p, i, all) => ({
          key: `court-window:${p.amount}`,
          at: periodBefore(view.court.latest, p).toISOString(),
          run: () => enforcement.windowClosing(p, i === all.length - 1),
          when: () => view.state !== 'paid' && !view.court.appliedAt && !ex.pending() && Date.now() >= Date.parse(view.remediesEndedAt),
        }))
        .filter(() => !board.deadlines.suspended),
    ]
      .filter((e) => !done.has(e.key))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const next = events[0];
    const changed = () => ex.ended() || ex.changes !== seen || board.deadlines.clockVersion !== ex.clockSeen;
    if (!next) {
      await condition(changed);
      continue;
    }
    // An event already due runs now: a timer restarted by every change could starve behind them.
    const wait = Date.parse(next.at) - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    done.add(next.key);
    if (next.when()) await next.run();
  }
  // The change that ended it (payment, court result) writes its own line first.
  await condition(allHandlersFinished);
  view.endedAt = new Date().toISOString();
  view.state = 'ended';
  await endCase({
    caseId: input.caseId,
    at: view.endedAt,
    entry: { key: 'case-ended', actor: null, action: 'case_ended', summary: `执行终结：${ex.endReason()}，案件办结` },
  });
  await ex.project();
  await startArchiving({
    caseId: input.caseId,
    agencyId: input.agencyId,
    endedAt: view.endedAt,
    profile: { regulationTitle: input.profile.regulationTitle, archiving: input.profile.archiving },
    ...board.carried,
  });
  board.answerWaitingCallers();
}
