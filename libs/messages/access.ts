import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/roles';
import type { AgencyProfile } from '../profiles/schema';
import type { CaseState } from './tasks';
import type { StageInput } from './stage';

/** A party's request to read or copy the record (000, 004: per 政府信息公开条例; 001–003: the chief's consent). */
export interface AccessRequestInput extends StageInput {
  requestId: string;
  caseId: string;
  requester: string;
  requestedAt: string;
  scope: string;
  actions: ('view' | 'copy')[];
  by: Actor;
  profile: { regulationTitle: string; partyAccess: AgencyProfile['archiving']['partyAccess'] };
}

export const workflowIdForAccessRequest = (caseId: string, requestId: string) => `access-${caseId}-${requestId}`;

/** Returns once the request is recorded and its task is open (used with update-with-start). */
export const accessRequestedUpdate = defineUpdate<CaseState>('accessRequested');
