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
  { name: 'admin-users', label: '用户管理', roles: ['admin', 'agency_admin'] },
  { name: 'admin-units', label: '科室管理', roles: ['admin', 'agency_admin'] },
  // The calendar is shared by every agency: only the system administrator loads it (calendar.load).
  { name: 'admin-calendar', label: '节假日日历', roles: ['admin'] },
  { name: 'admin-profiles', label: '执法规则', roles: ['admin', 'agency_admin'] },
];

export function menuFor(role: string | undefined): MenuItem[] {
  return MENU.filter((m) => role !== undefined && m.roles.includes(role));
}

/** The page a user lands on: 待办 for those who have tasks, else their menu's first page. */
export function homeOf(role: string | undefined): string {
  return menuFor(role)[0]?.name ?? 'tasks';
}
