import { sleep } from '@temporalio/workflow';
import { activities } from '../activities';
import { refuse } from '../refuse';
import { addDays, chinaDayStart } from '#libs/calendar/dates';
import { DueResult, PeriodStart, describePeriod } from '#libs/calendar/period';
import { dueTime, estimateMark } from '#libs/domain/deadlines';
import { RecordEntryInput } from '#libs/domain/record';
import { Actor } from '#libs/domain/roles';
import { surchargeOn, yuan } from '#libs/domain/surcharge';
import { CaseState } from '#libs/messages/tasks';
import { servedFrom } from '#libs/messages/service';
import { ExecutionInput, ExecutionView, RemedyKind, RemedyView } from '#libs/messages/execution';
import { cite } from '#libs/profiles/cite';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { notBefore } from '../tasks/event-time';

const { projectExecution, escalate } = activities;
type Entry = Omit<RecordEntryInput, 'caseId'>;

const REMEDY_NAMES = { review: '行政复议', lawsuit: '行政诉讼' } as const;
const OUTCOMES = {
  upheld: '维持原处理决定',
  revoked: '撤销原处理决定',
  modified: '变更原处理决定',
  withdrawn: '当事人撤回申请或起诉',
} as const;

type Remedy = { kind: RemedyKind; event: 'filed' | 'ended'; at: string; outcome?: RemedyView['outcome'] };

/**
 * The state of one execution (执行): the view every change projects whole, the party's periods
 * counted from service (payment 行政处罚法 67; review and lawsuit), the surcharge (72–73, paused while
 * a review or lawsuit is pending), the court window (行政强制法 53), and what the clock does when
 * each runs out. The workflow (workflows.ts) wires its handlers and runs the clock.
 */
export class Execution {
  readonly state: CaseState;
  readonly board: TaskBoard;
  readonly rules: ExecutionInput['profile']['execution'];
  readonly view: ExecutionView;
  /** What the court window counts from: the day the later remedy period ended (行政强制法 53), moved by a schedule. */
  readonly court: { from: PeriodStart };
  /** Bumped by every change the clock must look at again. */
  changes = 0;
  /** The case clock as the court window last saw it (set when the clock loop starts). */
  clockSeen = 0;
  private projected = 0;
  /** Deemed service counts from its day (servedFrom): a payment made that day is not before it. */
  private readonly decisionServed: { label: string; at: string };

  constructor(private readonly input: ExecutionInput) {
    this.state = { caseId: input.caseId, status: 'decided', openTasks: [], overdue: false };
    this.board = new TaskBoard(this.state, input);
    this.rules = input.profile.execution;
    const { board, rules } = this;
    const served = servedFrom(input.decision);
    this.decisionServed = { label: '处理决定送达', at: served };
    const pay = board.deadlines.dueFor({ from: served, period: rules.payment.period });
    const reviewPeriod = board.deadlines.dueFor({ from: served, period: rules.remedies.review.period });
    const lawsuitPeriod = board.deadlines.dueFor({ from: served, period: rules.remedies.lawsuit.period });
    const [review, lawsuit] = [reviewPeriod.due!, lawsuitPeriod.due!];
    const laterRemedy = Date.parse(review) > Date.parse(lawsuit) ? reviewPeriod : lawsuitPeriod;
    this.court = { from: board.deadlines.chainFrom(laterRemedy)! };
    const courtDue = board.deadlines.dueFor({ from: this.court.from, period: rules.courtApplication.window.period });
    this.view = {
      caseId: input.caseId,
      state: input.fineFen === null ? 'paid' : 'performing',
      fineFen: input.fineFen,
      payment: { dueAt: pay.due!, lastDay: pay.lastDay!, paidAt: null, amountFen: null, receipt: null },
      surcharge: { days: 0, amountFen: 0, capped: false, on: input.decision.servedAt },
      remedies: {
        review: { endsAt: review, filedAt: null, endedAt: null, outcome: null },
        lawsuit: { endsAt: lawsuit, filedAt: null, endedAt: null, outcome: null },
      },
      remediesEndedAt: laterRemedy.due!,
      demandNotice: null,
      court: { earliest: null, latest: courtDue.due!, appliedAt: null, court: null, result: null },
      compulsory: null,
      correction: input.correction ? { ...input.correction, reinspection: null } : null,
      endedAt: null,
      deadlines: { payment: dueTime(pay), review: dueTime(reviewPeriod), lawsuit: dueTime(lawsuitPeriod), court_window: dueTime(courtDue) },
    };
  }

  basis(s: Parameters<typeof cite>[1]): string {
    return cite(this.input.profile.regulationTitle, s);
  }

  /** A review or lawsuit filed and not yet ended. */
  pending(): boolean {
    return (['review', 'lawsuit'] as const).some((k) => this.view.remedies[k].filedAt && !this.view.remedies[k].endedAt);
  }

