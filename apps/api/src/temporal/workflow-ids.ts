import { AccessRequestInput, workflowIdForAccessRequest } from '#libs/messages/access';
import { CaseOperationInput, workflowIdForCaseOperation } from '#libs/messages/case-operations';
import { workflowIdForDecision } from '#libs/messages/decision';
import { workflowIdForExecution } from '#libs/messages/execution';
import { workflowIdForInitiation } from '#libs/messages/initiation';
import { workflowIdForInvestigation } from '#libs/messages/investigation';
import { workflowIdForService } from '#libs/messages/service';
import { workflowIdForSummary } from '#libs/messages/summary';
import type { accessRequestWorkflow } from '#workflows/access/workflows';
import type { caseOperationWorkflow } from '#workflows/case-operations/workflows';
import type { initiationWorkflow } from '#workflows/initiation/workflows';
import type { investigationWorkflow } from '#workflows/investigation/workflows';
import type { summaryWorkflow } from '#workflows/summary/workflows';

/**
 * A workflow of a case, named by what it is rather than by its ID. The ID builders stay in
 * `libs/messages` because the workflows use them too (child workflows, signals between stages);
 * the API names a workflow only through this type, so no service spells an ID.
 */
export type CaseWorkflow =
  | { kind: 'initiation' | 'investigation' | 'decision' | 'execution' | 'summary'; caseId: string }
  | { kind: 'service'; caseId: string; serviceId: string }
  | { kind: 'caseOperation'; caseId: string; operationId: string }
  | { kind: 'accessRequest'; caseId: string; requestId: string };

/** A case's workflow, or the ID of one as the database keeps it (a task's `workflow_id`). */
export type WorkflowTarget = CaseWorkflow | string;

export function workflowIdOf(target: WorkflowTarget): string {
  if (typeof target === 'string') return target;
  switch (target.kind) {
    case 'initiation':
      return workflowIdForInitiation(target.caseId);
    case 'investigation':
      return workflowIdForInvestigation(target.caseId);
    case 'decision':
      return workflowIdForDecision(target.caseId);
    case 'execution':
      return workflowIdForExecution(target.caseId);
    case 'summary':
      return workflowIdForSummary(target.caseId);
    case 'service':
      return workflowIdForService(target.caseId, target.serviceId);
    case 'caseOperation':
      return workflowIdForCaseOperation(target.caseId, target.operationId);
    case 'accessRequest':
      return workflowIdForAccessRequest(target.caseId, target.requestId);
  }
}

/** The workflows the API starts. */
interface StartedWorkflows {
  initiation: typeof initiationWorkflow;
  investigation: typeof investigationWorkflow;
  summary: typeof summaryWorkflow;
  caseOperation: typeof caseOperationWorkflow;
  accessRequest: typeof accessRequestWorkflow;
}
export type StartKind = keyof StartedWorkflows;
/** The input each takes, as the workflow function declares it. */
export type StartInputs = { [K in StartKind]: Parameters<StartedWorkflows[K]>[0] };

/** The workflow type the worker registers for each (the exported function's name). */
export const WORKFLOW_TYPES: Record<StartKind, string> = {
  initiation: 'initiationWorkflow',
  investigation: 'investigationWorkflow',
  summary: 'summaryWorkflow',
  caseOperation: 'caseOperationWorkflow',
  accessRequest: 'accessRequestWorkflow',
};

/** A started workflow's ID follows from its input, so the same request names the same workflow. */
export function startedWorkflow<K extends StartKind>(kind: K, input: StartInputs[K]): CaseWorkflow {
  switch (kind) {
    case 'caseOperation':
      return { kind, caseId: input.caseId, operationId: (input as CaseOperationInput).operationId };
    case 'accessRequest':
      return { kind, caseId: input.caseId, requestId: (input as AccessRequestInput).requestId };
    default:
      return { kind: kind as 'initiation' | 'investigation' | 'summary', caseId: input.caseId };
  }
}
