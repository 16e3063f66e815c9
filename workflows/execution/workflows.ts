import { allHandlersFinished, condition, patched, setHandler, sleep } from '@temporalio/workflow';
import { activities } from '../activities';
import { addDays, chinaDayStart } from '#libs/calendar/dates';
import { describePeriod, periodBefore } from '#libs/calendar/period';
import { dueTime, estimateMark } from '#libs/domain/deadlines';
import { RecordEntryInput } from '#libs/domain/record';
import { surchargeOn, yuan } from '#libs/domain/surcharge';
import { CaseState } from '#libs/messages/initiation';
import { servedFrom } from '#libs/messages/service';
import { ExecutionInput, ExecutionView, RemedyKind, RemedyView, executionQuery, recordPaymentUpdate, recordRemedyUpdate } from '#libs/messages/execution';
import { cite } from '#libs/profiles/cite';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { rearmParty } from './rearm';
import { notBefore } from '../tasks/event-time';
import { startArchiving } from '../archiving/start';
import { handleEnforcement } from './enforcement';
import { refuse } from '../refuse';

const { projectExecution, escalate, endCase } = activities;
type Entry = Omit<RecordEntryInput, 'caseId'>;

/**
 * 执行 of a served decision: the fine due 15 days from service (行政处罚法 67), the surcharge of
 * 72–73 from the day after (paused while a review or lawsuit is pending), the remedy periods (60
 * days, 6 months) whose end opens the non-litigation path; 催告 and the court application
 * (enforcement.ts). It ends with payment, a revoked decision or the court's result: the case ends.
 */
const REMEDY_NAMES = { review: '行政复议', lawsuit: '行政诉讼' } as const;

