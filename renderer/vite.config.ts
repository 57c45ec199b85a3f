// Build of the Svelte 5 renderer: root is this folder, output goes to dist/renderer with relative
// paths so the same files load from file:// in Electron and from the e2e harness's local server.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../electron/security.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [
    svelte(),
    {
      // The app loads index.html from file://, where response headers are not ours to set: the same policy
      // main.ts sends as a header also travels inside the page.
      name: 'dossier-csp-meta',
      transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The CSP allows no inline script: keep the module preload polyfill out of index.html.
    modulePreload: { polyfill: false },
    // Assets inlined as data: URLs would still be allowed for images, but never for scripts.
    assetsInlineLimit: 0,
    target: 'chrome130',
    sourcemap: false,
  },
});
