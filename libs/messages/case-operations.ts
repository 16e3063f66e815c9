import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseClock, CaseOperationKind, TransferTarget } from '../domain/case-operations';
import type { Actor } from '../domain/roles';
import type { AgencyProfile } from '../profiles/schema';
import type { CaseState } from './tasks';
import type { StageInput } from './stage';

/** A case-level operation as requested: decided by the chief as a task of its own workflow. */
export interface CaseOperationInput extends StageInput {
  operationId: string;
  caseId: string;
  kind: CaseOperationKind;
  reason: string;
  /** The legal basis the requester names (a law's article), beside the general one of the kind. */
  legalBasis?: string;
  transfer?: { target: TransferTarget; recipient: string };
  by: Actor;
  handlingOfficerId: string;
  profile: { regulationTitle: string; archiving: AgencyProfile['archiving'] };
}

/** The case clock, sent whole to every running workflow of the case after a suspension or resumption. */
export const caseClockSignal = defineSignal<[CaseClock]>('caseClock');

/** Returns once the request is recorded and the chief's task is open (used with update-with-start). */
export const caseOperationRequestedUpdate = defineUpdate<CaseState>('caseOperationRequested');

export const workflowIdForCaseOperation = (caseId: string, operationId: string) => `case-operation-${caseId}-${operationId}`;
