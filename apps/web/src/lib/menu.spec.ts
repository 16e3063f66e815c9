import { homeOf, menuFor } from './menu';

describe('menu', () => {
  it('offers the 管理 pages to administrators only, the calendar to the system administrator alone', () => {
    expect(menuFor('admin').map((m) => m.label)).toEqual(['用户管理', '科室管理', '节假日日历', '执法规则']);
    expect(menuFor('agency_admin').map((m) => m.label)).toEqual(['用户管理', '科室管理', '执法规则']);
    for (const role of ['officer', 'unit_head', 'legal_reviewer', 'chief', 'archivist', 'supervisor'])
      expect(menuFor(role).some((m) => m.name.startsWith('admin-'))).toBe(false);
  });

  it('lands administrators on their first page, everyone else on 待办', () => {
    expect(homeOf('agency_admin')).toBe('admin-users');
    expect(homeOf('officer')).toBe('tasks');
  });
});
