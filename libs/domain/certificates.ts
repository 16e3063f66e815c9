import { addDays, chinaDate } from '../calendar/dates';

/**
 * 行政处罚法 第四十二条: 行政处罚应当由具有行政执法资格的执法人员实施 — an officer acts only on a day
 * their 执法证件 is valid. Validity runs by China calendar day, both ends inclusive: a certificate
 * "有效期至2026-01-31" still holds on 31 January (until 24:00 China time) and no longer on 1 February.
 */
export interface Certificate {
  number: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Why a certificate does not hold on a day: a stable code per reason. */
export type CertificateRefusal =
  'CERTIFICATE_MISSING' | 'CERTIFICATE_VALIDITY_UNKNOWN' | 'CERTIFICATE_NOT_YET_VALID' | 'CERTIFICATE_EXPIRED';

/**
 * Does the certificate hold on `day` (a China date 'YYYY-MM-DD')? A certificate without a recorded
 * validity cannot be shown to hold, so it does not: the administrator records it from the card.
 */
export function certificateRefusal(c: Certificate, day: string): CertificateRefusal | null {
  if (!c.number) return 'CERTIFICATE_MISSING';
  if (!c.validFrom || !c.validTo) return 'CERTIFICATE_VALIDITY_UNKNOWN';
  if (day < c.validFrom) return 'CERTIFICATE_NOT_YET_VALID';
  if (day > c.validTo) return 'CERTIFICATE_EXPIRED';
  return null;
}

/** The Chinese message naming the officer and the date, e.g. 张执法人员的执法证件有效期至2026-01-31，已过期. */
export function certificateMessage(name: string, c: Certificate, refusal: CertificateRefusal): string {
  switch (refusal) {
    case 'CERTIFICATE_MISSING':
      return `${name}未登记执法证件，不得从事执法活动`;
    case 'CERTIFICATE_VALIDITY_UNKNOWN':
      return `${name}的执法证件（${c.number}）未登记有效期，不得从事执法活动`;
    case 'CERTIFICATE_NOT_YET_VALID':
      return `${name}的执法证件自${c.validFrom}起生效，尚未生效`;
    case 'CERTIFICATE_EXPIRED':
      return `${name}的执法证件有效期至${c.validTo}，已过期`;
  }
}

/** The certificate's refusal on the China day of `at`, with its message; null when it holds. */
export function certificateCheck(name: string, c: Certificate, at: Date): { code: CertificateRefusal; message: string } | null {
  const refusal = certificateRefusal(c, chinaDate(at));
  return refusal && { code: refusal, message: certificateMessage(name, c, refusal) };
}

/**
 * The window of "expiring within N days" seen on `today`: certificates whose last valid day is from
 * today (still valid, for the last time) to today + N. Already expired ones are not renewals due but
 * refusals (certificateRefusal).
 */
export function expiryWindow(today: string, withinDays: number): { from: string; to: string } {
  return { from: today, to: addDays(today, withinDays) };
}

/** Whole days from `today` to the certificate's last valid day (0: today is the last). */
export function daysLeft(today: string, validTo: string): number {
  return Math.round((Date.parse(`${validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
