/**
 * Refusals of the task board in every stage: a task that is not there or not the caller's, a
 * completion that does not fit the task (libs/domain/tasks `completionRefusal`), a transfer.
 */
export const TASK_REFUSALS = {
  TASK_NOT_FOUND: '任务不存在',
  // Another agency's task: audited under this code, answered as TASK_NOT_FOUND (the API's error filter).
  TASK_OTHER_AGENCY: '任务不存在',
  TASK_TRANSFER_FORBIDDEN: '只有本机关的承办机构负责人或行政机关负责人可以转交任务',
  TASK_TRANSFER_TARGET_INVALID: '任务只能转交本机关同一角色的人员',
  TASK_NOT_OPEN: '该任务已办结或不存在，不能重复办理',
  TASK_WRONG_ROLE: '当前角色无权办理该任务',
  TASK_WRONG_AGENCY: '不能办理其他机关的任务',
  TASK_NOT_ASSIGNEE: '该任务已指派给其他人员',
  TASK_DECISION_INVALID: '办理结果不在该任务允许的范围内',
  TASK_NOTIFICATION_REQUIRED: '须记录告知的方式、时间和告知对象',
  TASK_NEEDS_UPLOAD: '该任务须通过上传音像文件办理',
  TASK_NEEDS_DRAFT: '该任务须通过提交处理意见（拟处理决定）办理',
  TASK_NEEDS_ATTEMPT: '该任务须通过登记送达方式办理',
  TASK_NEEDS_ARCHIVE: '该任务须通过案卷归档办理',
  TASK_RETURN_STEP_REQUIRED: '退回时须指明退回的环节（承办人、承办机构审核人或法制审核人员）',
  TASK_RECEIPT_REQUIRED: '须登记接收机关的回执：接收人、接收时间和回执文号',
} as const;
export type TaskRefusal = keyof typeof TASK_REFUSALS;
