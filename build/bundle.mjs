// Bundles the Node side for the app and the CLI: main (ESM), preload (one CJS file, as sandboxed preloads
// need), the import and index workers, the CLI; copies the SQL migrations beside them. Dependencies stay in node_modules.
// Arguments `name=path.ts` bundle more entries the same way (the import bench times the library in dist/ so).
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, chmodSync } from 'node:fs';

const out = 'dist';
rmSync(`${out}/migrations`, { recursive: true, force: true });
rmSync(`${out}/parse-chunks`, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };
const esmOut = { ...common, outdir: out, format: 'esm', outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };
const esm = { ...esmOut, packages: 'external' };
const extraEntries = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));

await Promise.all([
  build({ ...esm, entryPoints: { main: 'electron/main.ts', cli: 'electron/cli.ts', 'import-worker': 'electron/import/worker.ts',
      'briefing-worker': 'electron/briefing-worker.ts' /* briefings off the main thread */,
      'index-worker': 'electron/index-worker.ts' /* search: background index rebuild */, ...extraEntries } }),
  // Import: the parse pool's threads. Every thread loads its modules afresh, so the readers a folder of web pages or
  // text files never needs (archives, Word, e-mail, feeds, Markdown) stay in chunks of their own, loaded on first use.
  // Their dependencies are bundled in too (pdf.js excepted: it loads its own worker module beside it): a thread
  // resolves and loads each package file through Node's module loader, which for htmlparser2 and its kin took a
  // third of a thread's start.
  build({ ...esmOut, external: ['pdfjs-dist'], entryPoints: { 'parse-worker': 'electron/import/parse-worker.ts' },
    splitting: true, chunkNames: 'parse-chunks/[name]-[hash]' }),
  build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: out, format: 'cjs',
    outExtension: { '.js': '.cjs' }, external: ['electron'] }),
]);
cpSync('db/migrations', `${out}/migrations`, { recursive: true });
chmodSync(`${out}/cli.mjs`, 0o755);
