import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Period } from '../calendar/period';
import type { Attempt, OutcomeInput, ServedDocument, ServiceMethod } from '../domain/service';
import type { DueTimes } from '../domain/deadlines';
import type { Actor } from '../domain/roles';
import type { AgencyProfile } from '../profiles/schema';
import type { Step } from '../domain/event-time';
import type { StageInput } from './stage';

/** One document to serve on one recipient, as a child workflow of the stage that issued it. */
export interface ServiceInput extends StageInput {
  serviceId: string;
  caseId: string;
  /**
   * `dated`: when the document came to exist (a decision's date, a notice's issue, a 催告书's approval):
   * no attempt to serve it may start before (libs/domain/event-time). Absent in services started before it.
   */
  document: { kind: ServedDocument; title: string; number: string; dated?: Step };
  recipient: string;
  officerId: string;
  profile: {
    regulationTitle: string;
    service: AgencyProfile['service'];
    investigation: Pick<AgencyProfile['investigation'], 'audiovisual'>;
  };
  /** 行政处罚法 61: the party was absent when the decision was announced: served within this period. */
  /** `from`: an instant, or the decision's China date (PeriodStart) since patch serve-from-decision-date. */
  mustServeWithin?: { from: string; period: Period; legalBasis: string };
}

export interface ServiceView {
  id: string;
  caseId: string;
  document: ServiceInput['document'];
  recipient: string;
  status: 'pending' | 'served';
  attempts: Attempt[];
  servedAt: string | null;
  method: ServiceMethod | null;
  /** 公告送达: served by the passing of the notice period, not by a receipt. */
  deemed: boolean;
  mustServeBy: string | null;
  overdue: boolean;
  /**
   * The pending attempt's due time (`service_attempt`, or `deemed_service` for a public notice)
   * and `must_serve_by`, with whether each is an estimate. Absent from views projected before it.
   */
  deadlines?: DueTimes;
}

export interface ServiceResult {
  servedAt: string;
  method: ServiceMethod;
  deemed: boolean;
  /**
   * What periods that run from service count from (a PeriodStart): the China date D of a document
   * deemed served "于 D 24:00" by 公告, else the instant of service. Absent from cases served
   * before 2026-12, which counted from `servedAt`.
   */
  countsFrom?: string;
}

/** The start of the periods that run from a service (payment, remedies, statement windows…). */
export const servedFrom = (r: Pick<ServiceResult, 'servedAt' | 'countsFrom'>): string => r.countsFrom ?? r.servedAt;

export const workflowIdForService = (caseId: string, serviceId: string) => `service-${caseId}-${serviceId}`;

export const serviceQuery = defineQuery<ServiceView>('service');
/** The officer reports how the pending attempt ended (served with its receipt, or failed and why). */
export const recordServiceOutcomeUpdate = defineUpdate<ServiceView, [OutcomeInput & { by: Actor }]>('recordServiceOutcome');

/**
 * To the stage that asked for the service, once the document is served: what follows (payment,
 * remedies, the court window) starts then, while the recordings made in serving are still due.
 */
export const serviceServedSignal = defineSignal<[ServiceResult & { serviceId: string }]>('serviceServed');
