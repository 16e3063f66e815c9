// Summarises V8 CPU profiles (`npm run bench -- --cpu-prof` writes them for lawtrail's worker and API):
// self time by package or lawtrail folder, and the hottest functions.
//   node bench/cpu-profile.mjs <file.cpuprofile | folder> [top]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const [target, topArg] = process.argv.slice(2);
if (!target) {
  console.error('usage: node bench/cpu-profile.mjs <file.cpuprofile | folder> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
  : [target];

for (const file of files) summarise(file);

function summarise(file) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map(); // node id → µs
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const groups = new Map();
  const fns = new Map();
  for (const [id, us] of self) {
    const { callFrame: f } = byId.get(id);
    const group = groupOf(f);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const fn = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  const busy = total - (groups.get('(idle)') ?? 0);
  console.log(`\n${basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
  console.log('  self time by where the code lives (share of busy time):');
  for (const [g, us] of [...groups]
    .filter(([g]) => g !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)) {
    console.log(`    ${pct(us, busy)}  ${g}`);
  }
  console.log(`  hottest functions:`);
  for (const [fn, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${pct(us, busy)}  ${fn}`);
}

function groupOf(f) {
  if (!f.url) return f.functionName.startsWith('(') ? f.functionName : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url);
  if (nm) return nm[1];
  if (f.url.startsWith('node:')) return 'node: built-ins';
  const own = /dist\/(apps\/[^/]+\/src\/[^/]+|[^/]+\/[^/]+)/.exec(f.url);
  if (own) return `lawtrail ${own[1]}`;
  return shortUrl(f.url);
}

function shortUrl(url) {
  return url.replace(/^file:\/\//, '').replace(/.*\/(node_modules|dist)\//, '$1/');
}

function pct(us, of) {
  return `${((100 * us) / of).toFixed(1).padStart(5)} %`;
}
