/**
 * Refusals about the case and its record in any stage: the case or a record is not there (or not the
 * caller's), or a record is not acceptable as sent.
 */
export const CASE_REFUSALS = {
  CASE_NOT_FOUND: '案件不存在',
  // Audited under this code, answered as CASE_NOT_FOUND (the API's error filter): another agency's case does not exist for the caller.
  CASE_OTHER_AGENCY: '案件不存在',
  PROFILE_NOT_FOUND: '所属机关的执法规则配置缺失',
  RECORD_INVALID: '记录不符合要求，请按字段提示修改',
  RECORD_NOT_FOUND: '记录不存在',
  RECORD_CONFIDENTIAL: '该记录涉及国家秘密、商业秘密或个人隐私，无权查阅',
} as const;
export type CaseRefusal = keyof typeof CASE_REFUSALS;
