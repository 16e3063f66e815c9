/**
 * A lawful on-the-spot decision (简易程序) of 兴隆台区民政局 as POST /summary-cases takes it, without a 文号 (the
 * built-in profiles assign it); `o` overrides fields.
 */
export const summaryBody = (o: Record<string, unknown> = {}) => ({
  party: { kind: 'person', name: '赵六' },
  facts: '未按规定办理殡葬事宜登记',
  legalBasis: '《殡葬管理条例》第二十条',
  penalty: { kind: 'fine', amountYuan: 50 },
  decidedAt: new Date().toISOString(),
  place: '兴隆台区某街道',
  items: {
    conditions: '违法事实确凿，有法定依据，罚款五十元',
    steps_and_documents: '出示执法证件，填写预定格式、编有号码的决定书，当场交付',
    statement_and_defence: '当事人称不知道需要登记',
    review_of_statement_and_defence: '不予采纳：已履行告知义务',
    on_the_spot_collection: '当场收缴，出具专用票据',
  },
  disputed: false,
  collection: { amountYuan: 50, receiptNumber: 'LN-0001', collectedAt: new Date().toISOString(), ground: 'small_fine' },
  ...o,
});
