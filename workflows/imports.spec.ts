import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// House rule: workflow code is deterministic. It imports @temporalio/workflow, other workflow files
// and pure libs/ code; anything else (activities, persistence, Node built-ins, npm packages) only
// as `import type`, which the bundler erases.
const ROOT = resolve(__dirname, '..');
const PURE = ['libs/domain', 'libs/calendar', 'libs/messages', 'libs/profiles/cite.ts', 'workflows'];
// `#libs/…` and the other aliases of package.json "imports", mapped back to the source tree.
const ALIASES = Object.entries(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).imports as Record<string, string>).map(
  ([alias, target]) => [alias.replace('*', ''), target.replace(/^\.\/dist\//, '').replace('*.js', '')] as const,
);

/** The repository path an import names, or null for an npm package or a Node built-in. */
function target(file: string, spec: string): string | null {
  const alias = ALIASES.find(([prefix]) => spec.startsWith(prefix));
  if (alias) return alias[1] + spec.slice(alias[0].length);
  return spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : null;
}

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
  const all = [
    ...files(join(ROOT, 'workflows')),
    ...files(join(ROOT, 'libs/domain')),
    ...files(join(ROOT, 'libs/calendar')),
    ...files(join(ROOT, 'libs/messages')),
  ];

  it.each(all.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    for (const spec of valueImports(file)) {
      if (spec === '@temporalio/workflow') continue;
      const path = target(file, spec);
      expect({ spec, path }).toEqual({ spec, path: expect.any(String) }); // no npm packages or Node built-ins
      const allowed =
        PURE.some((p) => path === p.replace(/\.ts$/, '') || path!.startsWith(`${p}/`) || `${path}.ts` === p) ||
        path === 'workflows/activities';
      expect({ file: relative(ROOT, file), imports: path, allowed }).toEqual({ file: relative(ROOT, file), imports: path, allowed: true });
    }
  });
});
