import type { AgencyProfile } from '../profiles/schema';

/** The part of a profile the service rules read. */
type AvRules = { investigation: Pick<AgencyProfile['investigation'], 'audiovisual'> };
import type { AvEvidence } from '../messages/investigation';
import type { Actor } from './roles';
import type { ServiceRefusal } from './refusals/service';

/**
 * Methods of service (glossary; 民事诉讼法 87–95), in the order they are normally tried. These are
 * stored names: 'public_notice' is 公告送达 (service by public notice), not the 公示告知 method of
 * telling someone (NOTIFICATION_METHODS in tasks.ts), which has the same stored name.
 */
export const SERVICE_METHODS = ['direct', 'postal', 'electronic', 'entrusted', 'forwarded', 'lodged', 'public_notice'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  direct: '直接送达',
  postal: '邮寄送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  forwarded: '转交送达',
  lodged: '留置送达',
  public_notice: '公告送达',
};

export const SERVED_DOCUMENTS = ['decision', 'pre_decision_notice', 'demand_notice', 'other'] as const;
export type ServedDocument = (typeof SERVED_DOCUMENTS)[number];

/** How an attempt was made: what each method must record (000 第十五至二十二条, 004 第二十一至二十三条). */
export interface AttemptInput {
  method: ServiceMethod;
  startedAt: string;
  /** Registered mail or express: carrier, tracking number, address. */
  postal?: { carrier: string; trackingNumber: string; address: string };
  /** Entrusted or forwarded: why, and to whom. */
  via?: { reason: string; to: string };
  /** Electronic: the address the recipient consented to. */
  electronic?: { address: string; consentedAt: string };
  /** 公告送达: where it was posted or published. */
  publicNotice?: { carrier: 'posting' | 'newspaper' | 'website'; place: string; audiovisual?: AvEvidence };
}

/** How an attempt ended: the service receipt (送达回证) date is the date of service. */
export interface OutcomeInput {
  outcome: 'served' | 'failed';
  at: string;
  receipt?: { signedBy: string; receiptNumber?: string };
  /** 留置送达: the refusal, its date, the witness, the audio-video of it. */
  lodged?: { refusalReason: string; witness: string; audiovisual?: AvEvidence };
  failureReason?: string;
}

export type AttemptState = 'pending' | 'served' | 'failed' | 'timed_out';

export interface Attempt extends AttemptInput {
  id: string;
  by: Actor;
  dueAt: string;
  /** False while `dueAt` is an estimate (a year without a published schedule); absent in older views. */
  complete?: boolean;
  missingYears?: number[];
  state: AttemptState;
  outcome?: OutcomeInput & { by: Actor };
}

/** Whether the profile wants this attempt recorded on audio-video (lodged service; posted notices…). */
export function serviceAvRequired(profile: AvRules, method: ServiceMethod, carrier?: string): boolean {
  const activity = method === 'lodged' ? 'lodged_service' : method === 'public_notice' ? 'public_notice_service' : null;
  return profile.investigation.audiovisual.mandatory.some(
    (m) => m.activity === activity && (m.onlyWhen !== 'posted_notice' || carrier === 'posting'),
  );
}

/**
 * Whether a new attempt may start (one at a time: its task opens only when none is pending); public notice only after every other way was
 * tried and failed (民事诉讼法 95: 受送达人下落不明，或者用其他方式无法送达的); electronic only with consent.
 */
export function attemptRefusal(profile: AvRules, attempts: Attempt[], a: AttemptInput): ServiceRefusal | null {
  if (a.method === 'public_notice') {
    if (!attempts.some((x) => x.method !== 'public_notice')) return 'SERVICE_PUBLIC_NOTICE_TOO_EARLY';
    if (!a.publicNotice) return 'SERVICE_METHOD_DETAILS_MISSING';
    if (serviceAvRequired(profile, 'public_notice', a.publicNotice.carrier) && !a.publicNotice.audiovisual) return 'SERVICE_AV_REQUIRED';
  }
  if (a.method === 'electronic' && !a.electronic) return 'SERVICE_ELECTRONIC_NO_CONSENT';
  if (a.method === 'postal' && !a.postal) return 'SERVICE_METHOD_DETAILS_MISSING';
  if ((a.method === 'entrusted' || a.method === 'forwarded') && !a.via) return 'SERVICE_METHOD_DETAILS_MISSING';
  return null;
}

/** Whether an attempt's outcome is complete: a receipt for service; lodged: refusal, witness, AV. */
export function outcomeRefusal(profile: AvRules, attempt: Attempt, o: OutcomeInput): ServiceRefusal | null {
  if (o.outcome === 'failed') return null;
  if (attempt.method === 'lodged') {
    if (!o.lodged) return 'SERVICE_LODGED_DETAILS_MISSING';
    if (serviceAvRequired(profile, 'lodged') && !o.lodged.audiovisual) return 'SERVICE_AV_REQUIRED';
    return null;
  }
  // Electronic service is served when it reaches the recipient's system: no signature to collect.
  if (attempt.method !== 'electronic' && !o.receipt) return 'SERVICE_RECEIPT_MISSING';
  return null;
}

/** The next method worth trying after these attempts, for the officer's task. */
export function nextMethod(attempts: Attempt[]): ServiceMethod {
  const tried = new Set(attempts.map((a) => a.method));
  return (['direct', 'postal', 'entrusted'] as const).find((m) => !tried.has(m)) ?? 'public_notice';
}

/** The attempt in one record line. */
export function describeAttempt(a: AttemptInput): string {
  const parts = [`${SERVICE_METHOD_LABELS[a.method]}（${a.startedAt}）`];
  if (a.postal) parts.push(`${a.postal.carrier}，单号${a.postal.trackingNumber}，寄往${a.postal.address}`);
  if (a.via) parts.push(`原因：${a.via.reason}，经${a.via.to}`);
  if (a.electronic) parts.push(`电子送达地址${a.electronic.address}（${a.electronic.consentedAt}同意）`);
  if (a.publicNotice) parts.push(`公告载体：${a.publicNotice.place}`);
  return parts.join('，');
}
