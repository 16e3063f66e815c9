import type { ServiceMethod } from '#libs/domain/service';
import { formErrors, type FormErrors } from './field-errors';
import { pickedInstant } from './time';

/** One attempt to serve as typed (AttemptDto): only the method's own details are sent. */
export interface AttemptForm {
  method: ServiceMethod;
  startedAt: string;
  postal: { carrier: string; trackingNumber: string; address: string };
  via: { reason: string; to: string };
  publicNotice: { carrier: 'posting' | 'newspaper' | 'website'; place: string };
}

/** How the pending attempt ended as typed (OutcomeDto). */
export interface OutcomeForm {
  outcome: 'served' | 'failed';
  at: string;
  receipt: { signedBy: string; receiptNumber: string };
  lodged: { refusalReason: string; witness: string };
  failureReason: string;
}

export const ATTEMPT_FIELDS = [
  'method',
  'startedAt',
  'postal.carrier',
  'postal.trackingNumber',
  'postal.address',
  'via.reason',
  'via.to',
  'publicNotice.carrier',
  'publicNotice.place',
] as const;

export const OUTCOME_FIELDS = [
  'outcome',
  'at',
  'receipt.signedBy',
  'receipt.receiptNumber',
  'lodged.refusalReason',
  'lodged.witness',
  'failureReason',
] as const;

/** The details each method records (AttemptDto's conditions): 邮寄 its post, 委托/转交 why and whom. */
export function attemptDetails(method: ServiceMethod): 'postal' | 'via' | 'publicNotice' | null {
  if (method === 'postal') return 'postal';
  if (method === 'entrusted' || method === 'forwarded') return 'via';
  return method === 'public_notice' ? 'publicNotice' : null;
}

const text = (v: string) => v.trim() || undefined;

export function attemptBody(form: AttemptForm) {
  const details = attemptDetails(form.method);
  return {
    method: form.method,
    startedAt: pickedInstant(form.startedAt),
    postal: details === 'postal' ? { ...form.postal, address: text(form.postal.address) } : undefined,
    via: details === 'via' ? form.via : undefined,
    publicNotice: details === 'publicNotice' ? form.publicNotice : undefined,
  };
}

/**
 * The outcome's body: a served attempt with its 送达回证 signer, or — an attempt by 留置送达 — the
 * refusal and its witness instead (民事诉讼法 第八十九条); electronic service reaches the recipient's
 * system with no signature to collect; a failed attempt with its reason.
 */
export function outcomeBody(form: OutcomeForm, method: ServiceMethod | null) {
  const served = form.outcome === 'served';
  const lodged = served && method === 'lodged';
  const signed = served && !lodged && method !== 'electronic';
  return {
    outcome: form.outcome,
    at: pickedInstant(form.at),
    receipt: signed ? { signedBy: form.receipt.signedBy, receiptNumber: text(form.receipt.receiptNumber) } : undefined,
    lodged: lodged ? form.lodged : undefined,
    failureReason: served ? undefined : form.failureReason,
  };
}

export const attemptErrors = (body: unknown): FormErrors<(typeof ATTEMPT_FIELDS)[number]> => formErrors(body, ATTEMPT_FIELDS);
export const outcomeErrors = (body: unknown): FormErrors<(typeof OUTCOME_FIELDS)[number]> => formErrors(body, OUTCOME_FIELDS);
