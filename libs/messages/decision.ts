import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { YearSchedule } from '../calendar/schedule';
import type { Actor } from '../domain/roles';
import type { AgencyProfile } from '../profiles/schema';

/** What the decision stage pins when the case is filed (立案). */
export interface DecisionInput {
  caseId: string;
  agencyId: string;
  filedAt: string;
  handlingOfficerId: string;
  profile: { id: string; version: number; regulationTitle: string; decision: AgencyProfile['decision'] };
  calendar: YearSchedule[];
}

export interface DecisionDeadlineView {
  dueAt: string;
  lastDay: string | null;
  complete: boolean;
  extended: boolean;
  extensionRequested: boolean;
  state: 'running' | 'overdue' | 'met';
}

export const workflowIdForDecision = (caseId: string) => `decision-${caseId}`;

export const decisionDeadlineQuery = defineQuery<DecisionDeadlineView>('decisionDeadline');
/** Asks the chief to extend the decision deadline, where the profile has a 规章 that allows it. */
export const requestDecisionExtensionUpdate = defineUpdate<DecisionDeadlineView, [{ reason: string; by: Actor }]>('requestDecisionExtension');
