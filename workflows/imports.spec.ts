import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// House rule: workflow code is deterministic. It imports @temporalio/workflow, other workflow files
// and pure libs/ code; anything else (activities, persistence, Node built-ins, npm packages) only
// as `import type`, which the bundler erases.
const ROOT = resolve(__dirname, '..');
const PURE = ['libs/domain', 'libs/calendar', 'libs/messages', 'libs/profiles/cite.ts', 'workflows'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

function valueImports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map((m) => m[1]);
}

describe('workflow code imports only deterministic code', () => {
  const all = [...files(join(ROOT, 'workflows')), ...files(join(ROOT, 'libs/domain')), ...files(join(ROOT, 'libs/calendar')), ...files(join(ROOT, 'libs/messages'))];

  it.each(all.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    for (const spec of valueImports(file)) {
      if (spec === '@temporalio/workflow') continue;
      expect(spec.startsWith('.')).toBe(true); // no npm packages or Node built-ins
      const target = relative(ROOT, resolve(dirname(file), spec));
      const allowed = PURE.some((p) => target === p.replace(/\.ts$/, '') || target.startsWith(`${p}/`) || `${target}.ts` === p)
        || target === 'workflows/activities';
      expect({ file: relative(ROOT, file), imports: target, allowed }).toEqual({ file: relative(ROOT, file), imports: target, allowed: true });
    }
  });
});
