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
});
