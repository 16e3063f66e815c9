import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm run dev:web`: this dev server with hot reload on http://localhost:5173, passing /api to the API
// that `npm run dev` runs (LAWTRAIL_API_URL, default http://127.0.0.1:3000).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  // The pure domain catalogues (labels of statuses, stages, sources) are shared with the API.
  resolve: { alias: { '#libs': fileURLToPath(new URL('../../libs', import.meta.url)) } },
  // The manifest lets bench/workbench-size.mjs add up what each page loads.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200, manifest: true },
  server: { proxy: { '/api': process.env.LAWTRAIL_API_URL ?? 'http://127.0.0.1:3000' } },
});
