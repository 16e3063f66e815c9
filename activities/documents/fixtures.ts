import type { DecisionDocument } from '#libs/documents/decision';
import type { DemandNoticeDocument } from '#libs/documents/demand-notice';
import type { PreDecisionNoticeDocument } from '#libs/documents/pre-decision-notice';
import type { InitiationApprovalDocument } from '#libs/documents/initiation-approval';
import type { ServiceReceiptDocument } from '#libs/documents/service-receipt';

/**
 * Records as the templates receive them, for the rendering tests: a party whose name has characters
 * rare enough to be missing from fonts (喆 堃 昇 赟 䶮), so a blank glyph shows in the rendering check.
 */
export const DECISION_FIXTURE: DecisionDocument = {
  terms: {
    payment: { amount: 15, unit: 'day' },
    dailyRatePercent: 3,
    cappedAtFine: true,
    review: { amount: 60, unit: 'day' },
    lawsuit: { amount: 6, unit: 'month' },
  },
  agencyName: '兴隆台区民政局',
  number: '兴民罚决〔2026〕7号',
  caseNumber: '兴民罚立〔2026〕12号',
  parties: [
    { kind: 'person', name: '王喆堃', idNumber: '211103199001011234', address: '盘锦市兴隆台区昇平街赟园小区3号楼', phone: '13800000000' },
  ],
  draft: {
    facts: '当事人刘䶮以社会团体名义开展活动，未经登记，情节较轻。',
    legalBasis: '《社会团体登记管理条例》第三十条',
    penalties: [{ kind: 'fine', amountYuan: 1000 }],
  },
  evidence: ['询问笔录（2026年4月2日）', '现场检查笔录（2026年4月3日）'],
  decidedOn: '2026-05-06',
  approval: { name: '李局长', signature: '李明', at: '2026-05-05T02:30:00.000Z' },
  issuedBy: '张执法',
  madeAt: '2026-05-06T03:15:42.123Z',
};

export const RECEIPT_FIXTURE: ServiceReceiptDocument = {
  agencyName: '兴隆台区民政局',
  caseNumber: '兴民罚立〔2026〕12号',
  served: { title: '行政处罚决定书', number: '兴民罚决〔2026〕7号' },
  recipient: '王喆堃',
  place: '盘锦市兴隆台区昇平街赟园小区3号楼',
  method: 'direct',
  via: null,
  by: '张执法',
  startedAt: '2026-05-06T06:00:00.000Z',
  madeAt: '2026-05-06T06:00:01.456Z',
};

export const INITIATION_FIXTURE: InitiationApprovalDocument = {
  agencyName: '金普新区海洋发展局',
  caseNumber: 'JP罚立〔2026〕3号',
  source: 'complaint',
  caseSource: '群众实名举报',
  reason: '举报人反映有船只在禁渔期内捕捞',
  facts: '2026年6月2日，举报人赵昇反映：刘赟驾驶渔船在禁渔区域作业。',
  parties: [{ kind: 'person', name: '刘赟', idNumber: '210213198805050011', address: '大连市金普新区' }],
  emergencyAt: '2026-06-02T01:00:00.000Z',
  handler: { opinion: '建议立案调查', name: '孙执法', at: '2026-06-02T01:00:00.000Z' },
  unitHead: { opinion: '同意立案', name: '周科长', at: '2026-06-02T03:00:00.000Z' },
  approver: { opinion: '同意', name: '吴局长', at: '2026-06-02T05:30:00.000Z', title: '局长' },
  madeAt: '2026-06-02T05:30:00.250Z',
};

export const NOTICE_FIXTURE: PreDecisionNoticeDocument = {
  agencyName: '兴隆台区民政局',
  number: '兴民罚告〔2026〕5号',
  caseNumber: '兴民罚立〔2026〕12号',
  parties: DECISION_FIXTURE.parties,
  draft: DECISION_FIXTURE.draft,
  caseFacts: '当事人以社会团体名义开展活动。',
  evidence: DECISION_FIXTURE.evidence,
  statementPeriod: '3个工作日',
  hearingPeriod: '5个工作日',
  datedOn: '2026-04-20',
  by: '张执法',
  madeAt: '2026-04-20T02:10:00.321Z',
};

export const DEMAND_FIXTURE: DemandNoticeDocument = {
  agencyName: '兴隆台区民政局',
  caseNumber: '兴民罚立〔2026〕12号',
  parties: DECISION_FIXTURE.parties,
  decision: { number: '兴民罚决〔2026〕7号', decidedOn: '2026-05-06', penalties: '罚款1000元' },
  lastDayToPay: '2026-05-21',
  owed: { fine: '1000.00', surcharge: '1000.00', total: '2000.00', on: '2026-12-01', dailyRatePercent: 3 },
  demand: '自收到本催告书之日起十日内缴纳罚款及加处罚款共计二千元。',
  then: '申请人民法院强制执行',
  approval: { name: '李局长', at: '2026-11-28T01:00:00.000Z' },
  datedOn: '2026-11-28',
  draftedBy: '张执法',
  madeAt: '2026-12-01T06:30:00.789Z',
};
