import { allHandlersFinished, condition, patched } from '@temporalio/workflow';
import { activities } from '../activities';
import { DueResult, PeriodStart, describePeriod } from '#libs/calendar/period';
import { RecordEntryInput } from '#libs/domain/record';
import { Attempt, SERVICE_METHOD_LABELS, describeAttempt, outcomeRefusal } from '#libs/domain/service';
import { CaseState } from '#libs/messages/tasks';
import { ServiceInput, ServiceResult, ServiceView, recordServiceOutcomeUpdate } from '#libs/messages/service';
import { cite } from '#libs/profiles/cite';
import { TaskBoard } from '../tasks/board';
import { tellServed } from './served';
import { chinaTime } from '../tasks/deadline-text';
import { describeMoves, hasMoved, movesDetails, untilDue } from '../tasks/deadline-moves';
import { DEADLINE_KINDS, DeadlineKind, DueTime, dueTime, estimateMark } from '#libs/domain/deadlines';
import { notBefore } from '../tasks/event-time';
import { UpdateArg } from '../tasks/update-arg';
import { refuse } from '../refuse';

const { projectService, escalate } = activities;
type Entry = Omit<RecordEntryInput, 'caseId'>;

/**
 * The state of one 送达: the view every change projects whole, the attempts made, the outcomes
 * reported and how far the attempt loop (workflows.ts) has acted on them, the recordings still due
 * from their producers, and the period within which the document must be served (行政处罚法 61).
 */
export class ServiceOfDocument {
  readonly state: CaseState;
  readonly board: TaskBoard;
  readonly rules: ServiceInput['profile']['service'];
  /** The document as the record names it. */
  readonly doc: string;
  readonly view: ServiceView;
  /** Outcomes reported, and how many of them the main loop has acted on (answers wait for it). */
  reported = 0;
  actedOn = 0;
  /** Files of the recordings made while serving (a lodged service, a posted notice), due from their producers. */
  readonly uploads: Promise<void>[] = [];
  private projected = 0;

  constructor(private readonly input: ServiceInput) {
    this.state = { caseId: input.caseId, status: 'decided', openTasks: [], overdue: false };
    this.board = new TaskBoard(this.state, input);
    this.rules = input.profile.service;
    this.doc = `${input.document.title}（${input.document.number}）`;
    this.view = {
      id: input.serviceId,
      caseId: input.caseId,
      document: input.document,
      recipient: input.recipient,
      status: 'pending',
      attempts: [],
      servedAt: null,
      method: null,
      deemed: false,
      mustServeBy: null,
      overdue: false,
    };
  }

  /** The attempt waiting for its outcome, if any. */
  current(): Attempt | undefined {
    return this.view.attempts.find((a) => a.state === 'pending');
  }

  snapshot(): ServiceView {
    return JSON.parse(JSON.stringify(this.view));
  }

  validateOutcome({ outcome, ...o }: UpdateArg<typeof recordServiceOutcomeUpdate>): void {
    const attempt = this.current();
    // 'public_notice' is the stored name of 公告送达: it has no outcome to report, its period serves it.
    if (!attempt || attempt.method === 'public_notice') throw refuse('SERVICE_NO_PENDING_ATTEMPT');
    const refusal = outcomeRefusal(this.input.profile, attempt, { outcome, ...o });
    if (refusal) throw refuse(refusal);
    notBefore('at', '送达或失败时间', o.at, { label: '本次送达开始', at: attempt.startedAt });
  }

  /** Answers once the attempt loop has acted on the outcome (the next attempt's task is open, or served). */
  async recordOutcome({ by, ...o }: UpdateArg<typeof recordServiceOutcomeUpdate>): Promise<ServiceView> {
    const attempt = this.current()!;
    attempt.outcome = { ...o, by };
    attempt.state = o.outcome === 'served' ? 'served' : 'failed';
    const seq = ++this.reported;
    await condition(() => this.actedOn >= seq);
    return this.snapshot();
  }

  /** Shown once its first attempt can be made, so whoever sees the service can act on it. */
  startedEntry(): Entry {
    const by = this.view.deadlines?.must_serve_by;
    return {
      key: `service-started:${this.input.serviceId}`,
      actor: null,
      action: 'service_started',
      summary: `开始送达${this.doc}，受送达人：${this.input.recipient}${by ? `，应于${chinaTime(by.dueAt)}${estimateMark(by)}前送达` : ''}`,
      ...(by && { details: { deadlines: { must_serve_by: by } } }),
    };
  }

  /** The line for an attempt begun: by public notice (公告送达) when it is deemed served, otherwise when to try another method. */
  attemptEntry(attempt: Attempt, computed: DueResult, suggested: Attempt['method']): Entry {
    const { doc } = this;
    const by = attempt.by;
    const period = attempt.method === 'public_notice' ? this.rules.publicNotice.deemedServedAfter : this.rules.attempts[attempt.method];
    const byPublicNotice = attempt.method === 'public_notice';
    return {
      key: `service-attempt:${attempt.id}`,
      actor: by,
      action: 'service_attempted',
      summary: byPublicNotice
        ? `${by.name}送达${doc}：${describeAttempt(attempt)}，自发出之日起经过${describePeriod(period)}，于${chinaTime(attempt.dueAt)}${estimateMark(computed)}视为送达`
        : `${by.name}送达${doc}：${describeAttempt(attempt)}（建议方式：${SERVICE_METHOD_LABELS[suggested]}），${chinaTime(attempt.dueAt)}${estimateMark(computed)}前未有结果的应改用其他方式`,
      legalBasis: byPublicNotice ? cite(this.input.profile.regulationTitle, this.rules.publicNotice.source) : undefined,
      details: { attemptId: attempt.id, method: attempt.method, ...dueTime(computed) },
    };
  }

