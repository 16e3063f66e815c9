import { defineUpdate } from '@temporalio/workflow';
import type { InitiationForm } from '../domain/case';
import type { Actor } from '../domain/roles';
import type { CollectionGround } from '../domain/summary';
import type { AssignedRule } from '../domain/numbering';
import type { AgencyProfile } from '../profiles/schema';
import type { CaseState } from './tasks';
import type { AvEvidence } from './investigation';
import type { StageInput } from './stage';

/** 当场收缴罚款: what was collected, the receipt, and why it could be collected on the spot. */
export interface Collection {
  amountYuan: number;
  receiptNumber: string;
  collectedAt: string;
  ground: CollectionGround;
}

/** An on-the-spot decision (简易程序) as the API checked it against the profile. */
export interface SummaryInput extends StageInput {
  caseId: string;
  profile: {
    id: string;
    version: number;
    regulationTitle: string;
    decision: AgencyProfile['decision'];
    execution: AgencyProfile['execution'];
    archiving: AgencyProfile['archiving'];
    /** For the execution of a fine not paid on the spot (its 催告书 is served); absent in cases started before. */
    service?: AgencyProfile['service'];
    audiovisual?: AgencyProfile['investigation']['audiovisual'];
  };
  officer: Actor;
  /** The case as the record shows it (facts, party, the officer's opinion). */
  form: InitiationForm;
  /** The 文号 typed (`documentNumber`, the agency numbers by hand) or given as the case is written (`assign`): one of them. */
  decision: {
    documentNumber?: string;
    assign?: AssignedRule;
    decidedAt: string;
    place: string;
    content: string;
    summary: string;
    items: Record<string, string>;
  };
  collection?: Collection;
  /** The fine in fen (分); absent for a warning, and in cases started before it was passed. */
  fineFen?: number;
  /** The audio-video record of a disputed procedure; its file is due within the profile's period. */
  audiovisual?: AvEvidence;
}

export const workflowIdForSummary = (caseId: string) => `summary-${caseId}`;

/** Returns once the case, its decision and its first tasks are written (used with update-with-start). */
export const summaryRegisteredUpdate = defineUpdate<CaseState>('summaryRegistered');
