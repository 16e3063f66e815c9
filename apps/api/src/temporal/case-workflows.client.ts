import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import type { QueryDefinition, SignalDefinition, UpdateDefinition } from '@temporalio/common';
import { Env } from '#libs/config/env';
import { Actor } from '#libs/domain/roles';
import { TaskKind } from '#libs/domain/tasks';
import { CaseState, CompleteTaskCommand, completeTaskUpdate } from '#libs/messages/tasks';
import { TaskEntity } from '#libs/persistence/entities/task.entity';
import { TasksRepository } from '#libs/persistence/repositories/tasks.repository';
import { derivedUuid } from '../common/idempotency';
import { ENV } from '../env.token';
import { apiErrorOf } from './errors';
import { CaseWorkflow, StartInputs, StartKind, WORKFLOW_TYPES, WorkflowTarget, startedWorkflow, workflowIdOf } from './workflow-ids';

/** What a person's completion of a task says; the task and the person are added here. */
export type Completion = Omit<CompleteTaskCommand, 'taskId' | 'by'>;

/**
 * The API's one way to Temporal: it starts the case's workflows, sends them Updates, queries and
 * signals them, and completes a case's open tasks. Every call's Temporal error becomes the API's
 * answer here (errors.ts), and every workflow is named by what it is (workflow-ids.ts).
 */
@Injectable()
export class CaseWorkflowsClient {
  constructor(
    private readonly temporal: Client,
    @Inject(ENV) private readonly env: Env,
    private readonly tasks: TasksRepository,
  ) {}

  /**
   * Starts the workflow its input names, or joins it if it runs already (the same request twice
   * names the same workflow), and sends it the Update: either both happen or neither does.
   */
  updateWithStart<K extends StartKind, R, A extends unknown[]>(
    kind: K,
    input: StartInputs[K],
    update: UpdateDefinition<R, A>,
    message?: { args: A; updateId: string },
  ): Promise<R> {
    return this.call(() =>
      this.temporal.workflow.executeUpdateWithStart(update, {
        ...message,
        startWorkflowOperation: new WithStartWorkflowOperation<(input: StartInputs[K]) => Promise<unknown>>(WORKFLOW_TYPES[kind], {
          workflowId: workflowIdOf(startedWorkflow(kind, input)),
          taskQueue: this.env.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    );
  }

  /** An Update to a running workflow; the same `updateId` twice is answered with the first result. */
  update<R, A>(target: WorkflowTarget, update: UpdateDefinition<R, [A]>, arg: A, updateId: string): Promise<R> {
    return this.call(() => this.temporal.workflow.getHandle(workflowIdOf(target)).executeUpdate(update, { args: [arg], updateId }));
  }

  /** A person's command as an Update: the same request twice is one change (its ID derives from the person, what, the subject and the body). */
  command<R, A extends { by: Actor }>(
    target: WorkflowTarget,
    update: UpdateDefinition<R, [A]>,
    arg: A,
    what: string,
    subject: string,
  ): Promise<R> {
    const { by, ...body } = arg;
    return this.update(target, update, arg, derivedUuid(by.id, what, subject, JSON.stringify(body)));
  }

  /** What a workflow answers to one of its queries: the stage's state as the workflow holds it. */
  read<R, A extends unknown[]>(target: WorkflowTarget, query: QueryDefinition<R, A>, ...args: A): Promise<R> {
    return this.call(() => this.temporal.workflow.getHandle(workflowIdOf(target)).query(query, ...args));
  }

  /** Signals a workflow; false when it has closed meanwhile (nothing left in it to tell). */
  async signal<A extends unknown[]>(target: WorkflowTarget, signal: SignalDefinition<A>, ...args: A): Promise<boolean> {
    try {
      await this.temporal.workflow.getHandle(workflowIdOf(target)).signal(signal, ...args);
      return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw apiErrorOf(err) ?? err;
    }
  }

  /** The open task of this kind in the case (in that workflow, if named), or null. */
  async openTask(caseId: string, kind: TaskKind, workflow?: CaseWorkflow): Promise<TaskEntity | null> {
    return this.tasks.openOfCase(caseId, kind, workflow && workflowIdOf(workflow));
  }

  /**
   * Completes a task in its workflow, whose validator is the authority. The Update ID derives from
   * the person, the task and `request` (their Idempotency-Key or the body), so a retried request is
   * answered with the first result and changes nothing.
   */
  completeTask(task: Pick<TaskEntity, 'id' | 'workflowId'>, by: Actor, completion: Completion, request: string): Promise<CaseState> {
    return this.update(task.workflowId, completeTaskUpdate, { ...completion, taskId: task.id, by }, derivedUuid(by.id, task.id, request));
  }

  /** Temporal answers (the health check). */
  async reachable(): Promise<void> {
    await this.call(() => this.temporal.workflowService.getSystemInfo({}));
  }

  private async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (err) {
      throw apiErrorOf(err) ?? err;
    }
  }
}
