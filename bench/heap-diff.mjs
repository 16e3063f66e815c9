// Compares two V8 heap snapshots of the worker (scenario 4 with LAWTRAIL_BENCH_HEAP_SNAPSHOTS=1 writes
// <logs>/heap/worker-<open cases>.heapsnapshot): self size and count by node type and by constructor,
// and what grew most from the first to the second.
//   node bench/heap-diff.mjs <a.heapsnapshot> <b.heapsnapshot> [top]
import { readFileSync } from 'node:fs';

const [a, b, top = '25'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/heap-diff.mjs <a.heapsnapshot> <b.heapsnapshot> [top]');
  process.exit(2);
}

/** Self size and count per "type:name" (a constructor, a string, code, native buffers…). */
function summarise(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((k) => f.indexOf(k));
  const groups = new Map();
  const byType = new Map();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += f.length) {
    const type = types[snap.nodes[i + iType]];
    // Strings and numbers are grouped by kind, not by value.
    const name = ['string', 'concatenated string', 'sliced string', 'number', 'code', 'hidden'].includes(type)
      ? type
      : snap.strings[snap.nodes[i + iName]].slice(0, 80);
    const size = snap.nodes[i + iSize];
    const key = `${type}: ${name}`;
    const g = groups.get(key) ?? { n: 0, bytes: 0 };
    g.n++;
    g.bytes += size;
    groups.set(key, g);
    byType.set(type, (byType.get(type) ?? 0) + size);
    total += size;
  }
  return { groups, byType, total };
}

const x = summarise(a);
const y = summarise(b);
const mib = (n) => (n / 1024 / 1024).toFixed(2);
console.log(`total self size: ${mib(x.total)} → ${mib(y.total)} MiB (${mib(y.total - x.total)} MiB)`);
console.log('by node type (MiB):');
for (const t of new Set([...x.byType.keys(), ...y.byType.keys()]))
  console.log(`  ${t.padEnd(22)} ${mib(x.byType.get(t) ?? 0).padStart(8)} → ${mib(y.byType.get(t) ?? 0).padStart(8)}`);
const rows = [...new Set([...x.groups.keys(), ...y.groups.keys()])].map((k) => {
  const [p, q] = [x.groups.get(k) ?? { n: 0, bytes: 0 }, y.groups.get(k) ?? { n: 0, bytes: 0 }];
  return { k, dn: q.n - p.n, db: q.bytes - p.bytes, n: q.n, bytes: q.bytes };
});
console.log(`grew most (self size; count):`);
for (const r of rows.sort((m, n) => n.db - m.db).slice(0, Number(top)))
  console.log(
    `  ${(r.db / 1024).toFixed(0).padStart(8)} KiB  ${String(r.dn).padStart(7)} objects  (now ${r.n}, ${(r.bytes / 1024).toFixed(0)} KiB)  ${r.k}`,
  );
