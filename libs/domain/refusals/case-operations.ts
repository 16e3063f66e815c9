/** Refusals of the operations on a whole case (中止, 恢复, 终结, 移送; libs/domain/case-operations `operationRefusal`). */
export const CASE_OPERATION_REFUSALS = {
  CASE_NOT_IN_HANDLING: '案件不在办理中（未立案、已办结、已终结或已移送），不能进行该操作',
  CASE_ALREADY_SUSPENDED: '案件已中止办理',
  CASE_NOT_SUSPENDED: '案件未中止办理，无须恢复',
  CASE_OPERATION_PENDING: '该案件已有一项待负责人审批的案件操作',
  CASE_SUSPENDED: '案件已中止办理，恢复办理后方可继续',
} as const;
export type CaseOperationRefusal = keyof typeof CASE_OPERATION_REFUSALS;
