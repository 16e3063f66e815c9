import { Actor, Role } from './roles';

/** Who must act when a deadline ran out: a role, or a named person in it. */
export interface MustAct {
  role: Role;
  userId?: string;
}

/** What happened, as a stable code; the summary says it in Chinese for people. */
export const RECORD_ACTIONS = [
  'case_registered',
  'emergency_started',
  'task_completed',
  'case_initiated',
  'case_declined',
  'deadline_escalated',
  'deadline_recomputed',
  'deadline_last_day',
  'deadline_warning',
  'deadline_set',
  'deadline_extension_requested',
  'deadline_extended',
  'notice_served',
  'statement_received',
  'waiver_filed',
  'hearing_requested',
  'hearing_scheduled',
  'hearing_held',
  'hearing_reported',
  'expert_review_recorded',
  'collective_discussion_recorded',
  'decision_issued',
  'fine_collected',
  'service_started',
  'service_attempted',
  'service_failed',
  'document_served',
  'document_generated',
  'service_address_confirmed',
  'execution_started',
  'payment_recorded',
  'payment_overdue',
  'remedy_recorded',
  'remedy_periods_ended',
  'demand_notice_drafted',
  'court_application_filed',
  'court_result_recorded',
  'compulsory_execution_decided',
  'compulsory_execution_done',
  'case_ended',
  'case_archived',
  'task_transferred',
  'task_urged',
  'record_flagged',
  'record_read',
  'access_requested',
  'party_copy_made',
  'evidence_recorded',
  'av_file_stored',
  'measure_taken',
  'measure_paused',
  'measure_resumed',
  'measure_extended',
  'measure_decided',
  'deadline_paused',
  'deadline_resumed',
  'case_operation_requested',
  'case_operation_approved',
  'case_operation_rejected',
  'case_suspended',
  'case_resumed',
  'case_terminated',
  'case_transferred',
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/**
 * One step of the whole-process record (留痕): who, in what role, what, and on what legal basis. When
 * is not the caller's to say: the database stamps each entry as it appends it (README "The record
 * cannot be quietly edited"). `key` makes the append idempotent: a retried activity writes the same
 * key and changes nothing.
 */
export interface RecordEntryInput {
  caseId: string;
  key: string;
  actor: Actor | null;
  action: RecordAction;
  summary: string;
  legalBasis?: string;
  details?: Record<string, unknown>;
}
