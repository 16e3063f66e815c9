import { CASE_OPERATION_REFUSALS, CaseOperationRefusal } from '#libs/domain/case-operations';
import { SERVICE_REFUSALS, ServiceRefusal } from '#libs/domain/service';
import { TASK_REFUSALS, TaskRefusal } from '#libs/domain/tasks';
import { EVENT_TIME_REFUSALS, EventTimeRefusal } from '#libs/domain/event-time';

const SERVICE_STATUS: Record<ServiceRefusal, number> = {
  SERVICE_ATTEMPT_PENDING: 409,
  SERVICE_PUBLIC_NOTICE_TOO_EARLY: 409,
  SERVICE_ELECTRONIC_NO_CONSENT: 409,
  SERVICE_METHOD_DETAILS_MISSING: 400,
  SERVICE_AV_REQUIRED: 400,
  SERVICE_LODGED_DETAILS_MISSING: 400,
  SERVICE_RECEIPT_MISSING: 400,
};

interface ErrorSpec {
  status: number;
  message: string;
}

/** Errors of the request itself, whatever the module. */
const REQUEST_ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '请求参数有误，请按字段提示修改' },
  BODY_NOT_JSON: { status: 400, message: '请求体不是有效的 JSON' },
  BODY_TOO_LARGE: { status: 413, message: '请求体过大' },
  BODY_TOO_DEEP: { status: 400, message: '请求体嵌套层级过深（最多 32 层）' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  CONFLICT: { status: 409, message: '数据已被修改或重复提交，请刷新后重试' },
  INTEGRITY_VIOLATION: { status: 409, message: '数据库拒绝写入（引用的数据不存在、不属于本案或重复），未作任何更改' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂时不可用，请稍后重试' },
  TEMPORAL_UNAVAILABLE: { status: 503, message: '流程引擎暂时不可用，请稍后重试' },
  INTERNAL_ERROR: { status: 500, message: '系统内部错误，已记录，请联系管理员' },
} satisfies Record<string, ErrorSpec>;

const AUTH_ERRORS = {
  AUTH_INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  AUTH_TOKEN_MISSING: { status: 401, message: '未登录或登录已失效，请重新登录' },
  AUTH_SESSION_ENDED: { status: 401, message: '登录已失效（已退出登录、密码或账号已变更），请重新登录' },
  AUTH_PASSWORD_WRONG: { status: 400, message: '当前密码不正确' },
  AUTH_ROLE_FORBIDDEN: { status: 403, message: '当前角色无权执行此操作' },
  AUTH_TOO_MANY_ATTEMPTS: { status: 429, message: '登录尝试过于频繁，请一分钟后再试' },
} satisfies Record<string, ErrorSpec>;

const CASE_ERRORS = {
  CASE_NOT_FOUND: { status: 404, message: '案件不存在' },
  // Audited under this code, answered as CASE_NOT_FOUND (error.filter.ts): another agency's case does not exist for the caller.
  CASE_OTHER_AGENCY: { status: 404, message: '案件不存在' },
  EMERGENCY_EX_OFFICIO_ONLY: { status: 422, message: '仅依职权启动的案件可以情况紧急先行启动' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, message: 'Idempotency-Key 须为 1 至 200 个可见字符' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '该 Idempotency-Key 已用于另一个请求' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '使用同一 Idempotency-Key 的请求正在处理，请稍后重试' },
  EMERGENCY_NOT_ALLOWED: { status: 422, message: '本机关的执法全过程记录制度未规定情况紧急先行启动，不能先行启动' },
  PROFILE_NOT_FOUND: { status: 500, message: '所属机关的执法规则配置缺失' },
} satisfies Record<string, ErrorSpec>;

const CALENDAR_ERRORS = {
  CALENDAR_INVALID: { status: 400, message: '节假日安排有误，请按字段提示修改' },
  AGENCY_PROFILE_UNKNOWN: { status: 404, message: '没有该机关的执法规则配置' },
} satisfies Record<string, ErrorSpec>;

const INVESTIGATION_ERRORS = {
  RECORD_INVALID: { status: 400, message: '记录不符合要求，请按字段提示修改' },
  RECORD_NOT_FOUND: { status: 404, message: '记录不存在' },
  RECORD_CONFIDENTIAL: { status: 403, message: '该记录涉及国家秘密、商业秘密或个人隐私，无权查阅' },
  CASE_NOT_UNDER_INVESTIGATION: { status: 409, message: '案件尚未启动或已结束调查，不能添加调查取证记录' },
  AV_ALREADY_STORED: { status: 409, message: '该音像记录已存储其他文件；如需更正，请新增更正记录' },
  AV_FILE_EMPTY: { status: 400, message: '上传的音像文件为空' },
  AV_MEDIA_TYPE_NOT_ALLOWED: { status: 415, message: '音像文件的类型不在允许上传的范围内' },
  AV_DIGEST_MISMATCH: { status: 400, message: '上传的文件与声明的摘要不符，未予存储' },
  MEASURE_NOT_FOUND: { status: 404, message: '该强制措施不存在' },
  MEASURE_CLOSED: { status: 409, message: '该强制措施已作出处理决定' },
  MEASURE_ALREADY_PAUSED: { status: 409, message: '期限已在中止计算中' },
  MEASURE_NOT_PAUSED: { status: 409, message: '期限未在中止计算中' },
  MEASURE_NOT_RUNNING: { status: 409, message: '强制措施期限已届满，不再计算期限：不能中止或恢复计算，只能解除' },
  MEASURE_EXTENSION_USED: { status: 409, message: '期限只能延长一次' },
  MEASURE_EXPIRED: { status: 409, message: '期限已届满，不能再延长' },
  MEASURE_NOT_TIMED: { status: 409, message: '该强制措施没有法定期限，不适用中止或延长' },
  DECISION_EXTENSION_NOT_ALLOWED: { status: 409, message: '本机关适用的规定未允许延长作出处理决定的期限' },
  DECISION_EXTENSION_USED: { status: 409, message: '期限只能延长一次' },
  DECISION_DEADLINE_PASSED: { status: 409, message: '期限已届满，不能再延长' },
  DECISION_NOT_STARTED: { status: 409, message: '案件尚未立案，没有作出处理决定的期限' },
  NOTICE_NOT_SERVED: { status: 409, message: '尚未送达行政处罚事先告知书' },
  NOTICE_ALREADY_SERVED: { status: 409, message: '事先告知书已送达' },
  DECISION_ALREADY_ISSUED: { status: 409, message: '已作出处理决定' },
  DECISION_NUMBER_TAKEN: { status: 409, message: '决定书文号已被本机关的另一份决定书使用' },
  DECISION_CHIEF_ONLY: { status: 403, message: '处理决定须由行政机关负责人作出' },
  STATEMENT_WINDOW_OPEN: { status: 409, message: '陈述、申辩期限届满或当事人书面放弃前不得作出决定' },
  HEARING_WINDOW_OPEN: { status: 409, message: '听证申请期限届满或当事人书面放弃前不得作出决定' },
  HEARING_PENDING: { status: 409, message: '当事人已申请听证，须先举行听证' },
  STATEMENT_NOT_REVIEWED: { status: 409, message: '当事人的陈述、申辩尚未复核' },
  HEARING_REQUEST_LATE: { status: 409, message: '听证申请期限已届满' },
  HEARING_WAIVED: { status: 409, message: '当事人已书面放弃听证' },
  HEARING_ALREADY_REQUESTED: { status: 409, message: '当事人已申请听证' },
  HEARING_NOT_REQUESTED: { status: 409, message: '当事人未申请听证' },
  HEARING_ALREADY_SCHEDULED: { status: 409, message: '听证已安排' },
  HEARING_NOTICE_TOO_SHORT: { status: 400, message: '听证通知须在举行听证七个工作日前送达' },
  HEARING_NOT_SCHEDULED: { status: 409, message: '听证尚未安排' },
  HEARING_ALREADY_HELD: { status: 409, message: '听证笔录已记录' },
  HEARING_BEFORE_NOTICE_DATE: { status: 400, message: '听证不得早于通知的日期举行' },
  HEARING_NOT_HELD: { status: 409, message: '听证尚未举行' },
  HEARING_ALREADY_REPORTED: { status: 409, message: '听证报告已提交' },
} satisfies Record<string, ErrorSpec>;

/** An event's time (libs/domain/event-time): never ahead of now, never before the step it depends on; always with the field. */
const EVENT_TIME_ERRORS = Object.fromEntries(
  Object.entries(EVENT_TIME_REFUSALS).map(([code, message]) => [code, { status: 400, message }]),
) as Record<EventTimeRefusal, ErrorSpec>;

const REVIEW_ERRORS = {
  DRAFT_NOT_OPEN: { status: 409, message: '当前没有待提交的处理意见（处理意见正在审核中或已批准）' },
  DRAFT_NOT_SUBMITTED: { status: 409, message: '尚未提交处理意见' },
  DRAFT_DISCRETION_REQUIRED: { status: 400, message: '须记录行政裁量权基准适用情况' },
  LEGAL_REVIEW_SUGGESTIONS_REQUIRED: { status: 400, message: '本机关规定法制审核须记录审核建议' },
  LEGAL_REVIEW_REQUIRED: { status: 409, message: '本案须经法制审核通过后方可作出决定' },
  COLLECTIVE_DISCUSSION_REQUIRED: { status: 409, message: '本案须经负责人集体讨论决定' },
  COLLECTIVE_DISCUSSION_ALREADY_RECORDED: { status: 409, message: '本稿处理意见已集体讨论' },
  EXPERT_REVIEW_NOT_PROVIDED: { status: 409, message: '本机关的执法全过程记录制度未规定专家论证的记录' },
  EXPERT_REVIEW_FORM_INVALID: { status: 400, message: '专家论证的记录形式不符合本机关的规定' },
  APPROVAL_SIGNATURE_REQUIRED: { status: 400, message: '负责人审批须签名' },
  APPROVAL_SIGNED_AT_REQUIRED: { status: 400, message: '负责人审批须注明签署日期' },
  DRAFTER_CANNOT_APPROVE: { status: 403, message: '拟定处理意见的承办人不能审批本案处理决定' },
  DECISION_ALREADY_APPROVED: { status: 409, message: '处理决定已批准' },
  DECISION_NOT_APPROVED: { status: 409, message: '处理决定尚未经负责人批准' },
  DECISION_ROLE_FORBIDDEN: { status: 403, message: '决定书须由承办人或负责人录入' },
  DECISION_TEXT_NOT_DRAFT: { status: 400, message: '决定内容须与经负责人批准的处理意见一致' },
  DECISION_TEXT_REQUIRED: { status: 400, message: '本案没有经批准的处理意见，须填写决定内容' },
} satisfies Record<string, ErrorSpec>;

const SERVICE_ERRORS = {
  SERVICE_NOT_FOUND: { status: 404, message: '该送达不存在' },
  SERVICE_ALREADY_SERVED: { status: 409, message: '文书已送达' },
  SERVICE_NO_PENDING_ATTEMPT: { status: 409, message: '没有等待结果的送达' },
  ...(Object.fromEntries(Object.entries(SERVICE_REFUSALS).map(([code, message]) => [code, { status: SERVICE_STATUS[code as ServiceRefusal], message }])) as Record<ServiceRefusal, ErrorSpec>),
};

const EXECUTION_ERRORS = {
  EXECUTION_NOT_STARTED: { status: 409, message: '处理决定尚未送达，执行尚未开始' },
  EXECUTION_ENDED: { status: 409, message: '执行已终结' },
  EXECUTION_NO_FINE: { status: 409, message: '本决定没有罚款' },
  PAYMENT_ALREADY_RECORDED: { status: 409, message: '罚款已缴纳' },
  PAYMENT_INSUFFICIENT: { status: 400, message: '缴纳金额不足罚款及加处罚款' },
  REMEDY_ALREADY_FILED: { status: 409, message: '已记录该救济途径' },
  REMEDY_PERIOD_PASSED: { status: 409, message: '申请期限已届满' },
  REMEDY_NOT_PENDING: { status: 409, message: '该救济途径未在进行中' },
  REMEDY_OUTCOME_REQUIRED: { status: 400, message: '须记录复议或诉讼的结果' },
  REMEDY_PENDING: { status: 409, message: '行政复议或行政诉讼尚在进行中，不能申请强制执行' },
  DEMAND_NOT_DUE: { status: 409, message: '当事人的履行期限尚未届满或已履行，无须催告' },
  DEMAND_ALREADY_DRAFTED: { status: 409, message: '已制作催告书' },
  DEMAND_NOT_SERVED: { status: 409, message: '催告书尚未送达' },
  COURT_ALREADY_APPLIED: { status: 409, message: '已申请人民法院强制执行' },
  COURT_APPLICATION_TOO_EARLY: { status: 409, message: '催告书送达十个工作日后且复议、诉讼期限届满后方可申请强制执行' },
  COURT_APPLICATION_TOO_LATE: { status: 409, message: '申请强制执行的期限已届满' },
  COURT_NOT_APPLIED: { status: 409, message: '尚未申请人民法院强制执行' },
  COURT_RESULT_RECORDED: { status: 409, message: '已记录人民法院的裁定和执行结果' },
  COMPULSORY_EXECUTION_NOT_EMPOWERED: { status: 409, message: '本机关没有行政强制执行权，应依法申请人民法院强制执行' },
  COMPULSORY_EXECUTION_DECIDED: { status: 409, message: '已作出强制执行决定' },
  COMPULSORY_EXECUTION_NOT_DECIDED: { status: 409, message: '尚未作出强制执行决定' },
  COMPULSORY_RESULT_RECORDED: { status: 409, message: '已记录强制执行结果' },
  ENFORCEMENT_TIME_FORBIDDEN: { status: 409, message: '不得在夜间或者法定节假日实施行政强制执行，情况紧急的除外' },
} satisfies Record<string, ErrorSpec>;

const ARCHIVE_ERRORS = {
  ARCHIVE_NOT_OPEN: { status: 409, message: '案件尚未办结或已归档' },
  ARCHIVE_INCOMPLETE: { status: 409, message: '案卷不完整，须补齐或说明原因后方可归档' },
  ARCHIVE_FIELD_MISSING: { status: 400, message: '本机关规定的归档事项不完整' },
} satisfies Record<string, ErrorSpec>;

const CASE_OPERATION_ERRORS = {
  ...(Object.fromEntries(
    Object.entries(CASE_OPERATION_REFUSALS).map(([code, message]) => [code, { status: 409, message }]),
  ) as Record<CaseOperationRefusal, ErrorSpec>),
  CASE_SUSPENDED: { status: 409, message: '案件已中止办理，恢复办理后方可继续' },
} satisfies Record<string, ErrorSpec>;

const TASK_STATUS: Record<TaskRefusal, number> = {
  TASK_NOT_OPEN: 409,
  TASK_WRONG_ROLE: 403,
  TASK_WRONG_AGENCY: 403,
  TASK_NOT_ASSIGNEE: 403,
  TASK_DECISION_INVALID: 400,
  TASK_NOTIFICATION_REQUIRED: 400,
  TASK_NEEDS_UPLOAD: 400,
  TASK_NEEDS_DRAFT: 400,
  TASK_NEEDS_ATTEMPT: 400,
  TASK_NEEDS_ARCHIVE: 400,
  TASK_RETURN_STEP_REQUIRED: 400,
  TASK_RECEIPT_REQUIRED: 400,
};

const TASK_ERRORS = {
  TASK_NOT_FOUND: { status: 404, message: '任务不存在' },
  // Another agency's task: audited under this code, answered as TASK_NOT_FOUND (error.filter.ts).
  TASK_OTHER_AGENCY: { status: 404, message: '任务不存在' },
  TASK_TRANSFER_FORBIDDEN: { status: 403, message: '只有本机关的承办机构负责人或行政机关负责人可以转交任务' },
  TASK_TRANSFER_TARGET_INVALID: { status: 400, message: '任务只能转交本机关同一角色的人员' },
  ...(Object.fromEntries(
    Object.entries(TASK_REFUSALS).map(([code, message]) => [code, { status: TASK_STATUS[code as TaskRefusal], message }]),
  ) as Record<TaskRefusal, ErrorSpec>),
};

/** Every code the API can answer with. Codes are stable: clients may switch on them. */
export const ERRORS = { ...REQUEST_ERRORS, ...AUTH_ERRORS, ...CASE_ERRORS, ...EVENT_TIME_ERRORS, ...TASK_ERRORS, ...CALENDAR_ERRORS, ...INVESTIGATION_ERRORS, ...REVIEW_ERRORS, ...SERVICE_ERRORS, ...EXECUTION_ERRORS, ...ARCHIVE_ERRORS, ...CASE_OPERATION_ERRORS };
export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in ERRORS;
}
