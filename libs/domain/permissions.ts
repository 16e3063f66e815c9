import { ROLES, Role } from './roles';

/**
 * Who may act, on which case: one declared matrix for every state-changing route,
 * applied by one guard (apps/api/src/auth/permission.guard.ts). A relation names a role and, for the
 * case's own people, how the actor stands to the case:
 * - `handler`: the handling officer (承办人), or an officer the case names as investigating officer
 *   (行政处罚法 42: 执法人员不得少于两人 — both act on the case);
 * - `handling_unit_head`: the head of the handling officer's unit (承办机构负责人), not any unit head;
 * - a bare role (`chief`, `legal_reviewer`, `archivist`, `supervisor`, `officer`): any such person of
 *   the case's agency; `admin`: the system administrator (shared data and every agency's
 *   administration, no case);
 * - `agency_admin`: the agency administrator (机构管理员) of the target agency, not of another;
 * - `self`: any logged-in user acting on their own account (logout, password).
 * Another agency's case answers as a missing one (404 CASE_NOT_FOUND): no existence leak.
 */
export type Relation =
  | 'handler'
  | 'handling_unit_head'
  | 'officer'
  | 'legal_reviewer'
  | 'chief'
  | 'archivist'
  | 'supervisor'
  | 'admin'
  | 'agency_admin'
  | 'self';

/**
 * What the route acts on, and so which agency it touches:
 * - `case`: the case `:id` names; `task`: the task `:id` names (its case decides);
 * - `agency` (an agency's administration): the agency the path's `:agencyId` names (e.g.
 *   `PUT /admin/agencies/{agencyId}/profile`, an agency that may not exist yet), else the body's
 *   `agencyId` (`POST /admin/users`), else the actor's own (`POST /admin/units` by its administrator);
 * - `user`: the user `:id` names (`/admin/users/{id}`), whose agency decides;
 * - `unit`: the unit `:id` names (`/admin/units/{id}`), whose agency decides;
 * - `none`: no case and no agency (the actor's own account, shared data).
 */
export type Scope = 'case' | 'task' | 'agency' | 'user' | 'unit' | 'none';

/** Scopes of an agency's administration: the target is an agency, not a case. */
export const ADMINISTRATION_SCOPES: readonly Scope[] = ['agency', 'user', 'unit'];

export interface ActionRule {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path as the OpenAPI document has it (after the global `api` prefix). */
  path: string;
  scope: Scope;
  who: readonly Relation[];
  label: string;
}

const H: Relation = 'handler';
/** The system administrator for every agency, an agency administrator for its own. */
const ADMINS: readonly Relation[] = ['admin', 'agency_admin'];
const U: Relation = 'handling_unit_head';
const c = (path: string) => `/api/v1/cases/{id}${path}`;

