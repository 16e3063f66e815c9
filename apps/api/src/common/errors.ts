import { REFUSALS } from '#libs/domain/refusals';
import { statusOf } from './statuses';

/** Errors of the request itself, whatever the module. */
const REQUEST_ERRORS = {
  VALIDATION_FAILED: '请求参数有误，请按字段提示修改',
  BODY_NOT_JSON: '请求体不是有效的 JSON',
  BODY_TOO_LARGE: '请求体过大',
  BODY_TOO_DEEP: '请求体嵌套层级过深（最多 32 层）',
  ROUTE_NOT_FOUND: '请求的接口不存在',
  CONFLICT: '数据已被修改或重复提交，请刷新后重试',
  INTEGRITY_VIOLATION: '数据库拒绝写入（引用的数据不存在、不属于本案或重复），未作任何更改',
  DATABASE_UNAVAILABLE: '数据库暂时不可用，请稍后重试',
  TEMPORAL_UNAVAILABLE: '流程引擎暂时不可用，请稍后重试',
  INTERNAL_ERROR: '系统内部错误，已记录，请联系管理员',
} as const;

/** Signing in and the session. */
const AUTH_ERRORS = {
  AUTH_INVALID_CREDENTIALS: '用户名或密码错误',
  AUTH_TOKEN_MISSING: '未登录或登录已失效，请重新登录',
  AUTH_SESSION_ENDED: '登录已失效（已退出登录、密码或账号已变更），请重新登录',
  AUTH_PASSWORD_WRONG: '当前密码不正确',
  AUTH_ROLE_FORBIDDEN: '当前角色无权执行此操作',
  AUTH_TOO_MANY_ATTEMPTS: '登录尝试过于频繁，请一分钟后再试',
  AUTH_PASSWORD_CHANGE_REQUIRED: '密码由管理员设置，请先修改密码后再办理其他事项',
} as const;

/** The administration of an agency's people and units. */
const ADMIN_ERRORS = {
  USER_NOT_FOUND: '没有该人员',
  USER_OTHER_AGENCY: '该人员不属于本机关',
  USERNAME_TAKEN: '用户名已被使用',
  UNIT_NOT_FOUND: '没有该科室',
  UNIT_OTHER_AGENCY: '该科室不属于本机关',
  UNIT_NAME_TAKEN: '本机关已有同名科室',
  CERTIFICATE_NOT_VALID: '执法证件缺失、未生效或已过期，不得从事该执法活动（《行政处罚法》第四十二条）',
} as const;

/** A request sent again under its Idempotency-Key. */
const IDEMPOTENCY_ERRORS = {
  IDEMPOTENCY_KEY_INVALID: 'Idempotency-Key 须为 1 至 200 个可见字符',
  IDEMPOTENCY_KEY_REUSED: '该 Idempotency-Key 已用于另一个请求',
  IDEMPOTENCY_IN_PROGRESS: '使用同一 Idempotency-Key 的请求正在处理，请稍后重试',
} as const;

/** The administration of holiday schedules and agency profiles. */
const CALENDAR_ERRORS = {
  CALENDAR_INVALID: '节假日安排有误，请按字段提示修改',
  AGENCY_PROFILE_UNKNOWN: '没有该机关的执法规则配置',
  PROFILE_INVALID: '执法规则配置有误，请按字段提示修改（已列出全部问题）',
  PROFILE_NOT_YET_IN_FORCE: '本机关的执法规则尚未生效，暂不能办理新案件',
  PROFILE_VERSION_TAKEN: '该版本号刚被另一份配置占用，请刷新最新版本后重试',
} as const;

/** The 执法文书 generated from the record. */
const DOCUMENT_ERRORS = {
  DOCUMENT_NOT_FOUND: '本案没有该文书',
  DOCUMENT_NOT_YET: '本案尚未到达生成该种文书的环节',
  DOCUMENT_FILE_ALTERED: '文书文件缺失或与记录中的 SHA-256 不符，未予提供，请联系管理员核查',
  DOCUMENT_NOT_REGENERABLE: '案件记录已不能生成该文书（如未锁定执法规则配置或缺少批准的决定草案），未作更改',
  AV_FILE_ALTERED: '音像文件缺失或与记录中的 SHA-256 不符，导出包未予生成，请联系管理员核查',
  ACCESS_REQUEST_NOT_FOUND: '本案没有该查阅、复制申请',
  ACCESS_NOT_GRANTED: '该查阅、复制申请尚未准予，不能向当事人提供查阅本',
} as const;

/** The API's own codes: about the request, the session and the administration, not about a case. */
export const API_ERRORS = {
  ...REQUEST_ERRORS,
  ...AUTH_ERRORS,
  ...ADMIN_ERRORS,
  ...IDEMPOTENCY_ERRORS,
  ...CALENDAR_ERRORS,
  ...DOCUMENT_ERRORS,
} as const;

/**
 * Every code the API can answer with and its Chinese message: its own, and the refusals of the case's
 * rules by stage (libs/domain/refusals). Codes are stable: clients may switch on them.
 */
export const MESSAGES = { ...API_ERRORS, ...REFUSALS } as const;
export type ErrorCode = keyof typeof MESSAGES;

export interface ErrorSpec {
  status: number;
  message: string;
}

/** The catalogue as clients see it: each code's status (./statuses) and message. */
export const ERRORS = Object.fromEntries(
  Object.entries(MESSAGES).map(([code, message]) => [code, { status: statusOf(code as ErrorCode), message }]),
) as Record<ErrorCode, ErrorSpec>;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in MESSAGES;
}
