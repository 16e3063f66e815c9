import { condition, patched, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import { activities } from '../activities';
import { LegalCalendar } from '#libs/calendar/calendar';
import { chinaDate, chinaDayStart } from '#libs/calendar/dates';
import { DueResult, Pause, Period, PeriodRules, PeriodStart, chainedStart, computeDue, describePeriod } from '#libs/calendar/period';
import { YearSchedule } from '#libs/calendar/schedule';
import { Role } from '#libs/domain/roles';
import { Completion, TASK_SPECS, TaskKind, TaskRef, describeCompletion, completionRefusal } from '#libs/domain/tasks';
import { CaseClock, RUNNING_CLOCK } from '#libs/domain/case-operations';
import { EscalationRules, ladderFor, ladderRoleLabel } from '#libs/domain/escalation';
import { calendarUpdatedSignal } from '#libs/messages/calendar';
import { caseClockSignal } from '#libs/messages/case-operations';
import { StageInput } from '#libs/messages/stage';
import { CaseState, CompleteTaskCommand, caseStateQuery, completeTaskUpdate, transferTaskUpdate } from '#libs/messages/initiation';
import { chinaTime, describeRecomputation } from './deadline-text';
import { refuse } from '../refuse';

const { openTask, completeTask, rescheduleTask, reassignTask, escalate } = activities;

/** A legal deadline on a task: a period from the profile counted from `from` on the case's calendar. */
export interface Deadline {
  /** An instant, or a China date for an event the law places on a day (see PeriodStart). */
  from: PeriodStart;
  period: Period;
  /** Runs once when the deadline passes with the task still open; the task stays open afterwards. */
  onOverdue: (task: TaskRef) => Promise<void>;
  /** Runs once at the start of the period's last day (China time), if the task is still open then. */
  onLastDay?: (task: TaskRef) => Promise<void>;
}

export interface AskSpec {
  /** A task id chosen beforehand, when the caller stores it elsewhere first. */
  id?: string;
  kind: TaskKind;
  role: Role;
  assigneeId?: string;
  legalBasis?: string;
  deadline?: Deadline;
  /** The stage writes the record line for this completion itself (with more to say than "done"). */
  recordsItself?: true;
  /** The stage's own rules for a completion (a gate, a required field): throw a refusal to reject it. */
  validate?: (cmd: CompleteTaskCommand) => void;
}

/**
 * The human tasks of one case workflow. A person's completion arrives as an Update: the validator
 * refuses it unless the task is open and theirs; the handler records it and answers only once the
 * stage has acted on it (next task opened or case concluded), so the caller reads its own writes.
 * Deadlines are computed on the calendar the workflow holds; when a year's schedule arrives by
 * signal, estimated deadlines are recomputed and their timers move. Stage code simply `await board.ask(...)`.
 */
export class TaskBoard {
  private readonly open = new Map<string, { ref: TaskRef; legalBasis?: string; recordsItself?: true; validate?: AskSpec['validate'] }>();
  private readonly completions = new Map<string, Completion>();
  /** Order in which stage code took each completion, and how far the stage has acted on them. */
  private readonly takenAt = new Map<string, number>();
  private taken = 0;
  private settled = 0;
  /** How often the stage came to rest (waiting on people, or finished). */
  private rests = 0;
  private calendar: LegalCalendar;
  private schedules: YearSchedule[];
  /** The schedule that arrived last, and how many have arrived. */
  private arrivals = 0;
  private arrived?: YearSchedule;
  /** The case clock (中止 spans) and how often it changed: every deadline here counts without the pauses. */
  private clock: CaseClock;
  private clockChanges = 0;

  private readonly agencyId: string;
  private readonly escalation?: EscalationRules;
  /** How pauses meet the roll; cases started before the patch keep the order they were computed with. */
  private readonly periodRules: PeriodRules;

  constructor(private readonly state: CaseState, input: StageInput) {
    this.agencyId = input.agencyId;
    this.schedules = input.calendar;
    this.calendar = new LegalCalendar(input.calendar);
    this.clock = input.caseClock ?? RUNNING_CLOCK;
    this.escalation = input.escalation;
    this.periodRules = { mode: patched('period-pauses-then-roll') ? 'legal' : 'legacy' };
    setHandler(caseStateQuery, () => this.snapshot());
    setHandler(caseClockSignal, (next) => {
      this.clock = next;
      this.clockChanges++;
    });
    setHandler(completeTaskUpdate, (cmd) => this.complete(cmd), {
      validator: (cmd) => {
        const stopped = this.clock.suspended;
        if (stopped) {
          throw refuse('CASE_SUSPENDED', `案件已于${chinaTime(stopped.since)}中止办理（${stopped.reason}），恢复办理后方可继续`);
        }
        const task = this.open.get(cmd.taskId);
        const refusal = completionRefusal(task?.ref, cmd.by, cmd);
        if (refusal) throw refuse(refusal);
        task!.validate?.(cmd);
      },
    });
    setHandler(
      transferTaskUpdate,
      async ({ taskId, to, reason, by }) => {
        const ref = this.open.get(taskId)!.ref;
        ref.assigneeId = to.id;
        await reassignTask({
          task: ref,
          at: new Date().toISOString(),
          entry: {
            key: `transfer:${taskId}:${to.id}`,
            actor: by,
            action: 'task_transferred',
            summary: `${by.name}将「${TASK_SPECS[ref.kind].label}」转交${to.name}办理：${reason}`,
            details: { taskId, to: to.id },
          },
        });
        return this.snapshot();
      },
      {
        validator: ({ taskId, to, by }: { taskId: string; to: { role: string; agencyId: string }; by: { role: string; agencyId: string } }) => {
          const task = this.open.get(taskId)?.ref;
          if (!task) throw refuse('TASK_NOT_OPEN');
          if (by.agencyId !== task.agencyId || (by.role !== 'unit_head' && by.role !== 'chief')) {
            throw refuse('TASK_TRANSFER_FORBIDDEN');
          }
          if (to.agencyId !== task.agencyId || to.role !== task.role) {
            throw refuse('TASK_TRANSFER_TARGET_INVALID');
          }
        },
      },
    );
    setHandler(calendarUpdatedSignal, (schedule) => {
      this.schedules = [...this.schedules.filter((s) => s.year !== schedule.year), schedule];
      this.calendar = new LegalCalendar(this.schedules);
      this.arrived = schedule;
      this.arrivals++;
    });
  }

  snapshot(): CaseState {
    return { ...this.state, openTasks: [...this.open.values()].map((t) => t.ref) };
  }

  /** Opens a human task and resolves with its completion. */
  async ask(spec: AskSpec): Promise<Completion> {
    const due = spec.deadline && this.dueFor(spec.deadline);
    const ref: TaskRef = {
      id: spec.id ?? uuid4(),
      caseId: this.state.caseId,
      agencyId: this.agencyId,
      kind: spec.kind,
      role: spec.role,
      assigneeId: spec.assigneeId,
      openedAt: new Date().toISOString(),
      ...(due && { dueAt: due.due!, dueComplete: due.complete, dueMissingYears: due.missingYears }),
    };
    await openTask({ ...ref, workflowId: workflowInfo().workflowId });
    this.open.set(ref.id, { ref, legalBasis: spec.legalBasis, recordsItself: spec.recordsItself, validate: spec.validate });
    this.idle();
    const done = () => this.completions.has(ref.id);
    if (spec.deadline) await this.watch(ref, spec.deadline, done);
    await condition(done);
    this.takenAt.set(ref.id, ++this.taken);
    return this.completions.get(ref.id)!;
  }

  /** Waits for the task or its deadline, moving the timer whenever a schedule changes the due time. */
  private async watch(ref: TaskRef, deadline: Deadline, done: () => boolean): Promise<void> {
    let warned = !deadline.onLastDay;
    for (;;) {
      const seen = { arrivals: this.arrivals, clock: this.clockChanges };
      const changed = () => done() || this.arrivals !== seen.arrivals || this.clockChanges !== seen.clock;
      if (!ref.dueAt) {
        // The case is suspended: the clock stands still until it resumes.
        await condition(changed);
        if (done()) return;
        await this.recompute(ref, deadline, this.clockChanges !== seen.clock);
        continue;
      }
      const due = Date.parse(ref.dueAt);
      const lastDayStarts = chinaDayStart(chinaDate(new Date(due - 1))).getTime();
      const warnNow = !warned && lastDayStarts > Date.now();
      const wait = Math.max((warnNow ? lastDayStarts : due) - Date.now(), 0);
      const woke = await condition(changed, wait);
      if (done()) return;
      if (!woke && warnNow) {
        warned = true;
        await deadline.onLastDay!(ref);
        continue;
      }
      if (!woke) {
        await deadline.onOverdue(ref);
        this.idle();
        // Added after cases existed: the rungs above the unit head, while the task stays open.
        if (this.escalation && patched('escalation-ladder')) void this.climb(ref, deadline, done);
        return;
      }
      if (!ref.dueComplete || this.clockChanges !== seen.clock) await this.recompute(ref, deadline, this.clockChanges !== seen.clock);
    }
  }

  /** Moves the task's due time after a year's schedule arrived or, when `clockMoved`, the case clock changed. */
  private async recompute(ref: TaskRef, deadline: Deadline, clockMoved: boolean): Promise<void> {
    const next = this.dueFor(deadline);
    const before = { dueAt: ref.dueAt!, complete: ref.dueComplete ?? true };
    if (next.due === (ref.dueAt ?? null) && next.complete === before.complete) return;
    Object.assign(ref, { dueAt: next.due ?? undefined, dueComplete: next.complete, dueMissingYears: next.missingYears });
    if (clockMoved) return this.clockMoved(ref, before.dueAt);
    await rescheduleTask({
      task: ref,
      at: new Date().toISOString(),
      entry: {
        key: `recomputed:${ref.id}:${this.arrivals}`,
        actor: null,
        action: 'deadline_recomputed',
        summary: describeRecomputation(TASK_SPECS[ref.kind].label, before, next, this.arrived!),
        legalBasis: `${this.arrived!.source.title}（${this.arrived!.source.documentNumber}）`,
        details: { taskId: ref.id, before, after: { dueAt: next.due, complete: next.complete }, year: this.arrived!.year },
      },
    });
  }

  /**
   * The profile's ladder after the due time: the chief, then the supervisor, each told once (the
   * escalation id is the task's and the rung's) unless the task is done first. The rungs count
   * on the case clock, so a suspension holds them too.
   */
  private async climb(ref: TaskRef, deadline: Deadline, done: () => boolean): Promise<void> {
    const rules = this.escalation!;
    const label = TASK_SPECS[ref.kind].label;
    // "期限届满后 N 个工作日" counts from the day after the task's last day.
    const from = this.chainFrom(this.dueFor(deadline)) ?? ref.dueAt!;
    for (const step of ladderFor(rules, ref.kind)) {
      if (await this.until({ from, period: step.after }, done)) return;
      await escalate({
        id: `${ref.id}:overdue:${step.to}`,
        caseId: ref.caseId,
        agencyId: ref.agencyId,
        taskId: ref.id,
        kind: `escalated_to_${step.to}`,
        dueAt: ref.dueAt!,
        at: new Date().toISOString(),
        mustAct: [{ role: step.to }],
        legalBasis: rules.legalBasis,
        summary: `「${label}」期限届满后${describePeriod(step.after)}仍未办理，报告${ladderRoleLabel(step.to)}`,
      });
    }
  }

  /** A suspension stopped the task's clock (no due time), or a resumption restarted it later. */
  private async clockMoved(ref: TaskRef, before: string | undefined): Promise<void> {
    const label = TASK_SPECS[ref.kind].label;
    await rescheduleTask({
      task: ref,
      at: new Date().toISOString(),
      entry: {
        key: `clock:${ref.id}:${this.clockChanges}`,
        actor: null,
        action: ref.dueAt ? 'deadline_resumed' : 'deadline_paused',
        summary: ref.dueAt ? `案件恢复办理，「${label}」的期限顺延至${chinaTime(ref.dueAt)}` : `案件中止办理，「${label}」的期限暂停计算`,
        details: { taskId: ref.id, before: before ?? null, after: ref.dueAt ?? null },
      },
    });
  }

  /** A deadline on the calendar the workflow holds now, less the case's suspensions and any other paused spans. */
  dueFor(d: Pick<Deadline, 'from' | 'period'>, pauses: Pause[] = []): DueResult {
    return computeDue(this.calendar, d.from, d.period, [...pauses, ...this.clock.pauses], this.periodRules);
  }

  /**
   * A period the case's suspension does not stop — the party's own (payment, remedies, statement
   * windows) or a legal fact (deemed service) — on the calendar the workflow holds now.
   */
  partyDueFor(d: Pick<Deadline, 'from' | 'period'>): DueResult {
    return computeDue(this.calendar, d.from, d.period, [], this.periodRules);
  }

  /**
   * What a period that follows `earlier` counts from ("自期限届满之日起", a document deemed served
   * "于 D 24:00"): the last day D as a date, so counting begins D+1 (民法典 201). Cases from before
   * the patch counted from the 24:00 instant, one day later. Null while a pause stops `earlier`.
   */
  chainFrom(earlier: DueResult): PeriodStart | null {
    return this.periodRules.mode === 'legal' ? chainedStart(earlier) : earlier.due;
  }

  /**
   * Waits until the period runs out on the case clock, or `done()`: true when done first. The due
   * time moves with year schedules and suspensions (`moved` hears each one; null while suspended).
   */
  async until(d: Pick<Deadline, 'from' | 'period'>, done: () => boolean, moved: (due: string | null) => void = () => {}): Promise<boolean> {
    for (;;) {
      const seen = this.clockVersion;
      const due = this.dueFor(d).due;
      moved(due);
      const changed = () => done() || this.clockVersion !== seen;
      if (due === null) await condition(changed);
      else if (!(await condition(changed, Math.max(Date.parse(due) - Date.now(), 0)))) return false;
      if (done()) return true;
    }
  }

  /** Why the case's clock stands still now, if it does. */
  get suspended(): CaseClock['suspended'] {
    return this.clock.suspended;
  }

  /** What the next stage's board starts from: the schedules known now (as pinned, plus any that arrived since), the pinned ladder, the case clock. */
  get carried(): Pick<StageInput, 'calendar' | 'escalation' | 'caseClock'> {
    return { calendar: [...this.schedules], ...(this.escalation && { escalation: this.escalation }), ...(this.clock.pauses.length && { caseClock: this.clock }) };
  }

  /** The year's schedule that arrived last by signal, if any. */
  get lastArrived(): YearSchedule | undefined {
    return this.arrived;
  }

  /** The working-day calendar the workflow holds now (as pinned, plus any that arrived since). */
  get calendarNow(): LegalCalendar {
    return this.calendar;
  }

  /** Changes whenever a year's schedule arrives or the case clock stops or restarts: deadlines kept outside tasks recompute then. */
  get clockVersion(): number {
    return this.arrivals + this.clockChanges;
  }

  /** Resolves once the task is open (its projection written). */
  async opened(taskId: string): Promise<TaskRef> {
    await condition(() => this.open.has(taskId));
    return this.open.get(taskId)!.ref;
  }

  /** The stage has acted on every completion it took: their callers may now be answered. */
  idle(): void {
    this.settled = this.taken;
    this.rests++;
  }

  /** Resolves once the stage has come to rest at least once: its first tasks are open. */
  async started(): Promise<void> {
    await condition(() => this.rests > 0);
  }

  private async complete(cmd: CompleteTaskCommand): Promise<CaseState> {
    const { ref, legalBasis, recordsItself } = this.open.get(cmd.taskId)!;
    this.open.delete(ref.id); // synchronously, so a concurrent duplicate fails validation
    const { taskId: _taskId, by, ...input } = cmd;
    const completion: Completion = { ...input, taskId: ref.id, by, at: new Date().toISOString(), dueAt: ref.dueAt };
    const onTime = ref.dueAt === undefined ? undefined : Date.parse(completion.at) <= Date.parse(ref.dueAt);
    await completeTask({
      task: ref,
      completion,
      entry: recordsItself
        ? undefined
        : {
            key: `task:${ref.id}`,
            actor: cmd.by,
            action: 'task_completed',
            summary: describeCompletion(ref.kind, completion) + (onTime === undefined ? '' : onTime ? '（按期）' : '（逾期）'),
            legalBasis,
            details: { ...formOf(completion), taskId: ref.id, kind: ref.kind, decision: cmd.decision, dueAt: ref.dueAt, onTime },
          },
    });
    this.completions.set(ref.id, completion);
    await condition(() => (this.takenAt.get(ref.id) ?? Infinity) <= this.settled);
    return this.snapshot();
  }
}

/** What a completion carried besides the decision and opinion, for the record's details. */
function formOf(c: Completion): Record<string, unknown> {
  const { taskId: _t, by: _b, at: _a, dueAt: _d, decision: _x, opinion: _o, ...form } = c;
  return form;
}
