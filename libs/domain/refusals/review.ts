/**
 * Refusals of the review chain before a decision: 处理意见 (draft), 法制审核, 集体讨论, 专家论证 and the
 * chief's approval, up to the entry of the approved decision's document.
 */
export const REVIEW_REFUSALS = {
  DRAFT_NOT_OPEN: '当前没有待提交的处理意见（处理意见正在审核中或已批准）',
  DRAFT_NOT_SUBMITTED: '尚未提交处理意见，无可讨论的拟处理决定',
  DRAFT_DISCRETION_REQUIRED: '须记录行政裁量权基准适用情况',
  LEGAL_REVIEW_SUGGESTIONS_REQUIRED: '本机关规定法制审核须记录审核建议',
  LEGAL_REVIEW_REQUIRED: '本案须经法制审核通过后方可作出决定',
  COLLECTIVE_DISCUSSION_REQUIRED: '本案须经负责人集体讨论决定',
  COLLECTIVE_DISCUSSION_ALREADY_RECORDED: '本稿处理意见已集体讨论',
  EXPERT_REVIEW_NOT_PROVIDED: '本机关的执法全过程记录制度未规定专家论证的记录',
  EXPERT_REVIEW_FORM_INVALID: '专家论证的记录形式不符合本机关的规定',
  APPROVAL_SIGNATURE_REQUIRED: '负责人审批须签名',
  APPROVAL_SIGNED_AT_REQUIRED: '负责人审批须注明签署日期',
  DRAFTER_CANNOT_APPROVE: '拟定处理意见的承办人不能审批本案处理决定',
  DECISION_ALREADY_APPROVED: '处理决定已批准',
  DECISION_NOT_APPROVED: '处理决定尚未经负责人批准',
  DECISION_ROLE_FORBIDDEN: '决定书须由承办人或负责人录入',
  DECISION_TEXT_NOT_DRAFT: '决定内容须与经负责人批准的处理意见一致',
  DECISION_TEXT_REQUIRED: '本案没有经批准的处理意见，须填写决定内容',
} as const;
export type ReviewRefusal = keyof typeof REVIEW_REFUSALS;
