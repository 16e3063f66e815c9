import { Role, SYSTEM_AGENCY } from '#libs/domain/roles';
import { FieldError } from '../common/api.exception';
import { ProfileRegistry } from '../profiles/profile-registry';

/**
 * Is `agencyId` an agency `role` may belong to? An agency in the profile registry (built-in or
 * loaded at run time) takes every role but the system administrator's, whose agency is `system` alone.
 */
export async function agencyErrors(registry: ProfileRegistry, agencyId: string, role: Role): Promise<FieldError[]> {
  if (role === 'admin')
    return agencyId === SYSTEM_AGENCY
      ? []
      : [{ field: 'role', code: 'ROLE_NOT_IN_AGENCY', message: `系统管理员只能属于 ${SYSTEM_AGENCY}，不能属于某一机关` }];
  if ((await registry.nameOf(agencyId)) !== undefined) return [];
  return [{ field: 'agencyId', code: 'AGENCY_UNKNOWN', message: `没有机关 ${agencyId}（须为已配置执法规则的机关）` }];
}

/** Is there such an agency at all (a unit's agency): one in the profile registry, or the system's own. */
export async function isAgency(registry: ProfileRegistry, agencyId: string): Promise<boolean> {
  return agencyId === SYSTEM_AGENCY || (await registry.nameOf(agencyId)) !== undefined;
}
