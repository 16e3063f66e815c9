import { ACTIONS } from '#libs/domain/permissions';
import { TASK_SPECS, type NotificationMethod, type TaskKind } from '#libs/domain/tasks';
import type { ReturnStep, ReviewFinding } from '#libs/domain/review';
import { archiveFields, type ArchiveField } from './archive';
import { formErrors, type FormErrors } from './field-errors';
import { chinaInstant } from './time';

/** Whether a form shows a field, and whether the API (or the case workflow) refuses the task without it. */
export type Need = 'required' | 'optional' | null;

/** What the agency's profile asks of the task forms: the review chain (decision.chiefApproval, decision.legalReview…) and the 归档. */
export interface ChainRules {
  approvalFields: readonly string[];
  approvalTitle: string;
  legalReviewFields: readonly string[];
  /** The officer's draft must record the discretion benchmark applied (decision.discretionBenchmark). */
  discretionRequired: boolean;
  /** The archive fields the profile requires (archiving.fields). */
  archiveFields: readonly ArchiveField[];
}

/** The extra fields of a task's completion form, beyond the decision and the opinion. */
export interface CompletionFields {
  signature: Need;
  signedAt: Need;
  /** 受委托签批: a deputy signing for the chief, with whom for and the basis. */
  delegation: boolean;
  returnTo: boolean;
  findings: boolean;
  suggestions: Need;
  notification: boolean;
  receipt: boolean;
}

/** The form as typed: wall-clock times as the pickers give them (`2026-03-05 14:30`, China time). */
export interface CompletionForm {
  decision: string;
  opinion: string;
  signature: string;
  signedAt: string;
  delegated: boolean;
  delegation: { onBehalfOf: string; basis: string };
  returnTo: ReturnStep | '';
  findings: ReviewFinding[];
  suggestions: string;
  notification: { method: NotificationMethod; notifiedAt: string; recipient: string; note: string };
  receipt: { receivedBy: string; receivedAt: string; documentNumber: string };
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The chain's rules from a profile as GET /profiles/{id} answers it (sections are open JSON there). */
export function chainRules(decision: Record<string, unknown> | undefined, archiving?: Record<string, unknown>): ChainRules {
  const approval = (decision?.chiefApproval ?? {}) as { fields?: unknown; title?: unknown };
  const legal = (decision?.legalReview ?? {}) as { recordedFields?: { fields?: unknown } };
  const discretion = (decision?.discretionBenchmark ?? {}) as { recorded?: unknown };
  return {
    approvalFields: list(approval.fields),
    approvalTitle: typeof approval.title === 'string' ? approval.title : '负责人',
    legalReviewFields: list(legal.recordedFields?.fields),
    discretionRequired: discretion.recorded === true,
    archiveFields: archiveFields(archiving),
  };
}

/**
 * The fields a task's completion takes (CompleteTaskDto), and which the case refuses it without:
 * the chief's signature and its date where the profile lists them (workflows/decision/review-chain.ts),
 * the return step when the approval returns the draft, the legal reviewer's suggestions where the
 * profile records them, the notification of a declined start and the receipt of a transferred case.
 */
export function completionFields(kind: string, decision: string, rules: ChainRules): CompletionFields {
  const approval = kind === 'decision_approval';
  const review = kind === 'draft_review' || kind === 'legal_review';
  const need = (wanted: boolean, required: boolean): Need => (wanted ? (required ? 'required' : 'optional') : null);
  return {
    signature: need(approval, rules.approvalFields.includes('signature')),
    signedAt: need(approval, rules.approvalFields.includes('signed_at')),
    delegation: approval,
    returnTo: approval && decision === 'return',
    findings: review,
    suggestions: need(review, kind === 'legal_review' && rules.legalReviewFields.includes('suggestions')),
    notification: kind === 'decline_notification',
    receipt: kind === 'transfer_receipt',
  };
}

/** The completion's body: only the fields the task takes, the times as instants, nothing left empty. */
export function completionBody(form: CompletionForm, fields: CompletionFields) {
  const text = (v: string) => v.trim() || undefined;
  const when = (v: string) => (v ? chinaInstant(v) : undefined);
  return {
    decision: form.decision,
    opinion: form.opinion,
    signature: fields.signature ? text(form.signature) : undefined,
    signedAt: fields.signedAt ? when(form.signedAt) : undefined,
    delegation: fields.delegation && form.delegated ? form.delegation : undefined,
    returnTo: fields.returnTo && form.returnTo ? form.returnTo : undefined,
    findings: fields.findings && form.findings.length ? form.findings : undefined,
    suggestions: fields.suggestions ? text(form.suggestions) : undefined,
    notification: fields.notification
      ? { ...form.notification, notifiedAt: when(form.notification.notifiedAt) ?? '', note: text(form.notification.note) }
      : undefined,
    receipt: fields.receipt ? { ...form.receipt, receivedAt: when(form.receipt.receivedAt) ?? '' } : undefined,
  };
}

/**
 * Refusals of the case (its workflow's validators, the API's completion check) that are about one
 * field of the form without naming a field path: shown next to that field all the same.
 */
const REFUSAL_FIELDS: Record<string, string> = {
  APPROVAL_SIGNATURE_REQUIRED: 'signature',
  APPROVAL_SIGNED_AT_REQUIRED: 'signedAt',
  LEGAL_REVIEW_SUGGESTIONS_REQUIRED: 'suggestions',
  TASK_RETURN_STEP_REQUIRED: 'returnTo',
};

/** A refused completion's errors on the form: the API's field errors, and the refusals above as field errors. */
export function completionErrors<F extends string>(body: unknown, fields: readonly F[]): FormErrors<F> {
  const b = (body ?? {}) as { code?: unknown; message?: unknown; errors?: unknown };
  const field = typeof b.code === 'string' ? REFUSAL_FIELDS[b.code] : undefined;
  const bare = !Array.isArray(b.errors) || !b.errors.length;
  return formErrors(field && bare ? { ...b, errors: [{ field, code: b.code, message: b.message }] } : b, fields);
}

// The recording's file and the service have their forms in the case page's sections; the draft and the 归档 their own.
const VIA_NOTES: Partial<Record<NonNullable<(typeof TASK_SPECS)[TaskKind]['via']>, string>> = {
  upload: '在本页“调查取证记录”中上传该音像记录的文件。',
  service: '在本页“送达”中登记送达及其结果。',
};

/** Where a task is done when it is neither a plain completion nor a form of its own here, else null. */
export function doneElsewhere(kind: string): string | null {
  const via = TASK_SPECS[kind as TaskKind]?.via;
  return (via && VIA_NOTES[via]) ?? null;
}

// The matrix's relations that name a role of the case's own people (libs/domain/permissions.ts).
const RELATION_ROLES: Record<string, string> = { handler: 'officer', handling_unit_head: 'unit_head' };

/**
 * Whether the page offers a task action to the caller's role. Only to spare a form the API would
 * refuse: the permission guard stays the authority (the unit head must head the handling unit).
 */
export function offered(action: 'task.transfer' | 'task.urge', role: string | undefined): boolean {
  return ACTIONS[action].who.some((rel: string) => (RELATION_ROLES[rel] ?? rel) === role);
}
