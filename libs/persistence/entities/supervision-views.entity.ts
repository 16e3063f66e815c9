import { ViewColumn, ViewEntity } from 'typeorm';

// Views defined by the migrations (DueItems, SupervisionViews, EstimatedDeadlines); read only.

/** Everything with a due time across a case: open tasks, case deadlines, services, payment, court window, measures. */
@ViewEntity({ name: 'due_items' })
export class DueItemEntity {
  @ViewColumn({ name: 'agency_id' }) agencyId: string;
  @ViewColumn({ name: 'case_id' }) caseId: string;
  @ViewColumn() kind: string;
  @ViewColumn({ name: 'due_at' }) dueAt: Date;
  /** The handling officer. */
  @ViewColumn({ name: 'officer_id' }) officerId: string | null;
  /** Who must act: a task's assignee, the handling officer for the case's own deadlines, null for anyone of `role`. */
  @ViewColumn({ name: 'assignee_id' }) assigneeId: string | null;
  @ViewColumn() role: string | null;
  @ViewColumn() stage: string;
  @ViewColumn() ref: string;
}

/** Whether a due item's time is an estimate (a year's schedule not loaded), keyed as due_items is. */
@ViewEntity({ name: 'due_estimates' })
export class DueEstimateEntity {
  @ViewColumn({ name: 'case_id' }) caseId: string;
  @ViewColumn() kind: string;
  @ViewColumn() ref: string;
  @ViewColumn() complete: boolean;
  @ViewColumn({ name: 'missing_years' }) missingYears: number[];
}

/** A case's defects, recorded or derived (late or missing recordings, late archiving): the case's view and the supervisor's. */
@ViewEntity({ name: 'accountability_items' })
export class AccountabilityItemEntity {
  @ViewColumn() id: string;
  @ViewColumn({ name: 'agency_id' }) agencyId: string;
  @ViewColumn({ name: 'case_id' }) caseId: string;
  @ViewColumn({ name: 'record_id' }) recordId: string | null;
  @ViewColumn({ name: 'person_id' }) personId: string | null;
  @ViewColumn() kind: string;
  @ViewColumn() at: Date | null;
  @ViewColumn() description: string;
  @ViewColumn({ name: 'legal_basis' }) legalBasis: string | null;
}
