import type { AgencyProfile } from '../profiles/schema';

/** Kinds of administrative penalty (行政处罚法 第九条), as the draft proposes them. */
export const PENALTY_KINDS = [
  'warning',
  'criticism',
  'fine',
  'confiscation',
  'licence_suspension',
  'qualification_downgrade',
  'licence_revocation',
  'business_restriction',
  'production_suspension',
  'closure',
  'practice_restriction',
  'other',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const PENALTY_LABELS: Record<PenaltyKind, string> = {
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  licence_suspension: '暂扣许可证件',
  qualification_downgrade: '降低资质等级',
  licence_revocation: '吊销许可证件',
  business_restriction: '限制开展生产经营活动',
  production_suspension: '责令停产停业',
  closure: '责令关闭',
  practice_restriction: '限制从业',
  other: '其他行政处罚',
};

/**
 * The heavier penalties that 行政处罚法 第六十三条 opens to a hearing: a proposal of one of them is
 * itself a serious violation for 第五十七条第二款 (集体讨论), whatever the officer ticks.
 */
const SERIOUS_KINDS: readonly PenaltyKind[] = [
  'qualification_downgrade',
  'licence_revocation',
  'business_restriction',
  'production_suspension',
  'closure',
  'practice_restriction',
];

/**
 * What a person in the chain may find about the case (the officer drafting, the unit head or the
 * legal reviewer reviewing). Findings only accumulate: nobody can take one back to skip a gate.
 */
export const REVIEW_FINDINGS = [
  'major_public_interest',
  'complex_multiple_legal_relations',
  'complex_circumstances',
  'serious_violation',
  'other_by_law',
] as const;
export type ReviewFinding = (typeof REVIEW_FINDINGS)[number];

export const FINDING_LABELS: Record<ReviewFinding | 'major_rights_after_hearing', string> = {
  major_public_interest: '涉及重大公共利益',
  major_rights_after_hearing: '直接关系当事人或者第三人重大权益，经过听证程序',
  complex_multiple_legal_relations: '案件情况疑难复杂、涉及多个法律关系',
  complex_circumstances: '情节复杂',
  serious_violation: '重大违法行为',
  other_by_law: '法律、法规规定应当进行法制审核的其他情形',
};

export interface Penalty {
  kind: PenaltyKind;
  /** Yuan; for a fine or a confiscation of money. */
  amountYuan?: number;
  description?: string;
}

/** The facts the gates are computed from: the draft, what reviewers found, and what happened. */
export interface GateFacts {
  penalties: Penalty[];
  findings: ReviewFinding[];
  hearingHeld: boolean;
}

export interface Gate {
  required: boolean;
  /** Why, in Chinese, one line per reason. */
  reasons: string[];
}

type Decision = AgencyProfile['decision'];

/**
 * 法制审核 (行政处罚法 第五十八条第一款) and 集体讨论 (第五十七条第二款): required when the case meets one
 * of the profile's cases. A held hearing and a serious penalty count by themselves.
 */
export function reviewGates(rules: Pick<Decision, 'legalReview' | 'collectiveDiscussion'>, facts: GateFacts) {
  const found = new Set<string>(facts.findings);
  if (facts.hearingHeld) found.add('major_rights_after_hearing');
  if (facts.penalties.some((p) => SERIOUS_KINDS.includes(p.kind))) found.add('serious_violation');
  const gate = (cases: readonly string[]): Gate => {
    const met = cases.filter((c) => found.has(c));
    return { required: met.length > 0, reasons: met.map((c) => FINDING_LABELS[c as keyof typeof FINDING_LABELS]) };
  };
  return {
    legalReview: gate(rules.legalReview.requiredWhen.cases),
    collectiveDiscussion: gate(rules.collectiveDiscussion.requiredWhen.cases),
  };
}

/** Who is asked next when the chief returns the draft to an earlier step. */
export const RETURN_STEPS = ['officer', 'unit_head', 'legal_reviewer'] as const;
export type ReturnStep = (typeof RETURN_STEPS)[number];

export const RETURN_STEP_LABELS: Record<ReturnStep, string> = {
  officer: '承办人',
  unit_head: '承办机构审核人',
  legal_reviewer: '法制审核人员',
};

/** A penalty in a line: "罚款5000元". */
export function describePenalties(penalties: Penalty[]): string {
  if (!penalties.length) return '不予行政处罚';
  return penalties
    .map((p) => `${PENALTY_LABELS[p.kind]}${p.amountYuan ? `${p.amountYuan}元` : ''}${p.description ? `（${p.description}）` : ''}`)
    .join('、');
}
