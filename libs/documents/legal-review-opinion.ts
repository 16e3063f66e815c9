import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import { checkBoxes, chineseTime, documentDefinition, fieldTable } from './layout';
import { partyNames } from './parties';

/** What the profile asks the legal review to record (001 第十六条, 002 第十七条, 004 第十九条…). */
export type LegalReviewField = 'reviewer' | 'opinion' | 'suggestions';

/** What the 法制审核意见书 says, read from the record when the legal reviewer completes the review (行政处罚法 58). */
export interface LegalReviewOpinionDocument {
  agencyName: string;
  caseNumber: string | null;
  parties: Party[];
  /** The draft reviewed, as it stood when the review was completed: facts, basis, penalty described; null if none. */
  reviewed: { facts: string; legalBasis: string; penalties: string; draftedBy: string | null } | null;
  /** Why the case needs the review (58 第一款's cases found in it). */
  reasons: string[];
  passed: boolean;
  opinion: string;
  suggestions: string | null;
  /** The fields the agency's profile has recorded; `suggestions` gets its row (blank if none was given) only there. */
  fields: readonly LegalReviewField[];
  /** The review's legal basis as the profile cites it. */
  basis: string;
  reviewer: { name: string; at: string };
  madeAt: string;
}

/**
 * The 法制审核意见书: the case, the draft decision reviewed (承办人's 处理意见), why it needs the review, the
 * conclusion ticked (审核通过 / 审核不通过: without a pass no decision may be made, 58 第二款), the opinion and,
 * where the agency records them, the suggestions, signed with the reviewer's name and the time of completion.
 */
export function legalReviewOpinionDocument(d: LegalReviewOpinionDocument): DocDefinition {
  const rows: [string, Content][] = [
    ['当事人', partyNames(d.parties) || '（未记录）'],
    [
      '承办人拟处理意见',
      d.reviewed
        ? {
            stack: [
              `违法事实：${d.reviewed.facts}`,
              `法律依据：${d.reviewed.legalBasis}`,
              `拟处罚：${d.reviewed.penalties}`,
              ...(d.reviewed.draftedBy ? [`承办人：${d.reviewed.draftedBy}`] : []),
            ],
          }
        : '（未记录）',
    ],
    ['法制审核事由', d.reasons.length ? d.reasons.join('；') : '（未记录）'],
    ['审核结论', checkBoxes(['审核通过', '审核不通过'], d.passed ? '审核通过' : '审核不通过')],
    ['审核意见', d.opinion || '（无）'],
    ...(d.fields.includes('suggestions') || d.suggestions ? [['审核建议', d.suggestions || '（无）'] as [string, Content]] : []),
    ['法制审核人员', { text: `签名：${d.reviewer.name}    ${chineseTime(d.reviewer.at)}`, alignment: 'right' }],
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: '法制审核意见书',
      number: `案号：${d.caseNumber ?? '（未编号）'}`,
      madeAt: d.madeAt,
      subject: partyNames(d.parties),
    },
    [fieldTable(rows, 110), { style: 'note', stack: [`依据：${d.basis}`, '未经法制审核或者审核未通过的，不得作出决定。'] }],
  );
}
