import { OpenAPIObject } from '@nestjs/swagger';

/**
 * Every body DTO refuses unknown fields (validation.ts: forbidNonWhitelisted), so the document says
 * so: `additionalProperties: false` on each object schema that does not say otherwise. Clients and
 * generated tests then know that a field the schema does not name is refused.
 */
export function forbidUnknownFields(doc: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(doc.components?.schemas ?? {})) {
    if ('properties' in schema && schema.additionalProperties === undefined) schema.additionalProperties = false;
  }
  return doc;
}