export async function executionWorkflow(input: ExecutionInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: 'decided', openTasks: [], overdue: false };
  const board = new TaskBoard(state, input);
  const rules = input.profile.execution;
  const basis = (s: Parameters<typeof cite>[1]) => cite(input.profile.regulationTitle, s);
  const served = servedFrom(input.decision);
  // Deemed service counts from its day (servedFrom): a payment made that day is not before it.
  const decisionServed = { label: '处理决定送达', at: served };
  const pay = board.dueFor({ from: served, period: rules.payment.period });
  const reviewPeriod = board.dueFor({ from: served, period: rules.remedies.review.period });
  const lawsuitPeriod = board.dueFor({ from: served, period: rules.remedies.lawsuit.period });
  const [review, lawsuit] = [reviewPeriod.due!, lawsuitPeriod.due!];
  const laterRemedy = Date.parse(review) > Date.parse(lawsuit) ? reviewPeriod : lawsuitPeriod;
  const remediesEndedAt = laterRemedy.due!;
  // 行政强制法 53: three months "自期限届满之日起", from the day the later remedy period ended.
  const court = { from: board.chainFrom(laterRemedy)! };
  const courtDue = board.dueFor({ from: court.from, period: rules.courtApplication.window.period });
  const view: ExecutionView = {
    caseId: input.caseId,
    state: input.fineFen === null ? 'paid' : 'performing',
    fineFen: input.fineFen,
    payment: { dueAt: pay.due!, lastDay: pay.lastDay!, paidAt: null, amountFen: null, receipt: null },
    surcharge: { days: 0, amountFen: 0, capped: false, on: input.decision.servedAt },
    remedies: {
      review: { endsAt: review, filedAt: null, endedAt: null, outcome: null },
      lawsuit: { endsAt: lawsuit, filedAt: null, endedAt: null, outcome: null },
    },
    remediesEndedAt,
    demandNotice: null,
    court: { earliest: null, latest: courtDue.due!, appliedAt: null, court: null, result: null },
    compulsory: null,
    correction: input.correction ? { ...input.correction, reinspection: null } : null,
    endedAt: null,
    deadlines: { payment: dueTime(pay), review: dueTime(reviewPeriod), lawsuit: dueTime(lawsuitPeriod), court_window: dueTime(courtDue) },
  };
  let projected = 0;
  let changes = 0;
  const pending = () => (['review', 'lawsuit'] as const).some((k) => view.remedies[k].filedAt && !view.remedies[k].endedAt);
  const surchargeAt = (on: Date) => {
    const pauses = (['review', 'lawsuit'] as const).filter((k) => view.remedies[k].filedAt).map((k) => ({ from: view.remedies[k].filedAt!, to: view.remedies[k].endedAt }));
    return { ...surchargeOn(view.fineFen ?? 0, view.payment.lastDay, on, rules.surcharge, pauses), on: on.toISOString() };
  };
  const snapshot = (on?: string): ExecutionView => {
    const copy: ExecutionView = JSON.parse(JSON.stringify(view));
    if (!view.payment.paidAt && view.fineFen !== null) copy.surcharge = surchargeAt(on ? new Date(on) : new Date());
    return copy;
  };
  const open = () => {
    if (view.endedAt) throw refuse('EXECUTION_ENDED');
  };

  setHandler(executionQuery, (on) => snapshot(on));
  setHandler(
    recordPaymentUpdate,
    async ({ paidAt, amountFen, receipt, by }) => {
      view.surcharge = surchargeAt(new Date(paidAt));
      Object.assign(view.payment, { paidAt, amountFen, receipt });
      view.state = 'paid';
      changes++;
      const extra = view.surcharge.amountFen ? `（含加处罚款${yuan(view.surcharge.amountFen)}元）` : '';
      await project({ key: 'payment', actor: by, action: 'payment_recorded', summary: `当事人于${chinaTime(paidAt)}缴纳${yuan(amountFen)}元${extra}，票据${receipt}`, legalBasis: basis(rules.payment.source) });
      return snapshot(paidAt);
    },
    {
      validator: ({ paidAt, amountFen }) => {
        open();
        if (view.fineFen === null) throw refuse('EXECUTION_NO_FINE');
        if (view.payment.paidAt) throw refuse('PAYMENT_ALREADY_RECORDED');
        notBefore('paidAt', '缴纳时间', paidAt, decisionServed);
        const owed = view.fineFen + surchargeAt(new Date(paidAt)).amountFen;
        if (amountFen < owed) throw refuse('PAYMENT_INSUFFICIENT', `应缴纳${yuan(owed)}元（罚款${yuan(view.fineFen)}元及加处罚款），实缴${yuan(amountFen)}元`);
      },
    },
  );
  setHandler(
    recordRemedyUpdate,
    async ({ kind, event, at, outcome, by }) => {
      const r = view.remedies[kind];
      if (event === 'filed') r.filedAt = at;
      else Object.assign(r, { endedAt: at, outcome: outcome ?? null });
      changes++;
      const label = kind === 'review' ? '行政复议' : '行政诉讼';
      const source = kind === 'review' ? rules.remedies.review.source : rules.remedies.lawsuit.source;
      await project({
        key: `remedy:${kind}:${event}`,
        actor: by,
        action: 'remedy_recorded',
        summary: event === 'filed' ? `当事人于${chinaTime(at)}提起${label}；期间加处罚款不予计算` : `${label}于${chinaTime(at)}终结：${OUTCOMES[outcome ?? 'upheld']}`,
        legalBasis: basis(event === 'filed' ? rules.surchargePause.source : source),
      });
      return snapshot();
    },
    {
      validator: ({ kind, event, at, outcome }: { kind: RemedyKind; event: 'filed' | 'ended'; at: string; outcome?: RemedyView['outcome'] }) => {
        open();
        const r = view.remedies[kind];
        if (event === 'filed' && r.filedAt) throw refuse('REMEDY_ALREADY_FILED');
        if (event === 'filed' && Date.parse(at) > Date.parse(r.endsAt)) throw refuse('REMEDY_PERIOD_PASSED', `申请期限已于${chinaTime(r.endsAt)}届满`);
        if (event === 'ended' && (!r.filedAt || r.endedAt)) throw refuse('REMEDY_NOT_PENDING');
        if (event === 'ended' && !outcome) throw refuse('REMEDY_OUTCOME_REQUIRED');
        // Filed against a decision the party has received; ended after it was filed.
        notBefore('at', '时间', at, event === 'filed' ? decisionServed : { label: `${REMEDY_NAMES[kind]}申请`, at: r.filedAt! });
      },
    },
  );
  const enforcement = handleEnforcement(input, board, view, { pending, open, project, snapshot, changed: () => changes++ });

  await project({
    key: 'execution-started',
    actor: null,
    action: 'execution_started',
    summary:
      (view.fineFen === null ? '处理决定已送达。' : `处理决定已送达，罚款${yuan(view.fineFen)}元应于${chinaTime(pay.due!)}${estimateMark(pay)}前缴纳；逾期每日按罚款数额的${rules.surcharge.dailyRatePercent}%加处罚款。`) +
      `申请行政复议期限至${chinaTime(review)}${estimateMark(reviewPeriod)}，提起行政诉讼期限至${chinaTime(lawsuit)}${estimateMark(lawsuitPeriod)}`,
    legalBasis: basis(rules.payment.source),
    details: { deadlines: view.deadlines },
  });

  if (input.correction) void reinspect(input.correction);

  // The clock: payment due, remedy periods ended, reminders before the court window closes.
  const done = new Set<string>();
  let clockSeen = board.clockVersion;
  let calendarSeen = board.calendarNow;
  for (;;) {
    if (ended()) break;
    if (board.clockVersion !== clockSeen) {
      // Added after cases existed: a year's schedule moves the party's periods and the court window too.
      if (board.calendarNow !== calendarSeen && patched('estimates-rearm')) {
        calendarSeen = board.calendarNow;
        const entry = rearmParty(input, board, view, done, court, enforcement.demandServedOn());
        if (entry) {
          changes++;
          await project(entry);
        }
      }
      await courtWindowMoved();
    }
    const seen = changes;
    const events = [
      { key: 'payment-due', at: view.payment.dueAt, run: paymentOverdue, when: () => view.state === 'performing' },
      { key: 'remedies-ended', at: view.remediesEndedAt, run: remediesEnded, when: () => view.state !== 'paid' },
      ...rules.courtApplication.window.remindBefore.map((p, i, all) => ({
        key: `court-window:${p.amount}`,
        at: periodBefore(view.court.latest, p).toISOString(),
        run: () => enforcement.windowClosing(p, i === all.length - 1),
        when: () => view.state !== 'paid' && !view.court.appliedAt && !pending() && Date.now() >= Date.parse(view.remediesEndedAt),
      })).filter(() => !board.suspended),
    ].filter((e) => !done.has(e.key)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const next = events[0];
    const changed = () => ended() || changes !== seen || board.clockVersion !== clockSeen;
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
  await endCase({ caseId: input.caseId, at: view.endedAt, entry: { key: 'case-ended', actor: null, action: 'case_ended', summary: `执行终结：${endReason()}，案件办结` } });
  await project();
  await startArchiving({ caseId: input.caseId, agencyId: input.agencyId, endedAt: view.endedAt, profile: { regulationTitle: input.profile.regulationTitle, archiving: input.profile.archiving }, ...board.carried });
  board.idle();

  function ended(): boolean {
    if ((['review', 'lawsuit'] as const).some((k) => view.remedies[k].outcome === 'revoked')) return true;
    const corrected = !view.correction || !!view.correction.reinspection;
    return corrected && (view.state === 'paid' || !!view.court.result || !!view.compulsory?.result);
  }

  function endReason(): string {
    if (view.court.result) return '人民法院裁定并执行完毕';
    if (view.compulsory?.result) return '强制执行完毕';
    if (view.state === 'paid') return view.fineFen === null ? '决定已送达，无须缴纳罚款' : '当事人已履行';
    return '处理决定被撤销';
  }

  /** 责令改正: when the period to correct has run out, the officer re-inspects and records what was found. */
  async function reinspect(c: NonNullable<ExecutionInput['correction']>): Promise<void> {
    await sleep(Math.max(chinaDayStart(addDays(c.deadline, 1)).getTime() - Date.now(), 0));
    const done = await board.ask({ kind: 'reinspection', role: 'officer', assigneeId: input.handlingOfficerId });
    view.correction!.reinspection = { at: done.at, corrected: done.decision === 'corrected', record: done.opinion };
    changes++;
    await project();
    board.idle();
  }

  /**
   * The case was suspended or resumed: the agency's window to apply to the court stands still with
   * it (行政强制法 39); the party's own periods (payment, remedies) run on by law.
   */
  async function courtWindowMoved(): Promise<void> {
    clockSeen = board.clockVersion;
    const next = board.dueFor({ from: court.from, period: rules.courtApplication.window.period });
    const latest = next.due;
    if (!latest || latest === view.court.latest) return;
    view.court.latest = latest;
    if (view.deadlines) view.deadlines.court_window = dueTime(next);
    changes++;
    await project({
      key: `court-window-resumed:${clockSeen}`,
      actor: null,
      action: 'deadline_resumed',
      summary: `案件恢复办理，申请人民法院强制执行的期限扣除中止期间后顺延至${chinaTime(latest)}`,
      legalBasis: basis(rules.courtApplication.window.source),
    });
  }

  async function paymentOverdue(): Promise<void> {
    view.state = 'overdue';
    state.overdue = true;
    await escalate({
      id: `${input.caseId}:payment-overdue`,
      caseId: input.caseId,
      agencyId: input.agencyId,
      kind: 'payment_overdue',
      dueAt: view.payment.dueAt,
      at: new Date().toISOString(),
      mustAct: [{ role: 'officer', userId: input.handlingOfficerId }, { role: 'unit_head' }],
      legalBasis: basis(rules.surcharge.source),
      summary: `当事人未在${describePeriod(rules.payment.period)}内缴纳罚款（${chinaTime(view.payment.dueAt)}届满）：自次日起每日加处罚款${rules.surcharge.dailyRatePercent}%，可依法催告后申请强制执行`,
    });
    await project();
  }

  async function remediesEnded(): Promise<void> {
    await project({
      key: 'remedies-ended',
      actor: null,
      action: 'remedy_periods_ended',
      summary: `申请行政复议和提起行政诉讼的期限均已届满，当事人仍未履行：催告后可于${chinaTime(view.court.latest)}前申请人民法院强制执行`,
      legalBasis: basis(rules.courtApplication.window.source),
    });
  }

  /** Writes the view whole; the version keeps a late write of an older view from winning. */
  async function project(entry?: Entry): Promise<void> {
    await projectExecution({ execution: snapshot(), version: ++projected, agencyId: input.agencyId, at: new Date().toISOString(), entry });
  }
}

const OUTCOMES = { upheld: '维持原处理决定', revoked: '撤销原处理决定', modified: '变更原处理决定', withdrawn: '当事人撤回申请或起诉' } as const;
