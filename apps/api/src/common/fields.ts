import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
} from 'class-validator';

const LABEL = Symbol('zh-label');

/** Chinese name of a field, used in its validation messages. */
export function labelOf(target: object, property: string): string | undefined {
  return Reflect.getMetadata(LABEL, target, property);
}

/**
 * `requiredWhen`: the field is required only in the case it names (the DTO's `@ValidateIf` says when);
 * the document then shows it optional, with the case in its description, so it says what is accepted.
 */
function base(label: string, optional: Optional, api: Record<string, unknown>, requiredWhen?: string) {
  return [
    (target: object, property: string | symbol) => Reflect.defineMetadata(LABEL, label, target, property),
    ApiProperty({ description: requiredWhen ? `${label}（${requiredWhen}时必填）` : label, required: !optional && !requiredWhen, ...api }),
    // A missing required field is reported as missing (REQUIRED), whatever else it must be; a field
    // that may be left out but not emptied (a change's name, role…) checks an explicit null like a value.
    optional === 'absent' ? ValidateIf((_, v) => v !== undefined) : optional ? IsOptional() : IsDefined(),
  ];
}

/** `true`: may be left out or null; `'absent'`: may be left out, but null is refused (a change that cannot clear it). */
type Optional = boolean | 'absent';

interface Opts {
  optional?: Optional;
  /** When the field is required, e.g. '送达方式为邮寄': the DTO's `@ValidateIf` must test the same case. */
  requiredWhen?: string;
}

export const TextField = (label: string, max: number, o: Opts = {}) =>
  applyDecorators(
    ...base(label, o.optional ?? false, { type: String, maxLength: max }, o.requiredWhen),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  );

export const EnumField = (label: string, values: readonly string[], o: Opts = {}) =>
  applyDecorators(...base(label, o.optional ?? false, { enum: values }, o.requiredWhen), IsIn(values as string[]));

/** A list of values from a fixed set. */
export const EnumListField = (label: string, values: readonly string[], o: Opts = {}) =>
  applyDecorators(
    ...base(label, o.optional ?? false, { enum: values, isArray: true }),
    IsArray(),
    IsIn(values as string[], { each: true }),
  );

/** A list of ids, e.g. the evidence a draft rests on. */
export const UuidListField = (label: string, min: number, max: number) =>
  applyDecorators(
    ...base(label, false, { type: String, format: 'uuid', isArray: true }),
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    IsUUID('all', { each: true }),
  );

/** A list of short texts, e.g. the participants of a meeting. */
export const TextListField = (label: string, min: number, max: number, maxLength: number) =>
  applyDecorators(
    ...base(label, false, { type: String, isArray: true }),
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(maxLength, { each: true }),
  );

/** A repeatable query parameter (`?x=a&x=b`; one value arrives as a string), each checked by `each`. */
export const QueryListField = (label: string, max: number, each: PropertyDecorator) =>
  applyDecorators(
    ...base(label, true, { type: String, isArray: true }),
    Transform(({ value }) => (typeof value === 'string' ? [value] : value)),
    IsArray(),
    ArrayMaxSize(max),
    each,
  );

export const BoolField = (label: string, o: Opts = {}) =>
  applyDecorators(...base(label, o.optional ?? false, { type: Boolean }), IsBoolean());

export const DateTimeField = (label: string, o: Opts = {}) =>
  applyDecorators(...base(label, o.optional ?? false, { type: String, format: 'date-time' }, o.requiredWhen), IsInstant());

export const UuidField = (label: string, o: Opts = {}) =>
  applyDecorators(...base(label, o.optional ?? false, { type: String, format: 'uuid' }, o.requiredWhen), IsUUID());

/** An integer from a query string. */
export const IntField = (label: string, min: number, max: number, o: Opts = {}) =>
  applyDecorators(
    ...base(label, o.optional ?? false, { type: Number, minimum: min, maximum: max }, o.requiredWhen),
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );

// @nestjs/swagger takes a thunk for `type` only when the function is named `type` (a property's arrow
// function); the caller's anonymous thunk would become the unresolvable reference `#/components/schemas/`.
export const NestedField = (label: string, cls: () => new () => object, o: Opts = {}) =>
  applyDecorators(...base(label, o.optional ?? false, { type: () => cls() }, o.requiredWhen), ValidateNested(), Type(cls));

export const NestedListField = (label: string, cls: () => new () => object, min: number, max: number) =>
  applyDecorators(
    ...base(label, false, { type: () => cls(), isArray: true }),
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(cls),
  );

/** An amount of money in yuan, to the fen (two decimals). */
export const YuanField = (label: string, o: Opts = {}) =>
  applyDecorators(
    ...base(label, o.optional ?? false, { type: Number, minimum: 0.01 }),
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    Min(0.01),
    Max(1e12),
  );

/**
 * Years a date of a case may fall in. Wider than any case needs, narrower than what breaks storage:
 * PostgreSQL has no year 0, and its timestamps refuse far years and offsets beyond ±15:59.
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 does not), in the years above. */
export function isCalendarDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const year = Number(v.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * Every date of a text — a date or instant, or a pause FROM/TO — falls in the years above. For values
 * another rule parses (a period's start on /calendar/due took year 3008); text of any other shape is
 * left to that rule.
 */
export function inCaseYears(v: unknown): boolean {
  if (typeof v !== 'string') return true;
  return v.split('/').every((part) => {
    const m = /^([+-]?\d+)-\d{2}-\d{2}/.exec(part);
    return !m || (Number(m[1]) >= FIRST_YEAR && Number(m[1]) <= LAST_YEAR && m[1].length === 4);
  });
}

/** The dates in a text value (or each of a list's) fall in the years 1900–2999 (inCaseYears). */
export function InCaseYears(each = false): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'inCaseYears',
      target: target.constructor,
      propertyName: String(property),
      options: { each },
      validator: { validate: inCaseYears },
    });
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** An instant in ISO 8601 with its offset (a bare local time would be ambiguous), offsets within ±14:00 as in use. */
export function isInstant(v: unknown): boolean {
  const m = typeof v === 'string' ? INSTANT.exec(v) : null;
  if (!m || !isCalendarDate(m[1])) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = m.slice(2).map((x) => Number(x ?? 0));
  if (hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60) return false;
  return !Number.isNaN(Date.parse(v as string));
}

function IsInstant(): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(property),
      validator: { validate: isInstant },
    });
}

function IsCalendarDate(each = false): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(property),
      options: { each },
      validator: { validate: isCalendarDate },
    });
}

export const DateField = (label: string, o: Opts = {}) =>
  applyDecorators(...base(label, o.optional ?? false, { type: String, format: 'date' }, o.requiredWhen), IsCalendarDate());

/**
 * The end of a range of dates is not before its start, `from` (another field of the same DTO), when
 * both are dates; the message names the start by its label.
 */
export function NotBeforeDate(from: string): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'notBeforeDate',
      target: target.constructor,
      propertyName: String(property),
      options: { message: () => labelOf(target, from) ?? from },
      validator: {
        validate: (to: unknown, args) => {
          const start = (args?.object as Record<string, unknown>)[from];
          return !isCalendarDate(to) || !isCalendarDate(start) || (to as string) >= (start as string);
        },
      },
    });
}

export const DateListField = (label: string, max: number) =>
  applyDecorators(
    ...base(label, false, { type: String, format: 'date', isArray: true }),
    IsArray(),
    ArrayMaxSize(max),
    IsCalendarDate(true),
  );
