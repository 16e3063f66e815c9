import type { NumberRule } from '../domain/numbering';
import { readPattern } from '../domain/numbering';
import type { DocumentKind } from './kinds';
import type { DocDefinition } from './pdf';

/**
 * The kinds that can be shown before the step that makes them, from the source that step will read: the
 * 决定书 from the officer's draft (what the chief approves), the 事先告知书 from the draft it tells.
 */
export const PREVIEW_KINDS = ['decision', 'pre_decision_notice'] as const satisfies readonly DocumentKind[];
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

/** A date the issuing step gives, left blank in a preview as on a form. */
export const BLANK_DATE = '＿＿＿＿年＿＿月＿＿日';
/** The line of the officer who records the step, in a preview before it. */
export const NOT_ISSUED = '承办人：（制发时录入）';
/** What stands for a 文号 typed by hand when the document is issued (numbering `manual`). */
export const TYPED_LATER = '（文号于制发时填写）';

/**
 * The 文号 a document will carry, before it has one: the agency's numbering rule with its short name filled
 * in and the year and sequence left blank (`兴民罚决〔＿＿＿＿〕＿＿号`). The number is given in the
 * transaction that issues the document (and its year is that of the decision's date), so the next free
 * number printed now could be taken by another case before then: a placeholder, never a guess.
 */
export function numberPlaceholder(rule: NumberRule, agencyShort: string): string {
  if (rule.mode === 'manual') return TYPED_LATER;
  return readPattern(rule.pattern)
    .tokens.map((t) => ('text' in t ? t.text : t.slot === 'agencyShort' ? agencyShort : t.slot === 'year' ? '＿＿＿＿' : '＿＿'))
    .join('');
}

/** The mark of a preview: a watermark on every page and in the title, so the paper is never taken for the document. */
export const PREVIEW_MARK = '预览稿';

export function asPreview(d: DocDefinition): DocDefinition {
  return {
    ...d,
    info: { ...d.info, title: `${d.info.title}（${PREVIEW_MARK}）` },
    watermark: { text: PREVIEW_MARK, opacity: 0.12, fontSize: 96, angle: -45 },
  };
}
