import { createRouter, createWebHistory } from 'vue-router';
import { homeOf } from './lib/menu';
import { useSession } from './stores/session';

// Each page is its own chunk: the login page loads without the case pages' code.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true, title: '登录' } },
    { path: '/password', name: 'password', component: () => import('./pages/PasswordPage.vue'), meta: { title: '修改密码' } },
    {
      path: '/',
      component: () => import('./components/AppLayout.vue'),
      children: [
        { path: '', redirect: { name: 'tasks' } },
        { path: 'tasks', name: 'tasks', component: () => import('./pages/TasksPage.vue'), meta: { title: '待办' } },
        { path: 'done', name: 'done', component: () => import('./pages/DoneTasksPage.vue'), meta: { title: '已办' } },
        { path: 'cases', name: 'cases', component: () => import('./pages/CasesPage.vue'), meta: { title: '案件' } },
        { path: 'cases/new', name: 'case-new', component: () => import('./pages/NewCasePage.vue'), meta: { title: '新建案件' } },
        { path: 'cases/:id', name: 'case', component: () => import('./pages/CaseDetailPage.vue'), meta: { title: '案件详情' } },
        { path: 'supervision', name: 'supervision', component: () => import('./pages/SupervisionPage.vue'), meta: { title: '督办' } },
        { path: 'admin/users', name: 'admin-users', component: () => import('./pages/admin/UsersPage.vue'), meta: { title: '用户管理' } },
        { path: 'admin/units', name: 'admin-units', component: () => import('./pages/admin/UnitsPage.vue'), meta: { title: '科室管理' } },
        {
          path: 'admin/calendar',
          name: 'admin-calendar',
          component: () => import('./pages/admin/CalendarPage.vue'),
          meta: { title: '节假日日历' },
        },
        {
          path: 'admin/profiles',
          name: 'admin-profiles',
          component: () => import('./pages/admin/ProfilesPage.vue'),
          meta: { title: '执法规则' },
        },
      ],
    },
    { path: '/:rest(.*)*', redirect: { name: 'tasks' } },
  ],
});

router.beforeEach((to) => {
  const session = useSession();
  if (to.meta.public) return true;
  if (!session.loggedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  // An administrator-set password must be changed before anything else (the API answers nothing else).
  if (session.mustChangePassword && to.name !== 'password') return { name: 'password' };
  // Administrators have no 待办: their first page is their menu's first.
  if (to.name === 'tasks') return homeOf(session.user?.role) === 'tasks' || { name: homeOf(session.user?.role) };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${String(to.meta.title)} - 行政执法全过程记录` : '行政执法全过程记录';
});
