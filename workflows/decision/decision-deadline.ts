import { patched, uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { LegalCalendar } from '#libs/calendar/calendar';
import { DueResult, Period, describePeriod } from '#libs/calendar/period';
import { RecordEntryInput } from '#libs/domain/record';
import { DecisionDeadlineView, DecisionInput, requestDecisionExtensionUpdate } from '#libs/messages/decision';
import { cite } from '#libs/profiles/cite';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { describeMoves, hasMoved, movesDetails } from '../tasks/deadline-moves';
import { DEADLINE_KINDS, dueTime, estimateMark } from '#libs/domain/deadlines';
import { UpdateArg } from '../tasks/update-arg';
import { refuse } from '../refuse';

const { projectDeadline, noteRecord } = activities;

type Entry = Omit<RecordEntryInput, 'caseId'>;

/**
 * The decision deadline (行政处罚法 60: the profile's period from filing) as the workflow keeps it:
 * computed on the case's calendar and clock, paused while the case is suspended, moved by a year's
 * schedule, and extended once where a 规章 allows it, granted by the chief as a task.
 */
export class DecisionDeadline {
  readonly rule: DecisionInput['profile']['decision']['deadline'];
  readonly basis: string;
  readonly view: DecisionDeadlineView = {
    dueAt: '',
    lastDay: null,
    complete: true,
    missingYears: [],
    extended: false,
    extensionRequested: false,
    state: 'running',
  };
  /** Bumped on every recomputation: the clock loop re-arms when it changes. */
  version = 0;
  /** The calendar the deadline was last computed on: another one means a year's schedule arrived. */
  private calendarSeen: LegalCalendar;

  constructor(
    private readonly input: DecisionInput,
    private readonly board: TaskBoard,
  ) {
    this.rule = input.profile.decision.deadline;
    this.basis = cite(input.profile.regulationTitle, this.rule.source);
    this.calendarSeen = board.deadlines.calendarNow;
  }

  // The request itself is checked by the API; here: may this case still be extended?
  validateExtension(_request: unknown): void {
    const { view } = this;
    if (!this.rule.extension) throw refuse('DECISION_EXTENSION_NOT_ALLOWED');
    if (view.extensionRequested || view.extended) throw refuse('DECISION_EXTENSION_USED');
    if (view.state === 'overdue' || view.state === 'met') throw refuse('DECISION_DEADLINE_PASSED');
  }

  async requestExtension({ reason, by }: UpdateArg<typeof requestDecisionExtensionUpdate>): Promise<DecisionDeadlineView> {
    const { input, view } = this;
    view.extensionRequested = true;
    await noteRecord({
      caseId: input.caseId,
      at: new Date().toISOString(),
      entry: {
        key: 'decision-extension-requested',
        actor: by,
        action: 'deadline_extension_requested',
        summary: `${by.name}申请延长作出处理决定的期限：${reason}`,
        legalBasis: cite(input.profile.regulationTitle, this.rule.extension!.source),
      },
    });
    const taskId = uuid4();
    void this.askExtension(taskId);
    await this.board.opened(taskId);
    return { ...view };
  }

  private async askExtension(taskId: string): Promise<void> {
    const { input, view } = this;
    const ext = this.rule.extension!;
    const answer = await this.board.ask({
      id: taskId,
      kind: 'decision_extension',
      role: 'chief',
      legalBasis: cite(input.profile.regulationTitle, ext.source),
    });
    if (answer.decision === 'approve' && view.state === 'running') {
      view.extended = true;
      await this.recompute({
        key: 'decision-deadline-extended',
        actor: answer.by,
        action: 'deadline_extended',
        summary: `经负责人批准，作出处理决定的期限延长${describePeriod(ext.period)}`,
        legalBasis: cite(input.profile.regulationTitle, ext.source),
      });
    }
    this.board.answerWaitingCallers();
  }

  /** The first line: the period counted from filing. */
  setEntry(): Entry {
    return {
      key: 'decision-deadline',
      actor: null,
      action: 'deadline_set',
      summary: `作出处理决定的期限自立案之日起计算${describePeriod(this.rule.period)}`,
      legalBasis: this.basis,
    };
  }

  /** Writes one record line. */
  note(entry: Entry) {
    return noteRecord({ caseId: this.input.caseId, at: new Date().toISOString(), entry });
  }

  /** Before the deadline: a reminder the profile asks for. */
  reminderEntry(reminder: { p: Period; key: string }): Entry {
    return {
      key: `decision-reminder:${reminder.key}`,
      actor: null,
      action: 'deadline_warning',
      summary: `距作出处理决定的期限届满还有${describePeriod(reminder.p)}（${chinaTime(this.view.dueAt)}）`,
      legalBasis: this.basis,
    };
  }

  /**
   * A year's schedule arrived (the calendar the board holds changed): the recomputation is recorded
   * with old and new due time, like a task's. Added after cases existed (a new record line).
   */
  calendarMoved(): ((next: DueResult) => Entry | undefined) | undefined {
    const { board, view } = this;
    if (board.deadlines.calendarNow === this.calendarSeen) return undefined;
    this.calendarSeen = board.deadlines.calendarNow;
    if (!patched('estimates-rearm')) return undefined;
    const before = view.dueAt ? { dueAt: view.dueAt, complete: view.complete, missingYears: view.missingYears ?? [] } : undefined;
    return (next) => {
      const after = dueTime(next);
      if (!hasMoved(before, after)) return undefined;
      const schedule = board.deadlines.lastArrived;
      const moves = [{ kind: 'decision' as const, label: DEADLINE_KINDS.decision, before, after }];
      return {
        key: `decision-deadline-recomputed:${this.version}`,
        actor: null,
        action: 'deadline_recomputed',
        summary: describeMoves(moves, schedule),
        legalBasis: schedule && `${schedule.source.title}（${schedule.source.documentNumber}）`,
        details: movesDetails(moves, schedule),
      };
    };
  }

  async recompute(entry?: Entry | ((next: DueResult) => Entry | undefined)): Promise<void> {
    const { view, rule, basis } = this;
    const ext = view.extended ? rule.extension!.period : undefined;
    const period = ext ? { amount: rule.period.amount + ext.amount, unit: rule.period.unit } : rule.period;
    const due = this.board.deadlines.dueFor({ from: new Date(this.input.filedAt), period });
    this.version++;
    if (due.due === null) {
      // Suspended (中止): the clock stands still; the due time shown is the last one known.
      view.state = 'paused';
      return this.project({
        key: `decision-deadline-paused:${this.version}`,
        actor: null,
        action: 'deadline_paused',
        summary: '案件中止办理，作出处理决定的期限暂停计算',
        legalBasis: basis,
      });
    }
    const resumed = view.state === 'paused';
    const moved = typeof entry === 'function' ? entry(due) : undefined;
    let line = typeof entry === 'function' ? undefined : entry;
    Object.assign(view, {
      dueAt: due.due,
      lastDay: due.lastDay ?? null,
      complete: due.complete,
      missingYears: due.missingYears,
      state: 'running',
    });
    if (resumed)
      line ??= {
        key: `decision-deadline-resumed:${this.version}`,
        actor: null,
        action: 'deadline_resumed',
        summary: '案件恢复办理，作出处理决定的期限扣除中止期间后顺延',
        legalBasis: basis,
      };
    if (line)
      return this.project({
        ...line,
        summary: `${line.summary}，至${chinaTime(view.dueAt)}${estimateMark(due)}`,
        details: { ...line.details, ...dueTime(due) },
      });
    await this.project(moved);
  }

  async project(entry?: Entry): Promise<void> {
    const { view } = this;
    await projectDeadline({
      deadline: {
        caseId: this.input.caseId,
        kind: 'decision',
        dueAt: view.dueAt,
        complete: view.complete,
        missingYears: view.missingYears,
        extended: view.extended,
        state: view.state,
      },
      at: new Date().toISOString(),
      entry,
    });
  }
}
