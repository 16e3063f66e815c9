import { ApplicationFailure, condition, proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { Role } from '../../libs/domain/roles';
import { Completion, TASK_REFUSALS, TaskKind, TaskRef, describeCompletion, refuseCompletion } from '../../libs/domain/tasks';
import { CaseState, CompleteTaskCommand, caseStateQuery, completeTaskUpdate } from '../../libs/messages/initiation';

// Projection writes are short database transactions; retry until the database is back.
const { openTask, completeTask } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export interface AskSpec {
  kind: TaskKind;
  role: Role;
  assigneeId?: string;
  dueAt?: Date;
  legalBasis?: string;
  /** Runs once when `dueAt` passes with the task still open; the task stays open afterwards. */
  onOverdue?: (task: TaskRef) => Promise<void>;
}

/**
 * The human tasks of one case workflow. A person's completion arrives as an Update: the validator
 * refuses it unless the task is open and theirs; the handler records it and answers only once the
 * stage has acted on it (next task opened or case concluded), so the caller reads its own writes.
 * Stage code simply `await board.ask(...)`.
 */
export class TaskBoard {
  private readonly open = new Map<string, { ref: TaskRef; legalBasis?: string }>();
  private readonly completions = new Map<string, Completion>();
  /** Order in which stage code took each completion, and how far the stage has acted on them. */
  private readonly takenAt = new Map<string, number>();
  private taken = 0;
  private settled = 0;
  /** How often the stage came to rest (waiting on people, or finished). */
  private rests = 0;

  constructor(private readonly state: CaseState, private readonly agencyId: string) {
    setHandler(caseStateQuery, () => this.snapshot());
    setHandler(completeTaskUpdate, (cmd) => this.complete(cmd), {
      validator: (cmd) => {
        const refusal = refuseCompletion(this.open.get(cmd.taskId)?.ref, cmd.by, cmd);
        if (refusal) throw ApplicationFailure.nonRetryable(TASK_REFUSALS[refusal], refusal);
      },
    });
  }

  snapshot(): CaseState {
    return { ...this.state, openTasks: [...this.open.values()].map((t) => t.ref) };
  }

  /** Opens a human task and resolves with its completion. */
  async ask(spec: AskSpec): Promise<Completion> {
    const ref: TaskRef = {
      id: uuid4(),
      caseId: this.state.caseId,
      agencyId: this.agencyId,
      kind: spec.kind,
      role: spec.role,
      assigneeId: spec.assigneeId,
      dueAt: spec.dueAt?.toISOString(),
      openedAt: new Date().toISOString(),
    };
    await openTask({ ...ref, workflowId: workflowInfo().workflowId });
    this.open.set(ref.id, { ref, legalBasis: spec.legalBasis });
    this.idle();
    const done = () => this.completions.has(ref.id);
    if (spec.dueAt && spec.onOverdue && !(await condition(done, Math.max(spec.dueAt.getTime() - Date.now(), 0)))) {
      await spec.onOverdue(ref);
      this.idle();
    }
    await condition(done);
    this.takenAt.set(ref.id, ++this.taken);
    return this.completions.get(ref.id)!;
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
    const { ref, legalBasis } = this.open.get(cmd.taskId)!;
    this.open.delete(ref.id); // synchronously, so a concurrent duplicate fails validation
    const completion: Completion = {
      taskId: ref.id,
      by: cmd.by,
      at: new Date().toISOString(),
      decision: cmd.decision,
      opinion: cmd.opinion,
      notification: cmd.notification,
    };
    await completeTask({
      task: ref,
      completion,
      entry: {
        key: `task:${ref.id}`,
        actor: cmd.by,
        action: 'task_completed',
        summary: describeCompletion(ref.kind, completion),
        legalBasis,
        details: { taskId: ref.id, kind: ref.kind, decision: cmd.decision, notification: cmd.notification },
      },
    });
    this.completions.set(ref.id, completion);
    await condition(() => (this.takenAt.get(ref.id) ?? Infinity) <= this.settled);
    return this.snapshot();
  }
}
