import { Role, SYSTEM_AGENCY } from '#libs/domain/roles';
import { findProfile } from '#libs/profiles/index';
import { FieldError } from '../common/api.exception';

/**
 * Is `agencyId` an agency `role` may belong to? An agency with a profile takes every role but the
 * system administrator's, whose agency is `system` alone.
 */
export function agencyErrors(agencyId: string, role: Role): FieldError[] {
  if (role === 'admin')
    return agencyId === SYSTEM_AGENCY
      ? []
      : [{ field: 'role', code: 'ROLE_NOT_IN_AGENCY', message: `系统管理员只能属于 ${SYSTEM_AGENCY}，不能属于某一机关` }];
  if (findProfile(agencyId)) return [];
  return [{ field: 'agencyId', code: 'AGENCY_UNKNOWN', message: `没有机关 ${agencyId}（须为已配置执法规则的机关）` }];
}

/** Is there such an agency at all (a unit's agency): one with a profile, or the system's own. */
export function isAgency(agencyId: string): boolean {
  return agencyId === SYSTEM_AGENCY || !!findProfile(agencyId);
}