export const ACTIONS = {
  'case.start': { method: 'POST', path: '/api/v1/cases', scope: 'none', who: ['officer'], label: '立案申请' },
  'summary.decide': { method: 'POST', path: '/api/v1/summary-cases', scope: 'none', who: ['officer'], label: '简易程序当场处罚' },
  'case.operation': { method: 'POST', path: c('/operations'), scope: 'case', who: [H, U], label: '中止、恢复、终结、移送' },
  'record.add': { method: 'POST', path: c('/records'), scope: 'case', who: [H], label: '调查取证记录' },
  'av.add': { method: 'POST', path: c('/av-records'), scope: 'case', who: [H], label: '音像记录' },
  'av.upload': { method: 'PUT', path: c('/av-records/{recordId}/file'), scope: 'case', who: [H], label: '上传音像文件' },
  'evidence.flag': { method: 'POST', path: c('/evidence/{recordId}/flags'), scope: 'case', who: [H, U, 'chief'], label: '标注保密' },
  'measure.apply': { method: 'POST', path: c('/measures'), scope: 'case', who: [H], label: '查封、扣押等强制措施' },
  'measure.pause': {
    method: 'POST',
    path: c('/measures/{measureId}/pauses'),
    scope: 'case',
    who: [H],
    label: '强制措施期限暂停（检测、鉴定）',
  },
  'measure.resume': { method: 'POST', path: c('/measures/{measureId}/resumption'), scope: 'case', who: [H], label: '强制措施期限恢复' },
  'measure.extend': {
    method: 'POST',
    path: c('/measures/{measureId}/extension-request'),
    scope: 'case',
    who: [H],
    label: '强制措施延长申请',
  },
  'measure.decide': { method: 'POST', path: c('/measures/{measureId}/decision'), scope: 'case', who: [H], label: '强制措施处理决定' },
  'draft.submit': { method: 'POST', path: c('/draft-decision'), scope: 'case', who: [H], label: '处罚决定草案' },
  'review.collective': {
    method: 'POST',
    path: c('/collective-discussions'),
    scope: 'case',
    who: ['chief', 'legal_reviewer'],
    label: '集体讨论',
  },
  'review.expert': { method: 'POST', path: c('/expert-reviews'), scope: 'case', who: [H, 'legal_reviewer'], label: '专家论证' },
  'decision.extend': {
    method: 'POST',
    path: c('/decision-deadline/extension-request'),
    scope: 'case',
    who: [H],
    label: '办案期限延长申请',
  },
  'notice.serve': { method: 'POST', path: c('/pre-decision-notice'), scope: 'case', who: [H], label: '行政处罚事先告知' },
  'notice.statement': { method: 'POST', path: c('/statements'), scope: 'case', who: [H], label: '陈述申辩' },
  'notice.waiver': { method: 'POST', path: c('/waivers'), scope: 'case', who: [H], label: '放弃陈述申辩、听证' },
  'hearing.request': { method: 'POST', path: c('/hearing-requests'), scope: 'case', who: [H], label: '听证申请' },
  'hearing.schedule': { method: 'POST', path: c('/hearing'), scope: 'case', who: [H], label: '听证通知' },
  'hearing.record': { method: 'POST', path: c('/hearing/record'), scope: 'case', who: [H], label: '听证笔录' },
  'hearing.report': { method: 'POST', path: c('/hearing/report'), scope: 'case', who: [H], label: '听证报告' },
  'decision.issue': { method: 'POST', path: c('/decision'), scope: 'case', who: [H, 'chief'], label: '行政处罚决定书' },
  'service.attempt': { method: 'POST', path: c('/services/{serviceId}/attempts'), scope: 'case', who: [H], label: '送达' },
  'service.outcome': { method: 'POST', path: c('/services/{serviceId}/outcome'), scope: 'case', who: [H], label: '送达结果' },
  'service.address': { method: 'POST', path: c('/service-address'), scope: 'case', who: [H], label: '送达地址确认' },
  'execution.payment': { method: 'POST', path: c('/payments'), scope: 'case', who: [H], label: '缴款' },
  'execution.remedy': { method: 'POST', path: c('/remedies'), scope: 'case', who: [H, 'legal_reviewer'], label: '复议、诉讼' },
  'execution.demand': { method: 'POST', path: c('/demand-notice'), scope: 'case', who: [H], label: '催告书' },
  'execution.demandStatement': { method: 'POST', path: c('/demand-notice/statements'), scope: 'case', who: [H], label: '催告后陈述申辩' },
  'execution.courtApplication': { method: 'POST', path: c('/court-application'), scope: 'case', who: [H], label: '申请法院强制执行' },
  'execution.courtResult': { method: 'POST', path: c('/court-result'), scope: 'case', who: [H], label: '法院裁定' },
  'execution.compulsory': { method: 'POST', path: c('/compulsory-execution'), scope: 'case', who: ['chief'], label: '强制执行决定' },
  'execution.compulsoryResult': { method: 'POST', path: c('/compulsory-execution/result'), scope: 'case', who: [H], label: '强制执行结果' },
  'document.regenerate': {
    method: 'POST',
    path: c('/documents/{documentId}/regenerate'),
    scope: 'case',
    who: [H, U, 'chief'],
    label: '文书更正（依记录重新生成新版本）',
  },
  'archive.access': { method: 'POST', path: c('/access-requests'), scope: 'case', who: ['officer'], label: '案卷借阅申请' },
  'archive.file': { method: 'POST', path: c('/archive'), scope: 'case', who: ['archivist'], label: '立卷归档' },
  // A task is completed by its own role and assignee (libs/domain/tasks.ts completionRefusal): the
  // matrix admits the roles that receive tasks, a unit head only for their own unit's cases.
  'task.complete': {
    method: 'POST',
    path: '/api/v1/tasks/{id}/completion',
    scope: 'task',
    who: ['officer', U, 'legal_reviewer', 'chief', 'archivist'],
    label: '办理待办',
  },
  'task.transfer': { method: 'POST', path: '/api/v1/tasks/{id}/transfer', scope: 'task', who: [U, 'chief'], label: '转交待办' },
  'task.urge': { method: 'POST', path: '/api/v1/tasks/{id}/urge', scope: 'task', who: ['supervisor', 'chief', U], label: '催办' },
  'calendar.load': { method: 'PUT', path: '/api/v1/calendar/years/{year}', scope: 'none', who: ['admin'], label: '工作日历' },
  'unit.create': { method: 'POST', path: '/api/v1/admin/units', scope: 'agency', who: ADMINS, label: '新增科室' },
  'unit.change': { method: 'PATCH', path: '/api/v1/admin/units/{id}', scope: 'unit', who: ADMINS, label: '科室更名、撤销' },
  'user.create': { method: 'POST', path: '/api/v1/admin/users', scope: 'agency', who: ADMINS, label: '新增人员' },
  'user.change': { method: 'PATCH', path: '/api/v1/admin/users/{id}', scope: 'user', who: ADMINS, label: '人员信息、证件、停用、重置密码' },
  'agency.profile': {
    method: 'PUT',
    path: '/api/v1/admin/agencies/{agencyId}/profile',
    scope: 'agency',
    who: ADMINS,
    label: '机关执法规则配置',
  },
  'auth.logout': { method: 'POST', path: '/api/v1/auth/logout', scope: 'none', who: ['self'], label: '退出登录' },
  'auth.password': { method: 'POST', path: '/api/v1/auth/password', scope: 'none', who: ['self'], label: '修改密码' },
} as const satisfies Record<string, ActionRule>;
export type Action = keyof typeof ACTIONS;

