import { Penalty, ReviewFinding, describePenalties } from './review';

/**
 * The handling officer's proposed decision (承办人处理意见): facts, the evidence they rest on, the
 * legal basis, the penalty proposed, the discretion benchmark applied (003 第五条第（三）项) and the
 * factors considered (000 第十条, 004 第十八条). Each submission is a new version of the draft.
 */
export interface DraftDecision {
  facts: string;
  /** Ids of the case's evidence records the facts rest on. */
  evidenceIds: string[];
  legalBasis: string;
  /** Empty: no penalty is proposed (不予行政处罚). */
  penalties: Penalty[];
  /** 承办人意见和理由. */
  opinion: string;
  /** 应考虑的有关因素. */
  factors: string;
  /** 行政裁量权基准适用情况. */
  discretion?: { benchmark: string; application: string };
  findings?: ReviewFinding[];
}

/** The draft in one record line. */
export function describeDraft(d: DraftDecision): string {
  const lines = [
    `拟处理意见：${describePenalties(d.penalties)}`,
    `违法事实：${d.facts}`,
    `法律依据：${d.legalBasis}`,
    `证据：${d.evidenceIds.length}项`,
    `考虑因素：${d.factors}`,
  ];
  if (d.discretion) lines.push(`裁量基准：${d.discretion.benchmark}（${d.discretion.application}）`);
  return lines.join('；');
}
