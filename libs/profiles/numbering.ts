import { z } from 'zod';
import { NUMBER_KINDS, NumberKind, Numbering, NumberRule, readPattern } from '../domain/numbering';

/**
 * How an agency numbers its cases (案号, at 立案) and documents (文号). Optional, and every part of it:
 * a profile without it (the five built-in files, which cases pin and which are never edited) numbers
 * with DEFAULT_PATTERNS, in assigned mode, under the short name `code` in capitals (e.g. XLT罚立〔2026〕1号).
 * An agency whose practice is to type numbers by hand says `{ "mode": "manual" }`: the typed number is
 * kept and still unique.
 */
const PatternSchema = z.string().superRefine((pattern, ctx) => {
  for (const { code, message } of readPattern(pattern).problems) {
    ctx.addIssue({ code: 'custom', message, params: { rule: 'numbering_pattern', code, message } });
  }
});

/** 机关代字: any text without braces (they mark placeholders) or spaces. */
export const AGENCY_SHORT = /^[^{}\s]+$/;

const RuleSchema = z.strictObject({
  mode: z.enum(['assigned', 'manual']),
  /** Used in assigned mode; without it, the kind's default. */
  pattern: PatternSchema.optional(),
});

export const NumberingSchema = z.strictObject({
  /** 机关代字, e.g. 兴民; default: the profile's code in capitals. */
  agencyShort: z.string().min(1).max(20).regex(AGENCY_SHORT, 'must not contain braces or spaces').optional(),
  case: RuleSchema.optional(),
  decision: RuleSchema.optional(),
  summaryDecision: RuleSchema.optional(),
});

export const DEFAULT_PATTERNS: Record<NumberKind, string> = {
  case: '{agencyShort}罚立〔{year}〕{seq}号',
  decision: '{agencyShort}罚决〔{year}〕{seq}号',
  summary_decision: '{agencyShort}简罚〔{year}〕{seq}号',
};

const SECTION_KEY: Record<NumberKind, 'case' | 'decision' | 'summaryDecision'> = {
  case: 'case',
  decision: 'decision',
  summary_decision: 'summaryDecision',
};

/** The profile's numbering with every default filled in: what a case pins when it starts. */
export function numberingOf(profile: { code: string; numbering?: z.infer<typeof NumberingSchema> }): Numbering {
  const section = profile.numbering ?? {};
  const rule = (kind: NumberKind): NumberRule => {
    const given = section[SECTION_KEY[kind]];
    if (given?.mode === 'manual') return { mode: 'manual' };
    return { mode: 'assigned', pattern: given?.pattern ?? DEFAULT_PATTERNS[kind] };
  };
  return {
    agencyShort: section.agencyShort ?? profile.code.toUpperCase(),
    rules: Object.fromEntries(NUMBER_KINDS.map((k) => [k, rule(k)])) as Record<NumberKind, NumberRule>,
  };
}
