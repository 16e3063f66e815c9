import { condition, patched, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { OpenTaskInput } from '#activities/tasks/activities';
import { activities } from '../activities';
import { refuse } from '../refuse';
import { Role } from '#libs/domain/roles';
import { Completion, TASK_SPECS, TaskKind, TaskRef, describeCompletion, completionRefusal } from '#libs/domain/tasks';
import { EscalationRules } from '#libs/domain/escalation';
import { StageInput } from '#libs/messages/stage';
import { CaseState, CompleteTaskCommand, caseStateQuery, completeTaskUpdate, transferTaskUpdate } from '#libs/messages/tasks';
import { chinaTime } from './deadline-text';
import { Deadline, DeadlineWatch } from './deadline-watch';
import { climbLadder } from './escalation-ladder';

const { openTask, completeTask, reassignTask } = activities;

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
 * A task's deadline is watched on the case's calendar and clock (`deadlines`); once overdue, the
 * profile's escalation ladder climbs. Stage code simply `await board.ask(...)`.
 */
export class TaskBoard {
  /** The case's calendar and clock: every due time of the stage is computed and waited on here. */
  readonly deadlines: DeadlineWatch;
  private readonly open = new Map<string, { ref: TaskRef; legalBasis?: string; recordsItself?: true; validate?: AskSpec['validate'] }>();
  private readonly completions = new Map<string, Completion>();
  /** Order in which stage code took each completion, and how far the stage has acted on them. */
  private readonly takenAt = new Map<string, number>();
  private taken = 0;
  private settled = 0;
  /** How often the stage came to rest (waiting on people, or finished). */
  private rests = 0;

  private readonly agencyId: string;
  private readonly escalation?: EscalationRules;
  /** Writes the next task opened instead of `openTask`, with whatever the stage had to write first (see `openNextWith`). */
  private nextOpening?: (task: OpenTaskInput) => Promise<void>;

  constructor(
    private readonly state: CaseState,
    input: StageInput,
  ) {
    this.agencyId = input.agencyId;
    this.escalation = input.escalation;
    this.deadlines = new DeadlineWatch(input);
    setHandler(caseStateQuery, () => this.snapshot());
    setHandler(completeTaskUpdate, (cmd) => this.complete(cmd), {
      validator: (cmd) => {
        const stopped = this.deadlines.suspended;
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
        validator: ({
          taskId,
          to,
          by,
        }: {
          taskId: string;
          to: { role: string; agencyId: string };
          by: { role: string; agencyId: string };
        }) => {
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
  }

  snapshot(): CaseState {
    return { ...this.state, openTasks: [...this.open.values()].map((t) => t.ref) };
  }

  /**
   * The next task is opened by `write`, which also makes what the stage would have written just before
   * it (the case row, on a case start): one transaction and one local activity instead of two.
   */
  openNextWith(write: (task: OpenTaskInput) => Promise<void>): void {
    this.nextOpening = write;
  }

  /** Opens a human task and resolves with its completion. */
  async ask(spec: AskSpec): Promise<Completion> {
    const due = spec.deadline && this.deadlines.dueFor(spec.deadline);
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
    const open = this.nextOpening ?? openTask;
    this.nextOpening = undefined;
    await open({ ...ref, workflowId: workflowInfo().workflowId });
    this.open.set(ref.id, { ref, legalBasis: spec.legalBasis, recordsItself: spec.recordsItself, validate: spec.validate });
    this.answerWaitingCallers();
    const done = () => this.completions.has(ref.id);
    if (spec.deadline) await this.deadlines.watchTask(ref, spec.deadline, done, () => this.overdue(ref, spec.deadline!, done));
    await condition(done);
    this.takenAt.set(ref.id, ++this.taken);
    return this.completions.get(ref.id)!;
  }

  /** The task's deadline passed and its `onOverdue` ran; the task stays open. */
  private overdue(ref: TaskRef, deadline: Deadline, done: () => boolean): void {
    this.answerWaitingCallers();
    // Added after cases existed: the rungs above the unit head, while the task stays open.
    if (this.escalation && patched('escalation-ladder')) void climbLadder(this.escalation, this.deadlines, ref, deadline, done);
  }

  /** What the next stage's board starts from: the schedules known now (as pinned, plus any that arrived since), the pinned ladder, the case clock. */
  get carried(): Pick<StageInput, 'calendar' | 'escalation' | 'caseClock'> {
    const caseClock = this.deadlines.clockToCarry;
    return {
      calendar: this.deadlines.schedulesNow,
      ...(this.escalation && { escalation: this.escalation }),
      ...(caseClock && { caseClock }),
    };
  }

  /** Resolves once the task is open (its projection written). */
  async opened(taskId: string): Promise<TaskRef> {
    await condition(() => this.open.has(taskId));
    return this.open.get(taskId)!.ref;
  }

  /**
   * The stage has acted on every completion it took (opened the next task, or concluded): the
   * people whose completion Updates wait on that are answered now, and read their own writes.
   */
  answerWaitingCallers(): void {
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
