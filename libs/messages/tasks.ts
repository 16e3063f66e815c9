import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { CaseStatus } from '../domain/case';
import { Actor } from '../domain/roles';
import { CompletionInput, TaskRef } from '../domain/tasks';

/** What every stage workflow of a case answers about itself: its status and the human tasks open now. */
export interface CaseState {
  caseId: string;
  status: CaseStatus;
  openTasks: TaskRef[];
  overdue: boolean;
}

export interface CompleteTaskCommand extends CompletionInput {
  taskId: string;
  by: Actor;
}

/** A person completes a human task; returns the case state after the workflow has acted on it. */
export const completeTaskUpdate = defineUpdate<CaseState, [CompleteTaskCommand]>('completeTask');
export const caseStateQuery = defineQuery<CaseState>('caseState');
/** A unit head or chief hands an open task to another person of the same role, with the reason. */
export const transferTaskUpdate = defineUpdate<CaseState, [{ taskId: string; to: Actor; reason: string; by: Actor }]>('transferTask');
