/** A menu entry of the workbench and the roles it is shown to. */
export interface MenuItem {
  name: string;
  label: string;
  roles: readonly string[];
}

const CASE_ROLES = ['officer', 'unit_head', 'legal_reviewer', 'chief', 'archivist', 'supervisor'];
// Those who complete tasks (task.complete in the permission matrix): a supervisor urges, never completes.
const TASK_ROLES = ['officer', 'unit_head', 'legal_reviewer', 'chief', 'archivist'];

// Shown by role for orientation only: what a user may do is decided by the API (libs/domain/permissions.ts).
const MENU: readonly MenuItem[] = [
  { name: 'tasks', label: '待办', roles: CASE_ROLES },
  { name: 'done', label: '已办', roles: TASK_ROLES },
  { name: 'cases', label: '案件', roles: CASE_ROLES },
  { name: 'case-new', label: '新建案件', roles: ['officer'] },
  { name: 'supervision', label: '督办', roles: ['supervisor', 'chief'] },
];

export function menuFor(role: string | undefined): MenuItem[] {
  return MENU.filter((m) => role !== undefined && m.roles.includes(role));
}
