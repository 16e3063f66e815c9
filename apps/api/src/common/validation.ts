import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiException, FieldError } from './api.exception';
import { labelOf } from './fields';

/** class-validator constraint → stable field code and Chinese message. */
const RULES: Record<string, { code: string; message: (label: string, c: string) => string }> = {
  isNotEmpty: { code: 'REQUIRED', message: (l) => `${l}不能为空` },
  isDefined: { code: 'REQUIRED', message: (l) => `${l}不能为空` },
  isString: { code: 'NOT_TEXT', message: (l) => `${l}必须是文本` },
  maxLength: { code: 'TOO_LONG', message: (l, c) => `${l}${c.replace(/.*?(\d+).*/, '不能超过$1个字符')}` },
  isIn: { code: 'NOT_ALLOWED', message: (l) => `${l}的取值不在允许范围内` },
  isBoolean: { code: 'NOT_BOOLEAN', message: (l) => `${l}必须是 true 或 false` },
  isCalendarDate: { code: 'NOT_DATE', message: (l) => `${l}必须是 YYYY-MM-DD 格式的有效日期` },
  isPeriodStart: { code: 'NOT_DATE', message: (l) => `${l}必须是 YYYY-MM-DD 日期或带时区的 ISO 8601 时间` },
  isIso8601: { code: 'NOT_DATETIME', message: (l) => `${l}必须是带时区的 ISO 8601 时间` },
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

/** Every body and query goes through this pipe: unknown fields refused, field-by-field Chinese errors. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target carries each field's Chinese label; values are never echoed back.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ApiException('VALIDATION_FAILED', flatten(errors)),
  });
}
