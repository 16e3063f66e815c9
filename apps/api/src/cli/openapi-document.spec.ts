import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { offlineApiDocument } from './openapi-document';

describe("the workbench's API types (apps/web/src/api/schema.d.ts)", () => {
  it('are those generated from the OpenAPI document; else run npm run web:api-types', async () => {
    const doc = JSON.stringify(await offlineApiDocument());
    // openapi-typescript loads ES modules that jest's module system cannot: it runs in plain Node.
    const generated = execFileSync(process.execPath, ['scripts/web-api-types.mjs', '--stdout'], { input: doc, encoding: 'utf8' });
    expect(readFileSync('apps/web/src/api/schema.d.ts', 'utf8')).toBe(generated);
  }, 60_000);

  it('demands no header: Idempotency-Key is documented once, optional, on every route that reads it', async () => {
    const doc = await offlineApiDocument();
    const headers = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>).flatMap(([method, op]) =>
        (op.parameters ?? [])
          .filter((p) => p.in === 'header')
          .map((p) => ({ route: `${method} ${path}`, name: p.name, required: !!p.required })),
      ),
    );
    expect(headers.filter((h) => h.required)).toEqual([]);
    expect(headers.filter((h) => h.name.toLowerCase() === 'idempotency-key' && h.name !== 'Idempotency-Key')).toEqual([]);
    expect(headers.filter((h) => h.name === 'Idempotency-Key').length).toBeGreaterThanOrEqual(9);
  }, 60_000);
});
