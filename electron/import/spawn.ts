// Starts one of the import's worker threads. Bundled (app, CLI) each worker is its own .mjs beside this code;
// from TypeScript sources (vitest, tsx) the worker registers tsx first and then loads the .ts entry.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** `entry` is the module name without extension: 'worker' (bundled as import-worker.mjs) or 'parse-worker'. */
export function spawnImportThread(entry: 'worker' | 'parse-worker'): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(entry === 'worker' ? './import-worker.mjs' : './parse-worker.mjs', here));
  const tsxApi = createRequire(here).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs');
  const url = new URL(`./${entry}.ts`, here).href;
  const boot = `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)};
register();
await import(${JSON.stringify(url)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}
