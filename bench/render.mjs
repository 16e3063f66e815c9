// Rewrites the Markdown of a stored run from its JSON (after a change to bench/report.ts):
//   node bench/render.mjs bench/results/<run>.json   (run `npm run bench` once before, or `npx tsc -p bench/tsconfig.json`)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { markdown } = require('../dist/bench/report.js');
for (const file of process.argv.slice(2)) {
  writeFileSync(file.replace(/\.json$/, '.md'), markdown(JSON.parse(readFileSync(file, 'utf8'))));
  console.log(`${file.replace(/\.json$/, '.md')} written`);
}
