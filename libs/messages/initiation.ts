import { defineUpdate } from '@temporalio/workflow';
import { CaseSource, InitiationForm } from '../domain/case';
import { Actor } from '../domain/roles';
import type { Numbering } from '../domain/numbering';
import type { AgencyProfile } from '../profiles/schema';
import type { StageInput } from './stage';
import type { CaseState } from './tasks';

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
    /** 案号 and 文号 rules; absent in cases started before numbering (filed without a 案号, decisions numbered by hand). */
    numbering?: Numbering;
  };
  source: CaseSource;
  emergency: boolean;
  officer: Actor;
  form: InitiationForm;
}

export const workflowIdForInitiation = (caseId: string) => `initiation-${caseId}`;

/** Returns once the case row and its first record entries are committed (used with update-with-start). */
export const caseRegisteredUpdate = defineUpdate<CaseState>('caseRegistered');
