/**
 * Refusals of 作出处理决定 (decision): its period and its extension, 事先告知 (prior notice) and the
 * party's statements, and the decision itself.
 */
export const DECISION_REFUSALS = {
  DECISION_EXTENSION_NOT_ALLOWED: '本机关适用的规定未允许延长作出处理决定的期限',
  DECISION_EXTENSION_USED: '期限只能延长一次',
  DECISION_DEADLINE_PASSED: '期限已届满，不能再延长',
  DECISION_NOT_STARTED: '案件尚未立案，没有作出处理决定的期限',
  NOTICE_NOT_SERVED: '尚未送达行政处罚事先告知书',
  NOTICE_ALREADY_SERVED: '事先告知书已送达或正在送达',
  DECISION_ALREADY_ISSUED: '已作出处理决定',
  DECISION_NUMBER_TAKEN: '决定书文号已被本机关的另一份决定书使用',
  DECISION_CHIEF_ONLY: '处理决定须由行政机关负责人作出',
  STATEMENT_WINDOW_OPEN: '陈述、申辩期限届满或当事人书面放弃前不得作出决定',
  STATEMENT_NOT_REVIEWED: '当事人的陈述、申辩尚未复核',
} as const;
export type DecisionRefusal = keyof typeof DECISION_REFUSALS;
