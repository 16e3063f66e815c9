import { ApiProperty } from '@nestjs/swagger';

/**
 * Decorators of response classes: each property documented with its type, whether it may be null
 * (`nullable`) and whether it may be absent (`optional`, e.g. a field of views projected before it existed).
 */
interface Shape {
  nullable?: boolean;
  optional?: boolean;
}

const prop = (description: string, o: Shape, api: Record<string, unknown>) =>
  ApiProperty({ description, required: !o.optional, ...(o.nullable && { nullable: true }), ...api });

export const TextOut = (description: string, o: Shape = {}) => prop(description, o, { type: String });
export const InstantOut = (description: string, o: Shape = {}) => prop(description, o, { type: String, format: 'date-time' });
/** A China date 'YYYY-MM-DD'. */
export const DateOut = (description: string, o: Shape = {}) => prop(description, o, { type: String, format: 'date' });
export const UuidOut = (description: string, o: Shape = {}) => prop(description, o, { type: String, format: 'uuid' });
export const BoolOut = (description: string, o: Shape = {}) => prop(description, o, { type: Boolean });
export const IntOut = (description: string, o: Shape = {}) => prop(description, o, { type: 'integer' });
export const EnumOut = (description: string, values: readonly string[], o: Shape = {}) => prop(description, o, { enum: values });
export const EnumListOut = (description: string, values: readonly string[], o: Shape = {}) => prop(description, o, { enum: values, isArray: true });
export const TextListOut = (description: string, o: Shape = {}) => prop(description, o, { type: String, isArray: true });
export const IntListOut = (description: string, o: Shape = {}) => prop(description, o, { type: 'integer', isArray: true });
// A thunk passed as `type` must be a function named `type` (see NestedField in fields.ts).
export const NestedOut = (description: string, cls: () => new () => object, o: Shape = {}) => prop(description, o, { type: () => cls() });
export const NestedListOut = (description: string, cls: () => new () => object, o: Shape = {}) =>
  prop(description, o, { type: () => cls(), isArray: true });
/** An object whose keys are not fixed (a profile's metadata items): text values. */
export const TextMapOut = (description: string, o: Shape = {}) => prop(description, o, { type: 'object', additionalProperties: { type: 'string' } });
/** A record kept as entered elsewhere (an evidence record of the investigation): documented there, passed through here. */
export const ObjectOut = (description: string, o: Shape = {}) => prop(description, o, { type: 'object', additionalProperties: true });
