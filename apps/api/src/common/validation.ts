import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiException, FieldError } from './api.exception';
import { labelOf } from './fields';

/** class-validator constraint → stable field code and Chinese message. */
const RULES: Record<string, { code: string; message: (label: string, c: string) => string }> = {
  isNotEmpty: { code: 'REQUIRED', message: (l) => `${l}不能为空` },
  isDefined: { code: 'REQUIRED', message: (l) => `${l}不能为空` },
  isString: { code: 'NOT_TEXT', message: (l) => `${l}必须是文本` },
  minLength: { code: 'TOO_SHORT', message: (l, c) => `${l}${c.replace(/.*?(\d+).*/, '至少需要$1个字符')}` },
  maxLength: { code: 'TOO_LONG', message: (l, c) => `${l}${c.replace(/.*?(\d+).*/, '不能超过$1个字符')}` },
  isIn: { code: 'NOT_ALLOWED', message: (l) => `${l}的取值不在允许范围内` },
  isBoolean: { code: 'NOT_BOOLEAN', message: (l) => `${l}必须是 true 或 false` },
  isCalendarDate: { code: 'NOT_DATE', message: (l) => `${l}必须是 YYYY-MM-DD 格式的有效日期` },
  isPeriodStart: { code: 'NOT_DATE', message: (l) => `${l}必须是 YYYY-MM-DD 日期或带时区的 ISO 8601 时间` },
  isPause: {
    code: 'NOT_PAUSE',
    message: (l) => `${l}必须写作 起/止（YYYY-MM-DD 日期或带时区的 ISO 8601 时间，止不早于起，可省略表示尚未结束）`,
  },
  notBeforeDate: { code: 'RANGE_REVERSED', message: (l, from) => `${l}不能早于${from}` },
  inCaseYears: { code: 'OUT_OF_RANGE', message: (l) => `${l}的年份须在 1900 至 2999 之间` },
  isInstant: { code: 'NOT_DATETIME', message: (l) => `${l}必须是带时区的 ISO 8601 时间` },
  isUuid: { code: 'NOT_UUID', message: (l) => `${l}格式不正确` },
  isInt: { code: 'NOT_INTEGER', message: (l) => `${l}必须是整数` },
  isNumber: { code: 'NOT_NUMBER', message: (l) => `${l}必须是数字，最多两位小数` },
  min: { code: 'OUT_OF_RANGE', message: (l) => `${l}超出允许范围` },
  max: { code: 'OUT_OF_RANGE', message: (l) => `${l}超出允许范围` },
  isArray: { code: 'NOT_LIST', message: (l) => `${l}必须是列表` },
  arrayMinSize: { code: 'TOO_FEW', message: (l) => `${l}至少需要填写一项` },
  arrayMaxSize: { code: 'TOO_MANY', message: (l) => `${l}项数过多` },
  nestedValidation: { code: 'NOT_OBJECT', message: (l) => `${l}格式不正确` },
  whitelistValidation: { code: 'UNKNOWN_FIELD', message: () => '不允许提交该字段' },
};

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    const label = (e.target && labelOf(e.target, e.property)) || field;
    // A missing value is reported as missing only, not also as too long or not text.
    const failed = Object.entries(e.constraints ?? {});
    const missing = failed.filter(([name]) => name === 'isNotEmpty' || name === 'isDefined');
    const own = (missing.length ? missing.slice(0, 1) : failed).map(([name, text]) => {
      const rule = RULES[name];
      return rule
        ? { field, code: rule.code, message: rule.message(label, text) }
        : { field, code: name.toUpperCase(), message: `${label}不符合要求` };
    });
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Text that cannot be kept as sent: U+0000, which PostgreSQL refuses in text and jsonb, and a lone
 * UTF-16 surrogate, which storage turns into U+FFFD — changing what the record's SM3 hash covered.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this pattern looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first unstorable string (or key) in a value, or null. */
export function unstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (!value || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (UNSTORABLE.test(k)) return at;
    const found = unstorableText(v, at);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Keys that name an object's prototype machinery. JSON.parse keeps `"__proto__"` as an ordinary key, and
 * the DTO rules then dropped it without a word; code that merged the body into an object would instead
 * have changed its prototype. Refused by name, wherever they appear.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first key in PROTOTYPE_KEYS in a value, or null. */
export function prototypeKey(value: unknown, path: string): string | null {
  if (!value || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (!Array.isArray(value) && PROTOTYPE_KEYS.has(k)) return at;
    const found = prototypeKey(v, at);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses unstorable text and prototype keys anywhere in a body, query or path parameter before the DTO rules run. */
class InputPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type !== 'custom') {
      const field = unstorableText(value, metadata.data ?? '');
      if (field !== null) {
        throw new ApiException('VALIDATION_FAILED', [
          {
            field: field || metadata.type,
            code: 'INVALID_CHARACTER',
            message: `${field || '请求'}含有无法保存的字符（空字符或残缺的 Unicode 字符）`,
          },
        ]);
      }
      const key = prototypeKey(value, metadata.data ?? '');
      if (key !== null) {
        throw new ApiException('VALIDATION_FAILED', [
          { field: key, code: 'FORBIDDEN_KEY', message: `${key}：不允许使用 __proto__、constructor 或 prototype 作为字段名` },
        ]);
      }
    }
    return super.transform(value, metadata);
  }
}

/** Every body and query goes through this pipe: unknown fields refused, field-by-field Chinese errors. */
export function validationPipe(): ValidationPipe {
  return new InputPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target carries each field's Chinese label; values are never echoed back.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ApiException('VALIDATION_FAILED', flatten(errors)),
  });
}
