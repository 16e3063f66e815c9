import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_REFUSALS } from '#libs/domain/service';
import { TASK_REFUSALS } from '#libs/domain/tasks';
import { EVENT_TIME_REFUSALS } from '#libs/domain/event-time';
import { ERRORS } from './errors';

// A workflow's refusal reaches the client with its own code only when the catalogue knows it;
// an unknown code would become a 500. Every code a workflow can throw must be catalogued.
const root = join(__dirname, '../../../../workflows');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') && !f.endsWith('.spec.ts') ? [join(dir, f)] : []));

it('catalogues every refusal code thrown by workflow code', () => {
  const codes = new Set<string>();
  for (const f of files(root)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/(?:refuse|nonRetryable)\([^;]*?,\s*'([A-Z][A-Z_]+)'\)/gs)) codes.add(m[1]);
  }
  expect(codes.size).toBeGreaterThan(40);
  expect([...codes].filter((c) => !(c in ERRORS))).toEqual([]);
});

it('catalogues the refusals of the pure task, service and event-time rules', () => {
  expect(Object.keys({ ...TASK_REFUSALS, ...SERVICE_REFUSALS, ...EVENT_TIME_REFUSALS }).filter((c) => !(c in ERRORS))).toEqual([]);
});
