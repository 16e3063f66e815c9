import { Actor, Role } from './roles';

/** Roles that may read every case of their agency; officers see their agency's cases too (issue: unit scoping later). */
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