  /** The surcharge owed on a day, the days of a pending review or lawsuit not counted. */
  surchargeAt(on: Date): ExecutionView['surcharge'] {
    const { view } = this;
    const pauses = (['review', 'lawsuit'] as const)
      .filter((k) => view.remedies[k].filedAt)
      .map((k) => ({ from: view.remedies[k].filedAt!, to: view.remedies[k].endedAt }));
    return { ...surchargeOn(view.fineFen ?? 0, view.payment.lastDay, on, this.rules.surcharge, pauses), on: on.toISOString() };
  }

  snapshot(on?: string): ExecutionView {
    const copy: ExecutionView = JSON.parse(JSON.stringify(this.view));
    if (!this.view.payment.paidAt && this.view.fineFen !== null) copy.surcharge = this.surchargeAt(on ? new Date(on) : new Date());
    return copy;
  }

  /** Refuses any change once the execution has ended. */
  open(): void {
    if (this.view.endedAt) throw refuse('EXECUTION_ENDED');
  }

  /** Writes the view whole; the version keeps a late write of an older view from winning. */
  async project(entry?: Entry): Promise<void> {
    await projectExecution({
      execution: this.snapshot(),
      version: ++this.projected,
      agencyId: this.input.agencyId,
      at: new Date().toISOString(),
      entry,
    });
  }

  validatePayment({ paidAt, amountFen }: { paidAt: string; amountFen: number }): void {
    const { view } = this;
    this.open();
    if (view.fineFen === null) throw refuse('EXECUTION_NO_FINE');
    if (view.payment.paidAt) throw refuse('PAYMENT_ALREADY_RECORDED');
    notBefore('paidAt', '缴纳时间', paidAt, this.decisionServed);
    const owed = view.fineFen + this.surchargeAt(new Date(paidAt)).amountFen;
    if (amountFen < owed)
      throw refuse('PAYMENT_INSUFFICIENT', `应缴纳${yuan(owed)}元（罚款${yuan(view.fineFen)}元及加处罚款），实缴${yuan(amountFen)}元`);
  }

  async recordPayment({
    paidAt,
    amountFen,
    receipt,
    by,
  }: {
    paidAt: string;
    amountFen: number;
    receipt: string;
    by: Actor;
  }): Promise<ExecutionView> {
    const { view, rules } = this;
    view.surcharge = this.surchargeAt(new Date(paidAt));
    Object.assign(view.payment, { paidAt, amountFen, receipt });
    view.state = 'paid';
    this.changes++;
    const extra = view.surcharge.amountFen ? `（含加处罚款${yuan(view.surcharge.amountFen)}元）` : '';
    await this.project({
      key: 'payment',
      actor: by,
      action: 'payment_recorded',
      summary: `当事人于${chinaTime(paidAt)}缴纳${yuan(amountFen)}元${extra}，票据${receipt}`,
      legalBasis: this.basis(rules.payment.source),
    });
    return this.snapshot(paidAt);
  }

  validateRemedy({ kind, event, at, outcome }: Remedy): void {
    this.open();
    const r = this.view.remedies[kind];
    if (event === 'filed' && r.filedAt) throw refuse('REMEDY_ALREADY_FILED');
    if (event === 'filed' && Date.parse(at) > Date.parse(r.endsAt))
      throw refuse('REMEDY_PERIOD_PASSED', `申请期限已于${chinaTime(r.endsAt)}届满`);
    if (event === 'ended' && (!r.filedAt || r.endedAt)) throw refuse('REMEDY_NOT_PENDING');
    if (event === 'ended' && !outcome) throw refuse('REMEDY_OUTCOME_REQUIRED');
    // Filed against a decision the party has received; ended after it was filed.
    notBefore('at', '时间', at, event === 'filed' ? this.decisionServed : { label: `${REMEDY_NAMES[kind]}申请`, at: r.filedAt! });
  }

  async recordRemedy({ kind, event, at, outcome, by }: Remedy & { by: Actor }): Promise<ExecutionView> {
    const { view, rules } = this;
    const r = view.remedies[kind];
    if (event === 'filed') r.filedAt = at;
    else Object.assign(r, { endedAt: at, outcome: outcome ?? null });
    this.changes++;
    const label = kind === 'review' ? '行政复议' : '行政诉讼';
    const source = kind === 'review' ? rules.remedies.review.source : rules.remedies.lawsuit.source;
    await this.project({
      key: `remedy:${kind}:${event}`,
      actor: by,
      action: 'remedy_recorded',
      summary:
        event === 'filed'
          ? `当事人于${chinaTime(at)}提起${label}；期间加处罚款不予计算`
          : `${label}于${chinaTime(at)}终结：${OUTCOMES[outcome ?? 'upheld']}`,
      legalBasis: this.basis(event === 'filed' ? rules.surchargePause.source : source),
    });
    return this.snapshot();
  }

