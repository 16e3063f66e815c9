/**
 * 案号 and 文号: a pattern of the profile (e.g. `{agencyShort}罚立〔{year}〕{seq}号`) made into a number and
 * read back. Pure: the sequence itself is kept by the database (table number_sequences), which hands out
 * `seq` in the same transaction as the act it numbers.
 */

/** What is numbered: the case at filing (立案), and each document that carries a 文号. */
export const NUMBER_KINDS = ['case', 'decision', 'summary_decision'] as const;
export type NumberKind = (typeof NUMBER_KINDS)[number];

export const NUMBER_KIND_LABELS: Record<NumberKind, string> = {
  case: '案号（立案）',
  decision: '行政处罚决定书文号',
  summary_decision: '当场行政处罚决定书文号',
};

/** Assigned: the system numbers in order. Manual: the agency's practice is to type the number; it is kept, and must be unique. */
export type NumberRule = { mode: 'assigned'; pattern: string } | { mode: 'manual' };

/** An agency's numbering, every kind resolved (the profile's section with its defaults). */
export interface Numbering {
  agencyShort: string;
  rules: Record<NumberKind, NumberRule>;
}

/** What an act carries to the activity that numbers it, in assigned mode. */
export interface AssignedRule {
  agencyShort: string;
  pattern: string;
}

/** The kind's rule when the system numbers it; undefined when typed by hand or nothing is pinned. */
export function assignedRule(numbering: Numbering | undefined, kind: NumberKind): AssignedRule | undefined {
  const rule = numbering?.rules[kind];
  return rule?.mode === 'assigned' ? { agencyShort: numbering!.agencyShort, pattern: rule.pattern } : undefined;
}

/**
 * Stands in a record entry's summary for a number not yet given: the activity that numbers the act
 * in its transaction writes the number in its place (withNumber) before appending the entry.
 */
export const NUMBER_SLOT = '{number}';

export function withNumber<E extends { summary: string; details?: Record<string, unknown> }>(entry: E, field: string, number: string): E {
  return { ...entry, summary: entry.summary.replace(NUMBER_SLOT, number), details: { ...entry.details, [field]: number } };
}

export interface NumberParts {
  agencyShort: string;
  /** The China-local year of the act numbered. */
  year: number;
  /** 1, 2, 3 … within the agency, kind and year. */
  seq: number;
}

type Token = { text: string } | { slot: 'agencyShort' | 'year' } | { slot: 'seq'; width: number };

const SLOT = /\{([^{}]*)\}/g;

/** What is wrong with a pattern: a stable code and its Chinese message. */
export interface PatternProblem {
  code: 'PATTERN_NO_SEQ' | 'PATTERN_SEQ_TWICE' | 'PATTERN_UNKNOWN_PLACEHOLDER' | 'PATTERN_STRAY_BRACE';
  message: string;
}

/** Splits a pattern into literal text and placeholders; the problems found, none when usable. */
export function readPattern(pattern: string): { tokens: Token[]; problems: PatternProblem[] } {
  const tokens: Token[] = [];
  const problems: PatternProblem[] = [];
  let at = 0;
  let seqs = 0;
  for (const m of pattern.matchAll(SLOT)) {
    if (m.index > at) tokens.push({ text: pattern.slice(at, m.index) });
    at = m.index + m[0].length;
    const name = m[1];
    const seq = /^seq(?::([1-9]))?$/.exec(name);
    if (name === 'agencyShort' || name === 'year') tokens.push({ slot: name });
    else if (seq) {
      seqs++;
      tokens.push({ slot: 'seq', width: seq[1] ? Number(seq[1]) : 1 });
    } else {
      problems.push({
        code: 'PATTERN_UNKNOWN_PLACEHOLDER',
        message: `未知的占位符「{${name}}」（可用：{agencyShort}、{year}、{seq}、{seq:3}）`,
      });
    }
  }
  if (at < pattern.length) tokens.push({ text: pattern.slice(at) });
  if (tokens.some((t) => 'text' in t && /[{}]/.test(t.text)))
    problems.push({ code: 'PATTERN_STRAY_BRACE', message: '花括号须成对出现，只用于占位符' });
  if (seqs === 0) problems.push({ code: 'PATTERN_NO_SEQ', message: '编号规则须含序号占位符 {seq}' });
  if (seqs > 1) problems.push({ code: 'PATTERN_SEQ_TWICE', message: '编号规则只能含一个序号占位符 {seq}' });
  return { tokens, problems };
}

/** The number for these parts; throws on a pattern readPattern refuses (profiles are validated at load). */
export function formatNumber(pattern: string, parts: NumberParts): string {
  const { tokens, problems } = readPattern(pattern);
  if (problems.length) throw new Error(`numbering pattern ${pattern}: ${problems.map((p) => p.message).join('; ')}`);
  return tokens
    .map((t) => {
      if ('text' in t) return t.text;
      if (t.slot === 'agencyShort') return parts.agencyShort;
      if (t.slot === 'seq') return String(parts.seq).padStart(t.width, '0');
      return String(parts.year);
    })
    .join('');
}

/**
 * The year and sequence a number was made of, or null when the text is not a number of this pattern
 * and agency. Only the canonical form is read: `兴民罚立〔2026〕03号` is not `{seq}`'s number 3.
 */
export function parseNumber(pattern: string, agencyShort: string, text: string): { year?: number; seq: number } | null {
  const { tokens, problems } = readPattern(pattern);
  if (problems.length) return null;
  const groups: ('year' | 'seq')[] = [];
  const source = tokens
    .map((t) => {
      if ('text' in t) return escape(t.text);
      if (t.slot === 'agencyShort') return escape(agencyShort);
      groups.push(t.slot);
      return t.slot === 'year' ? '(\\d{4})' : '(\\d+)';
    })
    .join('');
  const m = new RegExp(`^${source}$`, 'u').exec(text);
  if (!m) return null;
  const values: Record<'year' | 'seq', number[]> = { year: [], seq: [] };
  groups.forEach((g, i) => values[g].push(Number(m[i + 1])));
  const [seq] = values.seq;
  const [year] = values.year;
  if (!(seq >= 1)) return null;
  // Read back only what formats to the same text: no leading zeros beyond the width, one year throughout.
  return formatNumber(pattern, { agencyShort, year: year ?? 0, seq }) === text ? { year, seq } : null;
}

const CHINA_OFFSET_MS = 8 * 3_600_000; // China Standard Time, UTC+8, no daylight saving

/** The China-local year of an instant (an ISO string or a 'YYYY-MM-DD' China date). */
export function chinaYear(at: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return Number(at.slice(0, 4));
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
