/** An ex officio start (程序启动审批表) as the README's first try has it: tests, fault tests and the bench start cases with it. */
export const EX_OFFICIO_CASE = {
  source: 'ex_officio',
  reason: '检查发现涉嫌违法行为',
  caseSource: '日常检查',
  facts: '检查中发现的事实',
  parties: [{ kind: 'person', name: '王五' }],
  handlerOpinion: '建议立案调查',
};
