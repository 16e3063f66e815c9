import { PeriodStart } from '#libs/calendar/period';
import { DEADLINE_KINDS, DeadlineKind, DueTime, dueTime } from '#libs/domain/deadlines';
import { RecordEntryInput } from '#libs/domain/record';
import { ExecutionInput, ExecutionView } from '#libs/messages/execution';
import { servedFrom } from '#libs/messages/service';
import { TaskBoard } from '../tasks/board';
import { describeMoves, hasMoved, movesDetails } from '../tasks/deadline-moves';
import { courtEarliest } from './demand-notice';

type Entry = Omit<RecordEntryInput, 'caseId'>;

/**
 * A year's schedule arrived: the execution's deadlines that have not yet run out are computed
 * again on the calendar now held, the view updated in place (the clock loop re-arms from it), and
 * the record line returned, old and new due time of each that moved. The party's periods
 * (payment, review, lawsuit) count from service on the calendar alone: a suspension of the case
 * does not stop them (行政处罚法 67; 行政复议法 20; 行政诉讼法 46). The court window is the
 * agency's and stands still while the case is suspended (行政强制法 53, 39).
 */
export function rearmParty(
  input: ExecutionInput,
  board: TaskBoard,
  view: ExecutionView,
  done: Set<string>,
  court: { from: PeriodStart },
  demandServedOn: PeriodStart | null,
): Entry | undefined {
  const rules = input.profile.execution;
  const served = servedFrom(input.decision);
  const before: Partial<Record<DeadlineKind, DueTime>> = { ...view.deadlines };
  const after: Partial<Record<DeadlineKind, DueTime>> = {};
  const party = (p: typeof rules.payment.period) => board.deadlines.partyDueFor({ from: served, period: p });
  const running = (at: string) => Date.parse(at) > Date.now();

  if (!done.has('payment-due') && running(view.payment.dueAt)) {
    const pay = party(rules.payment.period);
    Object.assign(view.payment, { dueAt: pay.due!, lastDay: pay.lastDay! });
    after.payment = dueTime(pay);
  }
  if (!done.has('remedies-ended')) {
    const counted = { review: party(rules.remedies.review.period), lawsuit: party(rules.remedies.lawsuit.period) };
    for (const kind of ['review', 'lawsuit'] as const) {
      if (!running(view.remedies[kind].endsAt)) continue;
      view.remedies[kind].endsAt = counted[kind].due!;
      after[kind] = dueTime(counted[kind]);
    }
    const later = Date.parse(view.remedies.review.endsAt) > Date.parse(view.remedies.lawsuit.endsAt) ? 'review' : 'lawsuit';
    view.remediesEndedAt = view.remedies[later].endsAt;
    // 行政强制法 53: the window counts from the day the later remedy period ended (as the workflow set it).
    if (after[later]) court.from = board.deadlines.chainFrom(counted[later]) ?? court.from;
  }
  const window = board.deadlines.dueFor({ from: court.from, period: rules.courtApplication.window.period });
  if (window.due && !view.court.appliedAt && running(view.court.latest)) {
    view.court.latest = window.due;
    after.court_window = dueTime(window);
  }

  view.deadlines = { ...before, ...after };
  // 行政强制法 54: 10 days after the 催告书, and not before the remedy periods (just computed) ended.
  if (demandServedOn && view.court.earliest && !view.court.appliedAt && running(view.court.earliest)) {
    const earliest = courtEarliest(view, board.deadlines.dueFor({ from: demandServedOn, period: rules.courtApplication.earliest.period }));
    view.court.earliest = earliest.dueAt;
    view.deadlines.court_earliest = after.court_earliest = earliest;
  }
  const moved = (Object.keys(after) as DeadlineKind[])
    .filter((k) => hasMoved(before[k], after[k]!))
    .map((kind) => ({ kind, label: DEADLINE_KINDS[kind], before: before[kind], after: after[kind]! }));
  if (!moved.length) return undefined;
  const schedule = board.deadlines.lastArrived;
  return {
    key: `execution-recomputed:${schedule?.year}:${board.deadlines.clockVersion}`,
    actor: null,
    action: 'deadline_recomputed',
    summary: describeMoves(moved, schedule),
    legalBasis: schedule && `${schedule.source.title}（${schedule.source.documentNumber}）`,
    details: movesDetails(moved, schedule),
  };
}
