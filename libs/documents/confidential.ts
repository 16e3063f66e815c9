import { CONFIDENTIALITY_LABELS, type Confidentiality } from '../domain/access';
import type { DocDefinition } from './pdf';
import { paragraph } from './layout';

/**
 * Which rendering of a document: the `original` (the one stored, versioned and hashed: confidential content
 * shown, and marked 涉密), or the `party`'s copy made on an access request, with that content replaced.
 */
export const DOCUMENT_COPIES = ['original', 'party'] as const;
export type DocumentCopy = (typeof DOCUMENT_COPIES)[number];

/**
 * An evidence record as a document names it. Flagged (国家秘密, 商业秘密, 个人隐私): in the original its
 * title carries the 涉密 mark, so whoever prints it knows what not to hand over; in a party's copy the title
 * itself is replaced by ■■■ with the reason, since a title can say what the secret is (行政处罚法 50: secrets
 * and privacy learnt in enforcement are kept; 政府信息公开条例 15). Unflagged, the title as it is: a document
 * with no flagged record renders as before.
 */
export function shownEvidence(title: string, flags: readonly Confidentiality[], copy: DocumentCopy): string {
  if (!flags.length) return title;
  const labels = flags.map((f) => CONFIDENTIALITY_LABELS[f]).join('、');
  return copy === 'party' ? `■■■（涉及${labels}，依《中华人民共和国行政处罚法》第五十条不予提供）` : `${title}〔涉密：${labels}〕`;
}

/** The party's copy says what it is at its end: not the original, and where content was withheld. */
export function partyCopy(definition: DocDefinition): DocDefinition {
  return {
    ...definition,
    content: [...definition.content, paragraph('本件为提供当事人查阅、复制的文本，涉密内容以“■■■”隐去；原件存卷。')],
  };
}
