import { condition, patched } from '@temporalio/workflow';
import { activities } from '../activities';
import { PeriodStart } from '#libs/calendar/period';
import { DEADLINE_KINDS, DueTime, dueTime } from '#libs/domain/deadlines';
import { DecisionInput, PreDecisionNoticeView } from '#libs/messages/decision';
import { TaskBoard } from '../tasks/board';
import { describeMoves, hasMoved, movesDetails } from '../tasks/deadline-moves';

const { noteRecord } = activities;

/**
 * The party's windows after the pre-decision notice was served (陈述、申辩 行政处罚法 44–45;
 * 听证申请 63–64): their due times with whether each is an estimate. They are the party's, so
 * only a year's schedule moves them (a suspension of the case does not): when one arrives before
 * the decision, each window still open is computed again, and the record says old and new.
 */
export function preDecisionWindows(input: DecisionInput, board: TaskBoard, view: PreDecisionNoticeView, from: PeriodStart) {
  const rules = input.profile.decision.preDecisionNotice;
  const compute = () => ({
    statement: dueTime(board.deadlines.partyDueFor({ from, period: rules.statementWindow.period })),
    hearing_request: dueTime(board.deadlines.partyDueFor({ from, period: rules.hearingRequest.period })),
  });
  const set = (d: ReturnType<typeof compute>) => {
    Object.assign(view, { statementDueAt: d.statement.dueAt, hearingRequestDueAt: d.hearing_request.dueAt });
    view.deadlines = d;
  };

  return {
    /** Sets the windows from the date of service. */
    start(initial: { statement: DueTime; hearing_request: DueTime }): void {
      set(initial);
    },

    /** Until the decision: a schedule that arrives moves the windows still open (added after cases existed). */
    async watch(): Promise<void> {
      let seen = board.deadlines.calendarNow;
      for (;;) {
        await condition(() => board.deadlines.calendarNow !== seen || view.decided);
        if (view.decided) return;
        seen = board.deadlines.calendarNow;
        if (!patched('estimates-rearm')) continue;
        const before = view.deadlines ?? {};
        const next = compute();
        const open = (k: 'statement' | 'hearing_request') => Date.parse(before[k]?.dueAt ?? '') > Date.now();
        const moves = (['statement', 'hearing_request'] as const)
          .filter((k) => open(k) && hasMoved(before[k], next[k]))
          .map((kind) => ({ kind, label: DEADLINE_KINDS[kind], before: before[kind], after: next[kind] }));
        set({
          statement: open('statement') ? next.statement : before.statement!,
          hearing_request: open('hearing_request') ? next.hearing_request : before.hearing_request!,
        });
        if (!moves.length) continue;
        const schedule = board.deadlines.lastArrived;
        await noteRecord({
          caseId: input.caseId,
          at: new Date().toISOString(),
          entry: {
            key: `notice-windows-recomputed:${board.deadlines.clockVersion}`,
            actor: null,
            action: 'deadline_recomputed',
            summary: describeMoves(moves, schedule),
            legalBasis: schedule && `${schedule.source.title}（${schedule.source.documentNumber}）`,
            details: movesDetails(moves, schedule),
          },
        });
      }
    },
  };
}
