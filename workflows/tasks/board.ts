import { ApplicationFailure, condition, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import { activities } from '../activities';
import { LegalCalendar } from '../../libs/calendar/calendar';
import { chinaDate, chinaDayStart } from '../../libs/calendar/dates';
import { DueResult, Pause, Period, computeDue } from '../../libs/calendar/period';
import { YearSchedule } from '../../libs/calendar/schedule';
import { Role } from '../../libs/domain/roles';
import { Completion, TASK_REFUSALS, TASK_SPECS, TaskKind, TaskRef, describeCompletion, refuseCompletion } from '../../libs/domain/tasks';
import { calendarUpdatedSignal } from '../../libs/messages/calendar';
import { CaseState, CompleteTaskCommand, caseStateQuery, completeTaskUpdate, transferTaskUpdate } from '../../libs/messages/initiation';
import { describeRecomputation } from './deadline-text';

const { openTask, completeTask, rescheduleTask, reassignTask } = activities;

/** A legal deadline on a task: a period from the profile counted from `from` on the case's calendar. */
export interface Deadline {
  from: Date;
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

  constructor(private readonly state: CaseState, private readonly agencyId: string, schedules: YearSchedule[]) {
    this.schedules = schedules;
    this.calendar = new LegalCalendar(schedules);
    setHandler(caseStateQuery, () => this.snapshot());
    setHandler(completeTaskUpdate, (cmd) => this.complete(cmd), {
      validator: (cmd) => {
        const task = this.open.get(cmd.taskId);
        const refusal = refuseCompletion(task?.ref, cmd.by, cmd);
        if (refusal) throw ApplicationFailure.nonRetryable(TASK_REFUSALS[refusal], refusal);
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
          if (!task) throw ApplicationFailure.nonRetryable(TASK_REFUSALS.TASK_NOT_OPEN, 'TASK_NOT_OPEN');
          if (by.agencyId !== task.agencyId || (by.role !== 'unit_head' && by.role !== 'chief')) {
            throw ApplicationFailure.nonRetryable('只有本机关的承办机构负责人或行政机关负责人可以转交任务', 'TASK_TRANSFER_FORBIDDEN');
          }
          if (to.agencyId !== task.agencyId || to.role !== task.role) {
            throw ApplicationFailure.nonRetryable('任务只能转交本机关同一角色的人员', 'TASK_TRANSFER_TARGET_INVALID');
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
      const seen = this.arrivals;
      const due = Date.parse(ref.dueAt!);
      const lastDayStarts = chinaDayStart(chinaDate(new Date(due - 1))).getTime();
      const warnNow = !warned && lastDayStarts > Date.now();
      const wait = Math.max((warnNow ? lastDayStarts : due) - Date.now(), 0);
      const woke = await condition(() => done() || this.arrivals !== seen, wait);
      if (done()) return;
      if (!woke && warnNow) {
        warned = true;
        await deadline.onLastDay!(ref);
        continue;
      }
      if (!woke) {
        await deadline.onOverdue(ref);
        this.idle();
        return;
      }
      if (!ref.dueComplete) await this.recompute(ref, deadline);
    }
  }

  private async recompute(ref: TaskRef, deadline: Deadline): Promise<void> {
    const next = this.dueFor(deadline);
    const before = { dueAt: ref.dueAt!, complete: ref.dueComplete ?? true };
    if (next.due === before.dueAt && next.complete === before.complete) return;
    Object.assign(ref, { dueAt: next.due!, dueComplete: next.complete, dueMissingYears: next.missingYears });
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

  /** A deadline on the calendar the workflow holds now, less any paused spans. */
  dueFor(d: Pick<Deadline, 'from' | 'period'>, pauses: Pause[] = []): DueResult {
    return computeDue(this.calendar, d.from, d.period, pauses);
  }

  /** The schedules known now (as pinned, plus any that arrived since): handed on to the next stage. */
  get schedulesNow(): YearSchedule[] {
    return [...this.schedules];
  }

  /** The working-day calendar the workflow holds now (as pinned, plus any that arrived since). */
  get calendarNow(): LegalCalendar {
    return this.calendar;
  }

  /** Changes whenever a year's schedule arrives: deadlines kept outside tasks recompute then. */
  get calendarVersion(): number {
    return this.arrivals;
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
