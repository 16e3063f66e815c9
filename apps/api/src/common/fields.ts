import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
} from 'class-validator';

const LABEL = Symbol('zh-label');

/** Chinese name of a field, used in its validation messages. */
export function labelOf(target: object, property: string): string | undefined {
  return Reflect.getMetadata(LABEL, target, property);
}

function base(label: string, optional: boolean, api: Record<string, unknown>) {
  return [
    (target: object, property: string | symbol) => Reflect.defineMetadata(LABEL, label, target, property),
    ApiProperty({ description: label, required: !optional, ...api }),
    // A missing required field is reported as missing (REQUIRED), whatever else it must be.
    optional ? IsOptional() : IsDefined(),
  ];
}

interface Opts {
  optional?: boolean;
}

export const TextField = (label: string, max: number, o: Opts = {}) =>
  applyDecorators(...base(label, !!o.optional, { type: String, maxLength: max }), IsString(), IsNotEmpty(), MaxLength(max));

export const EnumField = (label: string, values: readonly string[], o: Opts = {}) =>
  applyDecorators(...base(label, !!o.optional, { enum: values }), IsIn(values as string[]));

/** A list of values from a fixed set. */
export const EnumListField = (label: string, values: readonly string[], o: Opts = {}) =>
  applyDecorators(...base(label, !!o.optional, { enum: values, isArray: true }), IsArray(), IsIn(values as string[], { each: true }));

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

export const BoolField = (label: string, o: Opts = {}) =>
  applyDecorators(...base(label, !!o.optional, { type: Boolean }), IsBoolean());

export const DateTimeField = (label: string, o: Opts = {}) =>
  applyDecorators(...base(label, !!o.optional, { type: String, format: 'date-time' }), IsISO8601({ strict: true }));

export const UuidField = (label: string, o: Opts = {}) =>
  applyDecorators(...base(label, !!o.optional, { type: String, format: 'uuid' }), IsUUID());

/** An integer from a query string. */
export const IntField = (label: string, min: number, max: number, o: Opts = {}) =>
  applyDecorators(...base(label, !!o.optional, { type: Number, minimum: min, maximum: max }), Type(() => Number), IsInt(), Min(min), Max(max));

export const NestedField = (label: string, cls: () => new () => object, o: Opts = {}) =>
  applyDecorators(...base(label, !!o.optional, { type: cls }), ValidateNested(), Type(cls));

export const NestedListField = (label: string, cls: () => new () => object, min: number, max: number) =>
  applyDecorators(
    ...base(label, false, { type: cls, isArray: true }),
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(cls),
  );

/** An amount of money in yuan, to the fen (two decimals). */
export const YuanField = (label: string, o: Opts = {}) =>
  applyDecorators(...base(label, !!o.optional, { type: Number, minimum: 0.01 }), IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }), Min(0.01), Max(1e12));

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 does not). */
export function isCalendarDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
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
  applyDecorators(...base(label, !!o.optional, { type: String, format: 'date' }), IsCalendarDate());

export const DateListField = (label: string, max: number) =>
  applyDecorators(
    ...base(label, false, { type: String, format: 'date', isArray: true }),
    IsArray(),
    ArrayMaxSize(max),
    IsCalendarDate(true),
  );
