/** The parts of an OpenAPI 3.0 schema the API's document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  allOf?: Schema[];
  properties?: Record<string, Schema & { description?: string }>;
  required?: string[];
  additionalProperties?: boolean | Schema;
}

export interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        tags?: string[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/**
 * Where a value departs from its schema, one line per departure (`items[0].upload.size: not integer`):
 * a field the schema does not list, a required one missing, a null where none is allowed, a wrong type
 * or a value outside its enum. What the fuzz run checks, for answers a test builds on purpose.
 */
export function departures(doc: OpenApiDoc, schema: Schema, value: unknown, at = '$'): string[] {
  // A nullable reference is `{ nullable: true, allOf: [{ $ref }] }`: null is allowed by the wrapper.
  if (value === null && schema.nullable) return [];
  if (schema.$ref) return departures(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], value, at);
  if (schema.allOf) return schema.allOf.flatMap((s) => departures(doc, s, value, at));
  if (value === null) return [`${at}: null`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum`];
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: not string`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not boolean`];
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => departures(doc, schema.items ?? {}, v, `${at}[${i}]`)) : [`${at}: not array`];
  }
  if (schema.type !== 'object' && !schema.properties) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not object`];
  const v = value as Record<string, unknown>;
  const props = schema.properties ?? {};
  return [
    ...(schema.required ?? []).filter((k) => !(k in v)).map((k) => `${at}.${k}: missing`),
    ...(schema.additionalProperties === false
      ? Object.keys(v)
          .filter((k) => !(k in props))
          .map((k) => `${at}.${k}: not in schema`)
      : []),
    ...Object.entries(props).flatMap(([k, s]) => (k in v && v[k] !== undefined ? departures(doc, s, v[k], `${at}.${k}`) : [])),
  ];
}

/** The schema of an operation's 2xx JSON answer. */
export function answerSchema(doc: OpenApiDoc, method: string, path: string): Schema {
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`no operation ${method} ${path}`);
  const ok = Object.entries(op.responses).find(([status, r]) => status.startsWith('2') && r.content?.['application/json']);
  if (!ok) throw new Error(`no JSON answer documented for ${method} ${path}`);
  return ok[1].content!['application/json'].schema;
}
