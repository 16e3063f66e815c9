import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The workbench shares only libs/domain and libs/calendar with the server: pure catalogues and dates.
// libs/messages defines the workflows' Updates with @temporalio/workflow, which a value import would
// bundle into the browser; and scripts/web-build.mjs rebuilds the pages when these two folders change.
const SHARED = ['domain', 'calendar'];
const SRC = join(__dirname, '..');

it('imports from libs/ only the folders the build watches, none that pulls Temporal into the browser', () => {
  const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|vue)$/.test(f) && !f.endsWith('.d.ts'));
  const outside = sources.flatMap((f) =>
    [...readFileSync(join(SRC, f), 'utf8').matchAll(/from '#libs\/([^/']+)\//g)]
      .map((m) => m[1])
      .filter((folder) => !SHARED.includes(folder))
      .map((folder) => `${f}: #libs/${folder}`),
  );
  expect(sources.length).toBeGreaterThan(20);
  expect(outside).toEqual([]);
});
