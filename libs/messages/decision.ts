import type { DueTime } from '../domain/deadlines';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/roles';
import type { AssignedRule } from '../domain/numbering';
import type { AgencyProfile } from '../profiles/schema';
import type { StageInput } from './stage';

/** What the decision stage pins when the case is filed (立案). */
export interface DecisionInput extends StageInput {
  caseId: string;
  filedAt: string;
  handlingOfficerId: string;
  profile: {
    id: string;
    version: number;
    regulationTitle: string;
    decision: AgencyProfile['decision'];
    /** For serving and executing the decision; absent in cases filed before those stages existed. */
    service?: AgencyProfile['service'];
    audiovisual?: AgencyProfile['investigation']['audiovisual'];
    execution?: AgencyProfile['execution'];
    archiving?: AgencyProfile['archiving'];
  };
}

export interface DecisionDeadlineView {
  dueAt: string;
  lastDay: string | null;
  complete: boolean;
  /** Years without a published schedule the due time reaches (absent from histories written before it). */
  missingYears?: number[];
  extended: boolean;
  extensionRequested: boolean;
  /** `paused` while the case is suspended (中止): `dueAt` is then the due time before the suspension. */
  state: 'running' | 'paused' | 'overdue' | 'met';
}

export const workflowIdForDecision = (caseId: string) => `decision-${caseId}`;

export const decisionDeadlineQuery = defineQuery<DecisionDeadlineView>('decisionDeadline');
/** Asks the chief to extend the decision deadline, where the profile has a 规章 that allows it. */
export const requestDecisionExtensionUpdate = defineUpdate<DecisionDeadlineView, [{ reason: string; by: Actor }]>(
  'requestDecisionExtension',
);

/**
 * The pre-decision notice (事先告知: 行政处罚法 44, 45, 63) and what the party did with it. Its wire
 * names ('notice', 'recordNoticeServed') stay as running cases and stored histories know them.
 */
export interface PreDecisionNoticeView {
  servedAt: string | null;
  /** The service workflow serving it, while it is being served. */
  serviceId?: string | null;
  rights: string[];
  statementDueAt: string | null;
  hearingRequestDueAt: string | null;
  waived: { statement: boolean; hearing: boolean };
  hearingRequested: boolean;
  /** The hearing once scheduled: notice, date and place, when it was held, whether the report is in. */
  hearing: { notifiedAt: string; at: string; place: string; heldAt: string | null; reported: boolean } | null;
  statementsPending: number;
  decided: boolean;
  /** The windows above (`statement`, `hearing_request`) with whether each is an estimate; absent before service. */
  deadlines?: { statement?: DueTime; hearing_request?: DueTime };
}

export interface Waiver {
  waivedAt: string;
  scope: 'statement' | 'hearing' | 'both';
  /** The party's written waiver (书面放弃), as filed. */
  document: string;
  by: Actor;
}

/** The pre-decision notice (事先告知) as it stands. */
export const preDecisionNoticeQuery = defineQuery<PreDecisionNoticeView>('notice');
/**
 * The pre-decision notice (事先告知) with the rights it tells: either already served (handed over, its date recorded), or
 * issued now and served through the service workflow — the windows start once it is served.
 */
export const recordPreDecisionNoticeServedUpdate = defineUpdate<PreDecisionNoticeView, [PreDecisionNoticeIssue]>('recordNoticeServed');
export type PreDecisionNoticeIssue =
  | { servedAt: string; rights: string[]; method: string; by: Actor }
  | { serve: { recipient: string; documentNumber: string }; rights: string[]; by: Actor };
/** The party's statement or defence arrived: it must be reviewed, adopted or not, with reasons. */
export const recordStatementUpdate = defineUpdate<PreDecisionNoticeView, [{ receivedAt: string; content: string; by: Actor }]>(
  'recordStatement',
);
export const waiveUpdate = defineUpdate<PreDecisionNoticeView, [Waiver]>('waive');
/** The party asked for a hearing; refused when asked after the window closed (行政处罚法 64). */
export const requestHearingUpdate = defineUpdate<PreDecisionNoticeView, [{ requestedAt: string; by: Actor }]>('requestHearing');
/**
 * The decision document once approved (文号, date, content). Announced to the party present, it is
 * handed over on the spot (当场交付, with who signed for it); otherwise it is served within the
 * profile's period (行政处罚法 61).
 */
export interface IssuedDecision {
  documentNumber: string;
  decidedOn: string;
  content: string;
  by: Actor;
  /** Absent in decisions issued before service existed. */
  recipient?: string;
  handedOver?: { at: string; signedBy: string };
  /** 责令改正: what to correct and by which China date (YYYY-MM-DD). */
  correction?: { content: string; deadline: string };
}
/**
 * The request to issue it: without `content` the text is the approved draft's (libs/domain/decision-text);
 * with it, it must be that text exactly (DECISION_TEXT_NOT_DRAFT). Cases decided without the chain give it.
 * The 文号 is either typed (`documentNumber`, the agency numbers by hand) or assigned as it is recorded
 * (`assign`, the rule of the case's pinned profile): exactly one of them.
 */
export type IssueDecision = Omit<IssuedDecision, 'content' | 'documentNumber'> & {
  content?: string;
  documentNumber?: string;
  assign?: AssignedRule;
};
export const issueDecisionUpdate = defineUpdate<PreDecisionNoticeView, [IssueDecision]>('issueDecision');

/** The hearing notice: the hearing must fall after the profile's period from the notice (行政处罚法 64(二)). */
export const scheduleHearingUpdate = defineUpdate<
  PreDecisionNoticeView,
  [{ notifiedAt: string; at: string; place: string; host?: string; by: Actor }]
>('scheduleHearing');
/** 听证笔录: the hearing was held. */
export const recordHearingUpdate = defineUpdate<
  PreDecisionNoticeView,
  [{ heldAt: string; participants: string; record: string; by: Actor }]
>('recordHearing');
/** 听证报告: the decision may be made once it is in. */
export const hearingReportUpdate = defineUpdate<PreDecisionNoticeView, [{ report: string; by: Actor }]>('hearingReport');
