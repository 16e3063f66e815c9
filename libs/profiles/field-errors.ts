import { z } from 'zod';
import { formatPath } from './parse';
import { AGENCY_CODE, AGENCY_ID, AgencyProfile, AgencyProfileSchema } from './schema';
import { AGENCY_SHORT } from './numbering';
import { ISO_DATE, SEED_ARTICLE, SEED_PATTERN } from './source';

/** A problem of a profile document as the API answers it: the field's JSON path, a stable code, a Chinese message. */
export interface ProfileFieldError {
  field: string;
  code: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

/** The document itself (its root), where a path has no segment to name. */
export const ROOT_FIELD = '$';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '列表',
};

/** The schema's patterns, each with its own code and what it asks for. */
const FORMATS: [RegExp, string, string][] = [
  [AGENCY_ID, 'NOT_AGENCY_ID', '须以小写字母开头，由小写字母、数字和连字符组成（如 jinpu-ocean）'],
  [AGENCY_CODE, 'NOT_AGENCY_CODE', '须为 2 至 6 个小写英文字母'],
  [SEED_PATTERN, 'NOT_SEED', '须为三位数字（如 005）'],
  [SEED_ARTICLE, 'NOT_ARTICLE', '须以“第…条”开头'],
  [ISO_DATE, 'NOT_DATE', '须为 YYYY-MM-DD 格式的日期'],
  [AGENCY_SHORT, 'NOT_AGENCY_SHORT', '机关代字不得含花括号或空白'],
];

/** The schema's own cross-field rules (`params.rule`), each with its code and message. */
const RULES: Record<string, (p: Record<string, string>) => [string, string]> = {
  calendar_date: () => ['NOT_DATE', '不是有效的日历日期'],
  seed_mismatch: (p) => ['SEED_MISMATCH', `引用了种子 ${p.seed} 的制度，但本配置的制度（regulation.seed）为 ${p.own}`],
  duplicate_activity: (p) => ['DUPLICATE_ACTIVITY', `音像记录活动 ${p.activity} 重复列出`],
  reason_needs_exception: () => ['REASON_NEEDS_EXCEPTION', '只有规定了“不适宜音像记录的除外”（unlessUnsuitable）时，才能要求书面记录原因'],
  same_decision_patterns: () => ['SAME_DECISION_PATTERNS', '当场处罚决定书与行政处罚决定书的文号规则不得相同'],
  numbering_pattern: (p) => [p.code, p.message],
};

const CJK = /[\u4e00-\u9fff]/;

/**
 * Every problem of a profile document at once, each as an API field error: the zod issues of
 * AgencyProfileSchema mapped to stable codes and Chinese messages, the field a JSON path
 * (`initiation.emergencyStart.source`, `investigation.audiovisual.mandatory[2].activity`; `$` the
 * document itself). Empty when the document is valid. Pure.
 */
export function profileFieldErrors(data: unknown): { profile: AgencyProfile; errors: [] } | { profile: null; errors: ProfileFieldError[] } {
  // reportInput: a missing field (input undefined) is told apart from a wrong one; the input is never echoed.
  const result = AgencyProfileSchema.safeParse(data, { reportInput: true });
  if (result.success) return { profile: result.data, errors: [] };
  const seen = new Set<string>();
  const errors = result.error.issues
    .flatMap((i) => fieldErrorsOf(i, []))
    .filter((e) => {
      const key = `${e.field}\u0000${e.code}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  return { profile: null, errors };
}

/** One zod issue as field errors (an unknown-keys issue names each key; a failed union its closest branch). */
export function fieldErrorsOf(issue: Issue, base: Path): ProfileFieldError[] {
  const path = [...base, ...issue.path];
  const at = (code: string, message: string, p: Path = path): ProfileFieldError => ({ field: formatPath(p) || ROOT_FIELD, code, message });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return [at('REQUIRED', '缺少必填字段')];
      return [at('WRONG_TYPE', `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`)];
    case 'invalid_value':
      return [at('NOT_ALLOWED', `取值须为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一`)];
    case 'too_small':
      return [at(...bound(issue.origin, 'small', Number(issue.minimum), issue.inclusive ?? true))];
    case 'too_big':
      return [at(...bound(issue.origin, 'big', Number(issue.maximum), issue.inclusive ?? true))];
    case 'invalid_format': {
      const known = issue.format === 'regex' && FORMATS.find(([re]) => String(re) === String(issue.pattern));
      return [known ? at(known[1], known[2]) : at('INVALID_FORMAT', '格式不正确')];
    }
    case 'unrecognized_keys':
      return issue.keys.map((k) => at('UNKNOWN_FIELD', '不允许的字段（执法规则配置中没有该字段）', [...path, k]));
    case 'invalid_union':
      return unionErrors(issue, path, at);
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string>;
      const rule = RULES[params.rule];
      if (rule) return [at(...rule(params))];
      return [at('INVALID', CJK.test(issue.message) ? issue.message : '取值不符合要求')];
    }
    default:
      return [at('INVALID', '取值不符合要求')];
  }
}

function unionErrors(issue: Extract<Issue, { code: 'invalid_union' }>, path: Path, at: (c: string, m: string) => ProfileFieldError) {
  // A discriminated union whose discriminator matched no branch: name the values it may take.
  if ('discriminator' in issue && issue.errors.length === 0) {
    const options = ((issue as { options?: unknown[] }).options ?? []).map((v) => JSON.stringify(v));
    return [at('NOT_ALLOWED', `取值须为 ${options.join('、')} 之一`)];
  }
  if (issue.errors.length === 0) return [at('INVALID', '取值不符合要求')];
  // Missing altogether: every branch says so at the union's own path.
  const missing = issue.errors.every(
    (b) => b.length === 1 && b[0].path.length === 0 && b[0].code === 'invalid_type' && b[0].input === undefined,
  );
  if (missing) return [at('REQUIRED', '缺少必填字段')];
  const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
  return closest.flatMap((i) => fieldErrorsOf(i, path));
}

function bound(origin: string, side: 'small' | 'big', n: number, inclusive: boolean): [string, string] {
  if (origin === 'string')
    return side === 'small' ? ['TOO_SHORT', n <= 1 ? '不能为空文本' : `至少需要 ${n} 个字符`] : ['TOO_LONG', `不能超过 ${n} 个字符`];
  if (origin === 'array' || origin === 'set') return side === 'small' ? ['TOO_FEW', `至少需要 ${n} 项`] : ['TOO_MANY', `不能超过 ${n} 项`];
  if (side === 'small') return ['OUT_OF_RANGE', inclusive ? `不能小于 ${n}` : `须大于 ${n}`];
  return ['OUT_OF_RANGE', inclusive ? `不能大于 ${n}` : `须小于 ${n}`];
}
