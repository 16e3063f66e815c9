import type { PenaltyKind, ReviewFinding } from '#libs/domain/review';
import { formErrors, type FormErrors } from './field-errors';

/** One proposed penalty as typed: the amount is a number box, empty until filled. */
export interface PenaltyRow {
  kind: PenaltyKind | '';
  amountYuan: number | undefined;
  description: string;
}

/** 承办人处理意见 as typed (DraftDecisionDto). */
export interface DraftForm {
  facts: string;
  evidenceIds: string[];
  legalBasis: string;
  penalties: PenaltyRow[];
  opinion: string;
  factors: string;
  discretion: { benchmark: string; application: string };
  findings: ReviewFinding[];
}

/** A fine and a confiscation are proposed with their amount (DraftDecisionDto's PenaltyDto). */
export const needsAmount = (kind: PenaltyKind | ''): boolean => kind === 'fine' || kind === 'confiscation';

export const emptyPenalty = (): PenaltyRow => ({ kind: '', amountYuan: undefined, description: '' });

export function emptyDraft(): DraftForm {
  return {
    facts: '',
    evidenceIds: [],
    legalBasis: '',
    penalties: [emptyPenalty()],
    opinion: '',
    factors: '',
    discretion: { benchmark: '', application: '' },
    findings: [],
  };
}

/**
 * The draft's body. The discretion benchmark is sent when the profile requires it (so the API names
 * what is missing) or when the officer wrote any of it; an untouched penalty row is left out, a
 * half-filled one is sent for the API to name its missing field.
 */
export function draftBody(form: DraftForm, discretionRequired: boolean) {
  const text = (v: string) => v.trim() || undefined;
  const d = form.discretion;
  const discretion = discretionRequired || d.benchmark.trim() || d.application.trim() ? { ...d } : undefined;
  const penalties = form.penalties
    .filter((p) => p.kind || p.amountYuan !== undefined || p.description.trim())
    .map((p) => ({ kind: p.kind as PenaltyKind, amountYuan: p.amountYuan, description: text(p.description) }));
  return {
    facts: form.facts,
    evidenceIds: form.evidenceIds,
    legalBasis: form.legalBasis,
    penalties,
    opinion: form.opinion,
    factors: form.factors,
    discretion,
    findings: form.findings.length ? form.findings : undefined,
  };
}

const PENALTY_FIELDS = ['kind', 'amountYuan', 'description'] as const;

/** The form's fields, the rows of its penalties by their API path (`penalties[1].amountYuan`). */
export function draftFields(penalties: number): string[] {
  const rows = Array.from({ length: penalties }, (_, i) => PENALTY_FIELDS.map((f) => `penalties[${i}].${f}`)).flat();
  return [
    'facts',
    'evidenceIds',
    'legalBasis',
    'penalties',
    ...rows,
    'opinion',
    'factors',
    'discretion.benchmark',
    'discretion.application',
    'discretion',
    'findings',
  ];
}

/**
 * A refused draft's errors on the form. The rows sent were the filled-in ones, so the API's row index
 * is mapped back onto the form's row; the workflow's refusal for a missing benchmark goes next to it.
 */
export function draftErrors(body: unknown, form: DraftForm): FormErrors<string> {
  const b = (body ?? {}) as { code?: unknown; message?: unknown; errors?: unknown };
  const sent = form.penalties.flatMap((p, i) => (p.kind || p.amountYuan !== undefined || p.description.trim() ? [i] : []));
  const errors = Array.isArray(b.errors)
    ? (b.errors as { field: string }[]).map((e) => ({
        ...e,
        field: e.field.replace(/^penalties\[(\d+)\]/, (_, n: string) => `penalties[${sent[Number(n)] ?? n}]`),
      }))
    : [];
  if (b.code === 'DRAFT_DISCRETION_REQUIRED' && !errors.length)
    errors.push({ field: 'discretion.benchmark', code: b.code, message: b.message } as never);
  return formErrors({ ...b, errors }, draftFields(form.penalties.length));
}
