import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Built by `npm run build:admin` (and by `prepare` on npm install) into dist/admin, which
// src/newsroom/admin-app.ts serves at /admin.
export default defineConfig({
  root: here,
  base: '/admin/',
  publicDir: false,
  // Preact's automatic JSX runtime through Vite's own transform; no framework plugin needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/admin', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // The admin CSP allows no inline script, so nothing may be inlined as a data: module.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: { port: 5174 },
});
