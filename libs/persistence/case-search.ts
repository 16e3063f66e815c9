import { addDays, chinaDayStart } from '../calendar/dates';

/**
 * pg_trgm indexes a text by its three-character pieces; a query of one or two characters (a
 * two-character name such as 张三 is common) has none to look up, so the trigram index cannot serve it.
 */
export const TRIGRAM_LENGTH = 3;

/** How `q` is matched against a case's search text (folded on both sides by SQL `case_search_fold`). */
export type TextMatch =
  /** `search_text LIKE pattern`, served by the trigram GIN index. */
  | { kind: 'trigram'; pattern: string }
  /**
   * `strpos(search_text, text) > 0` over the agency's cases (its btree on agency and start, in page
   * order): exact, and never a GIN scan of the whole index, which is what LIKE would cost here.
   */
  | { kind: 'scan'; text: string };

/** Escapes LIKE's wildcards and its escape character, so `50%` or `a_b` match as typed. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The match for a query already trimmed and not empty; length in characters, not UTF-16 units. */
export function textMatch(q: string): TextMatch {
  return [...q].length < TRIGRAM_LENGTH ? { kind: 'scan', text: q } : { kind: 'trigram', pattern: `%${escapeLike(q)}%` };
}

/** A range of China dates, both ends included, as instants: [`from` 00:00+08:00, the day after `to` 00:00+08:00). */
export function chinaDateRange(from?: string, to?: string): { from?: Date; before?: Date } {
  return {
    ...(from ? { from: chinaDayStart(from) } : {}),
    ...(to ? { before: chinaDayStart(addDays(to, 1)) } : {}),
  };
}
