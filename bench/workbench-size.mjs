// `npm run bench:web`: what the browser loads for each page of the workbench (apps/web/dist, built
// first when stale), gzip-compressed as a reverse proxy would send it, from Vite's manifest: the entry
// (Vue, the router, the session, Element Plus's styles) plus the page's own chunk and the chunks it
// imports. Reported, not asserted; the first screen after login is the entry, the layout and the 待办.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild } from '../scripts/web-build.mjs';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps/web/dist');
await ensureWebBuild();
const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));

/** @param {string[]} keys manifest entries @returns {Set<string>} their files and their static imports' files, CSS included */
function files(keys, seen = new Set()) {
  for (const key of keys) {
    const chunk = manifest[key];
    if (seen.has(chunk.file)) continue;
    seen.add(chunk.file);
    for (const css of chunk.css ?? []) seen.add(css);
    files(chunk.imports ?? [], seen);
  }
  return seen;
}

const gzip = (file) => gzipSync(readFileSync(join(DIST, file))).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const PAGES = {
  登录: ['index.html', 'src/pages/LoginPage.vue'],
  '待办 (first screen after login)': ['index.html', 'src/components/AppLayout.vue', 'src/pages/TasksPage.vue'],
  案件: ['index.html', 'src/components/AppLayout.vue', 'src/pages/CasesPage.vue'],
  案件详情: ['index.html', 'src/components/AppLayout.vue', 'src/pages/CaseDetailPage.vue'],
  新建案件: ['index.html', 'src/components/AppLayout.vue', 'src/pages/NewCasePage.vue'],
  督办: ['index.html', 'src/components/AppLayout.vue', 'src/pages/SupervisionPage.vue'],
};
console.log('page | JavaScript (gzip) | CSS (gzip)');
for (const [page, keys] of Object.entries(PAGES)) {
  const all = [...files(keys)];
  const sum = (ext) => all.filter((f) => f.endsWith(ext)).reduce((n, f) => n + gzip(f), 0);
  console.log(`${page} | ${kb(sum('.js'))} | ${kb(sum('.css'))}`);
}
