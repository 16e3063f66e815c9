import type { DraftDecision } from './draft';
import { describePenalties } from './review';

/**
 * The decision document's text (行政处罚决定书的内容, 行政处罚法 第五十九条) rendered from the draft the
 * chain approved: the facts, the evidence, the legal basis and the penalties with their amounts. The
 * officer may not write another text: what the unit head, the legal reviewer and the
 * chief approved is what the party receives. The fields the chief's approval adds (文号, date,
 * signature, hand-over) are not part of it. Pure and deterministic: the workflow calls it.
 */
export function decisionText(draft: Pick<DraftDecision, 'facts' | 'evidenceIds' | 'legalBasis' | 'penalties'>): string {
  return [
    `违法事实：${draft.facts}`,
    `证据：${draft.evidenceIds.length ? draft.evidenceIds.join('、') : '无'}`,
    `法律依据：${draft.legalBasis}`,
    `处理决定：${describePenalties(draft.penalties)}`,
  ].join('\n');
}