  /** The first line: what the party owes by when, and the remedy periods. */
  startedEntry(): Entry {
    const { view, rules } = this;
    const [pay, review, lawsuit] = [view.deadlines!.payment!, view.deadlines!.review!, view.deadlines!.lawsuit!];
    return {
      key: 'execution-started',
      actor: null,
      action: 'execution_started',
      summary:
        (view.fineFen === null
          ? '处理决定已送达。'
          : `处理决定已送达，罚款${yuan(view.fineFen)}元应于${chinaTime(pay.dueAt)}${estimateMark(pay)}前缴纳；逾期每日按罚款数额的${rules.surcharge.dailyRatePercent}%加处罚款。`) +
        `申请行政复议期限至${chinaTime(review.dueAt)}${estimateMark(review)}，提起行政诉讼期限至${chinaTime(lawsuit.dueAt)}${estimateMark(lawsuit)}`,
      legalBasis: this.basis(rules.payment.source),
      details: { deadlines: view.deadlines },
    };
  }

  /** The execution is over: a remedy revoked the decision, or (any correction re-inspected) it was paid or enforced. */
  ended(): boolean {
    const { view } = this;
    if ((['review', 'lawsuit'] as const).some((k) => view.remedies[k].outcome === 'revoked')) return true;
    const corrected = !view.correction || !!view.correction.reinspection;
    return corrected && (view.state === 'paid' || !!view.court.result || !!view.compulsory?.result);
  }

  endReason(): string {
    const { view } = this;
    if (view.court.result) return '人民法院裁定并执行完毕';
    if (view.compulsory?.result) return '强制执行完毕';
    if (view.state === 'paid') return view.fineFen === null ? '决定已送达，无须缴纳罚款' : '当事人已履行';
    return '处理决定被撤销';
  }

  /** 责令改正: when the period to correct has run out, the officer re-inspects and records what was found. */
  async reinspect(c: NonNullable<ExecutionInput['correction']>): Promise<void> {
    await sleep(Math.max(chinaDayStart(addDays(c.deadline, 1)).getTime() - Date.now(), 0));
    const done = await this.board.ask({ kind: 'reinspection', role: 'officer', assigneeId: this.input.handlingOfficerId });
    this.view.correction!.reinspection = { at: done.at, corrected: done.decision === 'corrected', record: done.opinion };
    this.changes++;
    await this.project();
    this.board.answerWaitingCallers();
  }

  /**
   * The case was suspended or resumed: the agency's window to apply to the court stands still with
   * it (行政强制法 39); the party's own periods (payment, remedies) run on by law.
   */
  async courtWindowMoved(): Promise<void> {
    const { view, rules } = this;
    this.clockSeen = this.board.deadlines.clockVersion;
    const next: DueResult = this.board.deadlines.dueFor({ from: this.court.from, period: rules.courtApplication.window.period });
    const latest = next.due;
    if (!latest || latest === view.court.latest) return;
    view.court.latest = latest;
    if (view.deadlines) view.deadlines.court_window = dueTime(next);
    this.changes++;
    await this.project({
      key: `court-window-resumed:${this.clockSeen}`,
      actor: null,
      action: 'deadline_resumed',
      summary: `案件恢复办理，申请人民法院强制执行的期限扣除中止期间后顺延至${chinaTime(latest)}`,
      legalBasis: this.basis(rules.courtApplication.window.source),
    });
  }

  async paymentOverdue(): Promise<void> {
    const { view, rules, input } = this;
    view.state = 'overdue';
    this.state.overdue = true;
    await escalate({
      id: `${input.caseId}:payment-overdue`,
      caseId: input.caseId,
      agencyId: input.agencyId,
      kind: 'payment_overdue',
      dueAt: view.payment.dueAt,
      at: new Date().toISOString(),
      mustAct: [{ role: 'officer', userId: input.handlingOfficerId }, { role: 'unit_head' }],
      legalBasis: this.basis(rules.surcharge.source),
      summary: `当事人未在${describePeriod(rules.payment.period)}内缴纳罚款（${chinaTime(view.payment.dueAt)}届满）：自次日起每日加处罚款${rules.surcharge.dailyRatePercent}%，可依法催告后申请强制执行`,
    });
    await this.project();
  }

  async remediesEnded(): Promise<void> {
    await this.project({
      key: 'remedies-ended',
      actor: null,
      action: 'remedy_periods_ended',
      summary: `申请行政复议和提起行政诉讼的期限均已届满，当事人仍未履行：催告后可于${chinaTime(this.view.court.latest)}前申请人民法院强制执行`,
      legalBasis: this.basis(this.rules.courtApplication.window.source),
    });
  }
}
