import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { CaseSource, CaseStatus, InitiationForm } from '../domain/case';
import { Actor } from '../domain/roles';
import { CompletionInput, TaskRef } from '../domain/tasks';
import type { AgencyProfile } from '../profiles/schema';
import type { StageInput } from './stage';

/** What a case pins when it starts: the profile version in force and the calendar then known. */
export interface InitiationInput extends StageInput {
  caseId: string;
  profile: {
    id: string;
    version: number;
    regulationTitle: string;
    initiation: AgencyProfile['initiation'];
    /** Pinned for the decision stage started at filing; absent in cases started before it existed. */
    decision?: AgencyProfile['decision'];
    /** Pinned for serving the decision; absent in cases started before service existed. */
    service?: AgencyProfile['service'];
    audiovisual?: AgencyProfile['investigation']['audiovisual'];
    execution?: AgencyProfile['execution'];
    archiving?: AgencyProfile['archiving'];
  };
  source: CaseSource;
  emergency: boolean;
  officer: Actor;
  form: InitiationForm;
}

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

export const workflowIdForInitiation = (caseId: string) => `initiation-${caseId}`;

/** Returns once the case row and its first record entries are committed (used with update-with-start). */
export const caseRegisteredUpdate = defineUpdate<CaseState>('caseRegistered');
/** A person completes a human task; returns the case state after the workflow has acted on it. */
export const completeTaskUpdate = defineUpdate<CaseState, [CompleteTaskCommand]>('completeTask');
export const caseStateQuery = defineQuery<CaseState>('caseState');
/** A unit head or chief hands an open task to another person of the same role, with the reason. */
export const transferTaskUpdate = defineUpdate<CaseState, [{ taskId: string; to: Actor; reason: string; by: Actor }]>('transferTask');
