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

/** Who reads the access audit log. */
export const AUDIT_READERS: readonly Role[] = ['supervisor'];
