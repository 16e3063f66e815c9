/** Refusals of 调查取证 (investigation): records, audio-video files and 行政强制措施 (measures). */
export const INVESTIGATION_REFUSALS = {
  CASE_NOT_UNDER_INVESTIGATION: '案件尚未启动或已结束调查，不能添加调查取证记录',
  AV_ALREADY_STORED: '该音像记录已存储其他文件；如需更正，请新增更正记录',
  AV_FILE_EMPTY: '上传的音像文件为空',
  AV_MEDIA_TYPE_NOT_ALLOWED: '音像文件的类型不在允许上传的范围内',
  AV_DIGEST_MISMATCH: '上传的文件与声明的摘要不符，未予存储',
  MEASURE_NOT_FOUND: '该强制措施不存在',
  MEASURE_CLOSED: '该强制措施已作出处理决定',
  MEASURE_ALREADY_PAUSED: '期限已在中止计算中',
  MEASURE_NOT_PAUSED: '期限未在中止计算中',
  MEASURE_NOT_RUNNING: '强制措施期限已届满，不再计算期限：不能中止或恢复计算，只能解除',
  MEASURE_EXTENSION_USED: '期限只能延长一次',
  MEASURE_EXPIRED: '期限已届满，不能再延长',
  MEASURE_NOT_TIMED: '该强制措施没有法定期限，不适用中止或延长',
} as const;
export type InvestigationRefusal = keyof typeof INVESTIGATION_REFUSALS;