  async finish(servedAt: string, deemed: boolean, attempt?: Attempt, countsFrom?: PeriodStart): Promise<ServiceResult> {
    const { view, input } = this;
    const method = attempt?.method ?? 'public_notice';
    Object.assign(view, { status: 'served', servedAt, method, deemed });
    const o = attempt?.outcome;
    const how = deemed
      ? '公告期满，视为送达'
      : o?.lodged
        ? `受送达人拒收（${o.lodged.refusalReason}），见证人${o.lodged.witness}，留置送达`
        : o?.receipt
          ? `送达回证签收人：${o.receipt.signedBy}`
          : '已到达受送达人特定系统';
    await this.project({
      key: `service-served:${input.serviceId}`,
      actor: o?.by ?? null,
      action: 'document_served',
      summary: `${this.doc}已于${chinaTime(servedAt)}以${SERVICE_METHOD_LABELS[method]}送达：${how}`,
      legalBasis: deemed ? cite(input.profile.regulationTitle, this.rules.publicNotice.source) : undefined,
      details: { servedAt, method, deemed },
    });
    this.actedOn = this.reported;
    this.board.answerWaitingCallers();
    const result: ServiceResult = {
      servedAt,
      method,
      deemed,
      ...(typeof countsFrom === 'string' && countsFrom !== servedAt && { countsFrom }),
    };
    // Served now: the stage that asked goes on; the files made while serving stay due here.
    await tellServed(input.serviceId, result);
    await Promise.all(this.uploads);
    await condition(allHandlersFinished);
    return result;
  }

  /** 行政处罚法 61: not served within the period after an announcement in the party's absence → escalated. */
  async watchMustServe(rule: NonNullable<ServiceInput['mustServeWithin']>): Promise<void> {
    const { view, board, input } = this;
    // The agency's own period: it stands still while the case is suspended (shown as last known).
    const served = () => view.status === 'served';
    const d = { from: rule.from, period: rule.period };
    // Added after cases existed: the due time shown with its certainty, and a schedule's move recorded.
    const inTime = patched('estimates-rearm')
      ? await untilDue(
          board.deadlines,
          () => board.deadlines.dueFor(d),
          served,
          async (due, calendarChanged) => {
            if (due.due === null) return; // suspended: shown as last known
            const before = view.deadlines?.must_serve_by;
            view.mustServeBy = due.due;
            view.deadlines = { ...view.deadlines, must_serve_by: dueTime(due) };
            if (calendarChanged)
              await this.recordMoves([{ kind: 'must_serve_by', label: DEADLINE_KINDS.must_serve_by, before, after: dueTime(due) }]);
          },
        )
      : await board.deadlines.until(d, served, (due) => (view.mustServeBy = due ?? view.mustServeBy));
    if (inTime) return;
    view.overdue = true;
    await escalate({
      id: `${input.serviceId}:must-serve`,
      caseId: input.caseId,
      agencyId: input.agencyId,
      kind: 'service_overdue',
      dueAt: view.mustServeBy!,
      at: new Date().toISOString(),
      mustAct: [{ role: 'officer', userId: input.officerId }, { role: 'unit_head' }],
      legalBasis: rule.legalBasis,
      summary: `当事人不在场，${this.doc}应在${describePeriod(rule.period)}内送达，期限已于${chinaTime(view.mustServeBy!)}届满`,
    });
    await this.project();
  }

  /** A year's schedule moved a pending attempt's due time: the view and the record say so. */
  async attemptMoved(
    attempt: Attempt,
    kind: DeadlineKind,
    due: DueResult,
    calendarChanged: boolean,
    counted: { result: DueResult },
  ): Promise<void> {
    if (!calendarChanged || due.due === null) return;
    counted.result = due;
    const before: DueTime = { dueAt: attempt.dueAt, complete: attempt.complete ?? true, missingYears: attempt.missingYears ?? [] };
    Object.assign(attempt, { dueAt: due.due, complete: due.complete, missingYears: due.missingYears });
    this.view.deadlines = { ...this.view.deadlines, [kind]: dueTime(due) };
    await this.recordMoves([{ kind, label: DEADLINE_KINDS[kind], before, after: dueTime(due) }], attempt.id);
  }

  /** Projects the view with the line for deadlines a schedule moved, if any moved. */
  private async recordMoves(
    moves: { kind: DeadlineKind; label: string; before?: DueTime; after: DueTime }[],
    attemptId?: string,
  ): Promise<void> {
    const moved = moves.filter((m) => hasMoved(m.before, m.after));
    if (!moved.length) return this.project();
    const schedule = this.board.deadlines.lastArrived;
    await this.project({
      key: `service-recomputed:${this.input.serviceId}:${moved[0].kind}:${this.board.deadlines.clockVersion}`,
      actor: null,
      action: 'deadline_recomputed',
      summary: `${this.doc}：${describeMoves(moved, schedule)}`,
      legalBasis: schedule && `${schedule.source.title}（${schedule.source.documentNumber}）`,
      details: { ...(attemptId && { attemptId }), ...movesDetails(moved, schedule) },
    });
  }

  /** Writes the view whole; the version keeps a late write of an older view from winning. */
  async project(entry?: Entry): Promise<void> {
    await projectService({
      service: this.snapshot(),
      version: ++this.projected,
      agencyId: this.input.agencyId,
      at: new Date().toISOString(),
      entry,
    });
  }
}
