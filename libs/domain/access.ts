import { Actor, Role } from './roles';

/** Every role reads the cases of its own agency, and no other agency's. */
export function canReadCase(actor: Actor, caseAgencyId: string): boolean {
  return actor.agencyId === caseAgencyId;
}

/** Only handling officers start cases (程序启动审批表 is filled by 行政执法人员). */
export function canStartCase(actor: Actor): boolean {
  return actor.role === 'officer';
}

/** Who sees escalations: the supervisor (法制监督) and the agency's chief. */
export const ESCALATION_READERS: readonly Role[] = ['supervisor', 'chief'];

/** Who reads the access audit log: the supervisor, their agency's; the administrator, every agency's logins. */
export const AUDIT_READERS: readonly Role[] = ['supervisor', 'admin'];

/** Confidentiality flags a record may carry (state secret, commercial secret, privacy). */
export const CONFIDENTIALITY = ['state_secret', 'commercial_secret', 'privacy'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];
export const CONFIDENTIALITY_LABELS: Record<Confidentiality, string> = {
  state_secret: '国家秘密',
  commercial_secret: '商业秘密',
  privacy: '个人隐私',
};

/** Roles that read a flagged record of their agency's cases whatever their unit: they review or keep it. */
const CONFIDENTIAL_READERS: readonly Role[] = ['chief', 'legal_reviewer', 'supervisor', 'archivist'];

/** A flagged record is read by those roles, and by the handling unit itself (its officers and head). */
export function canReadFlagged(reader: { role: Role; unit: string }, handlingUnit: string): boolean {
  return CONFIDENTIAL_READERS.includes(reader.role) || reader.unit === handlingUnit;
}