/** Routes that need no login and so no matrix entry (login itself). */
export const PUBLIC_ACTIONS = [{ method: 'POST', path: '/api/v1/auth/login' }] as const;

export interface ActingPerson {
  id: string;
  role: Role;
  agencyId: string;
  unit: string;
}

/** The agency a route of an agency's administration touches (scopes `agency`, `user`, `unit`). */
export interface AgencyFacts {
  agencyId: string;
}

/** What the guard loads about the case once: whose it is and who handles it. */
export interface CaseFacts extends AgencyFacts {
  handlingOfficerId: string;
  handlingUnit: string;
  investigatingOfficerIds: readonly string[];
}

export type Verdict = 'allowed' | 'forbidden' | 'not_found';

const isCase = (facts: AgencyFacts | null): facts is CaseFacts => !!facts && 'handlingOfficerId' in facts;

function holds(rel: Relation, actor: ActingPerson, facts: AgencyFacts | null): boolean {
  switch (rel) {
    case 'self':
      return true;
    case 'admin':
      return actor.role === 'admin';
    case 'agency_admin':
      return actor.role === 'agency_admin' && !!facts && facts.agencyId === actor.agencyId;
    case 'handler':
      return (
        actor.role === 'officer' &&
        isCase(facts) &&
        (facts.handlingOfficerId === actor.id || facts.investigatingOfficerIds.includes(actor.id))
      );
    case 'handling_unit_head':
      return actor.role === 'unit_head' && isCase(facts) && facts.handlingUnit === actor.unit;
    default:
      return actor.role === rel;
  }
}

/**
 * May `actor` take `action` on what `facts` describes? A case-scoped action on a case that is
 * missing (`facts` null) or another agency's answers `not_found`, the same for both. In an agency's
 * administration the system administrator acts on every agency; another agency's user or unit is
 * missing for everyone else, while an agency itself is public (its profile is listed): `forbidden`.
 */
export function mayAct(actor: ActingPerson, action: Action, facts: AgencyFacts | null): Verdict {
  const rule: ActionRule = ACTIONS[action];
  if (rule.scope === 'none') return rule.who.some((rel) => holds(rel, actor, null)) ? 'allowed' : 'forbidden';
  if (!facts) return 'not_found';
  const allowed = rule.who.some((rel) => holds(rel, actor, facts));
  if (ADMINISTRATION_SCOPES.includes(rule.scope)) {
    if (allowed) return 'allowed';
    return rule.scope !== 'agency' && facts.agencyId !== actor.agencyId ? 'not_found' : 'forbidden';
  }
  if (facts.agencyId !== actor.agencyId) return 'not_found';
  return allowed ? 'allowed' : 'forbidden';
}

/**
 * The agency an administrator's list reads (`GET /admin/users`, `/admin/units`): the system
 * administrator any one asked for, or every agency (`undefined`); an agency administrator their own
 * only. `null`: not theirs to read (another agency asked, or not an administrator).
 */
export function administeredAgency(actor: Pick<ActingPerson, 'role' | 'agencyId'>, requested?: string): string | undefined | null {
  if (actor.role === 'admin') return requested;
  if (actor.role === 'agency_admin') return !requested || requested === actor.agencyId ? actor.agencyId : null;
  return null;
}

/**
 * Roles an administrator may give: the system administrator every role; an agency administrator every
 * role of its agency's people (another agency administrator included), never the system administrator.
 */
export function assignableRoles(actor: Pick<ActingPerson, 'role'>): readonly Role[] {
  if (actor.role === 'admin') return ROLES;
  if (actor.role === 'agency_admin') return ROLES.filter((r) => r !== 'admin');
  return [];
}

/** The matrix's action for a route, by method and OpenAPI path. */
export function actionOf(method: string, path: string): Action | undefined {
  return (Object.keys(ACTIONS) as Action[]).find((a) => ACTIONS[a].method === method.toUpperCase() && ACTIONS[a].path === path);
}
