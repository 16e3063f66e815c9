import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/**
 * Decorators for the fields of response classes, so the OpenAPI document describes every answer
 * exactly (the document marks each schema `additionalProperties: false`, common/openapi.ts): a
 * generated client gets the real types, and the fuzz run checks each response against its schema.
 */
interface Opts {
  nullable?: boolean;
  /** Present only in some answers (the description says when). */
  optional?: boolean;
  description?: string;
}

const prop = (api: Record<string, unknown>, o: Opts = {}) =>
  ApiProperty({
    required: !o.optional,
    ...api,
    ...(o.nullable && { nullable: true }),
    ...(o.description && { description: o.description }),
  });

export const Text = (o?: Opts) => prop({ type: String }, o);
export const Uuid = (o?: Opts) => prop({ type: String, format: 'uuid' }, o);
/** An instant, ISO 8601 with its offset. */
export const Instant = (o?: Opts) => prop({ type: String, format: 'date-time' }, o);
/** A China date, YYYY-MM-DD. */
export const Day = (o?: Opts) => prop({ type: String, format: 'date' }, o);
export const Int = (o?: Opts) => prop({ type: 'integer' }, o);
export const Num = (o?: Opts) => prop({ type: Number }, o);
export const Bool = (o?: Opts) => prop({ type: Boolean }, o);
export const OneOf = (values: readonly string[], o?: Opts) => prop({ type: String, enum: [...values] }, o);
export const Texts = (o?: Opts) => prop({ type: String, isArray: true }, o);
export const Uuids = (o?: Opts) => prop({ type: String, format: 'uuid', isArray: true }, o);
export const Ints = (o?: Opts) => prop({ type: 'integer', isArray: true }, o);
export const OneOfList = (values: readonly string[], o?: Opts) => prop({ type: String, enum: [...values], isArray: true }, o);
/** Free-form JSON kept as the client or the profile gave it (a form, a record's content). */
export const Json = (o?: Opts) => prop({ type: 'object', additionalProperties: true }, o);
// A thunk named `type` (see fields.ts): @nestjs/swagger resolves only a property's arrow function lazily.
export const Nested = (cls: () => Type<unknown>, o?: Opts) => prop({ type: () => cls() }, o);
export const NestedList = (cls: () => Type<unknown>, o?: Opts) => prop({ type: () => cls(), isArray: true }, o);
