import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DueTimes } from '../domain/deadlines';
import type { Actor } from '../domain/roles';
import type { AgencyProfile } from '../profiles/schema';
import type { StageInput } from './stage';

/** What execution pins when the decision is served: the rules, the fine and the date of service. */
export interface ExecutionInput extends StageInput {
  caseId: string;
  handlingOfficerId: string;
  profile: {
    regulationTitle: string;
    execution: AgencyProfile['execution'];
    service: AgencyProfile['service'];
    audiovisual: AgencyProfile['investigation']['audiovisual'];
    archiving: AgencyProfile['archiving'];
  };
  /** `countsFrom`: see ServiceResult; the payment and remedy periods count from it when present. */
  decision: { documentNumber: string; servedAt: string; countsFrom?: string };
  /** The party, to whom the 催告书 is served. */
  recipient: string;
  /** The fine in fen (分); null when the decision imposes none (a warning, no penalty). */
  fineFen: number | null;
  /** 责令改正: what to correct and by which China date; a re-inspection follows. */
  correction?: Correction;
}

export interface Correction {
  content: string;
  deadline: string;
}

export type RemedyKind = 'review' | 'lawsuit';

export interface RemedyView {
  /** Last moment the party may file (行政复议法 20: 60 days; 行政诉讼法 46: 6 months, from service). */
  endsAt: string;
  filedAt: string | null;
  endedAt: string | null;
  outcome: 'upheld' | 'revoked' | 'modified' | 'withdrawn' | null;
}

export interface DemandNoticeView {
  content: string;
  draftedAt: string;
  approved: boolean;
  serviceId: string | null;
  servedAt: string | null;
  statementsPending: number;
}

export interface ExecutionView {
  caseId: string;
  state: 'performing' | 'paid' | 'overdue' | 'applied_to_court' | 'ended';
  fineFen: number | null;
  payment: { dueAt: string; lastDay: string; paidAt: string | null; amountFen: number | null; receipt: string | null };
  /** 加处罚款 at the moment the view was asked for (or at payment). */
  surcharge: { days: number; amountFen: number; capped: boolean; on: string };
  remedies: Record<RemedyKind, RemedyView>;
  /** The non-litigation enforcement path: open once both remedy periods ended with nothing pending. */
  remediesEndedAt: string;
  demandNotice: DemandNoticeView | null;
  court: {
    earliest: string | null;
    latest: string;
    appliedAt: string | null;
    court: string | null;
    result: { ruling: 'enforce' | 'reject'; content: string; at: string } | null;
  };
  /** 行政强制法 37: the agency's own compulsory execution decision, where a law empowers it. */
  compulsory: {
    decidedAt: string;
    scheduledAt: string;
    measure: string;
    urgentReason: string | null;
    result: { content: string; at: string } | null;
  } | null;
  correction: (Correction & { reinspection: { at: string; corrected: boolean; record: string } | null }) | null;
  endedAt: string | null;
  /**
   * The due times above (payment, review, lawsuit, court_window) with whether each is an estimate
   * (a year without a published schedule). Optional: views projected before it existed lack it.
   */
  deadlines?: DueTimes;
}

export const workflowIdForExecution = (caseId: string) => `execution-${caseId}`;

/**
 * The execution as it stands, its surcharge computed at `on` (an ISO time). The caller says when:
 * a query does not advance the workflow's clock, which stands at its last activation.
 */
export const executionQuery = defineQuery<ExecutionView, [string]>('execution');
/** 缴纳罚款: amount, date, receipt; it must cover the fine and the surcharge then due. */
export const recordPaymentUpdate = defineUpdate<ExecutionView, [{ paidAt: string; amountFen: number; receipt: string; by: Actor }]>(
  'recordPayment',
);
/** A review or lawsuit filed or ended: pauses the surcharge while pending (行政处罚法 73). */
export const recordRemedyUpdate = defineUpdate<
  ExecutionView,
  [{ kind: RemedyKind; event: 'filed' | 'ended'; at: string; outcome?: RemedyView['outcome']; by: Actor }]
>('recordRemedy');
/** 催告书 drafted by the officer (行政强制法 35): the chief approves it, then it is served. */
export const draftDemandNoticeUpdate = defineUpdate<ExecutionView, [{ content: string; by: Actor }]>('draftDemandNotice');
/** The party's statement or defence after the 催告书 (行政强制法 36): it must be reviewed. */
export const recordDemandStatementUpdate = defineUpdate<ExecutionView, [{ receivedAt: string; content: string; by: Actor }]>(
  'recordDemandStatement',
);
/** 申请人民法院强制执行: only inside the window of 行政强制法 53 and 54. */
export const applyToCourtUpdate = defineUpdate<ExecutionView, [{ appliedAt: string; court: string; by: Actor }]>('applyToCourt');
/** The court's ruling and the result of enforcement: the case ends. */
export const recordCourtResultUpdate = defineUpdate<
  ExecutionView,
  [{ ruling: 'enforce' | 'reject'; content: string; at: string; by: Actor }]
>('recordCourtResult');
/**
 * 强制执行决定 by the agency itself (行政强制法 37), once the 催告书 was served: refused where no law
 * empowers the agency, and at night or on a holiday unless urgent with a reason (43).
 */
export const decideCompulsoryExecutionUpdate = defineUpdate<
  ExecutionView,
  [{ decidedAt: string; scheduledAt: string; measure: string; urgentReason?: string; by: Actor }]
>('decideCompulsoryExecution');
/** The compulsory execution was carried out: the case ends. */
export const recordCompulsoryResultUpdate = defineUpdate<ExecutionView, [{ content: string; at: string; by: Actor }]>(
  'recordCompulsoryResult',
);
