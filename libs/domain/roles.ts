/**
 * Roles of the glossary ("People (roles)"): the system administrator who maintains shared data such
 * as the working-day calendar and every agency's people, and the agency administrator (机构管理员) who
 * maintains its own agency's people and units. The party is not a login in the first version.
 */
export const ROLES = ['officer', 'unit_head', 'legal_reviewer', 'chief', 'archivist', 'supervisor', 'admin', 'agency_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员（承办人）',
  unit_head: '承办机构负责人',
  legal_reviewer: '法制审核人员',
  chief: '行政机关负责人',
  archivist: '档案管理人员',
  supervisor: '法制监督人员',
  admin: '系统管理员',
  agency_admin: '机构管理员',
};

/** The agency of the system administrator: shared data, no case, no agency's people of its own. */
export const SYSTEM_AGENCY = 'system';

/** Who is acting: carried into every record entry so each step names its author. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  agencyId: string;
}
