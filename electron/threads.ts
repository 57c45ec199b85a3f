// Starts one of Dossier's worker threads. Bundled (app, CLI) each worker is its own .mjs beside the bundle that
// starts it; from TypeScript sources (vitest, tsx) the thread registers tsx first and then loads the .ts entry.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * `bundled` is the worker's file name in dist/ ('import-worker.mjs'); `source` the URL of its .ts entry,
 * resolved by the caller against its own `import.meta.url`.
 */
export function spawnThread(bundled: string, source: URL, opts: WorkerOptions = {}): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${bundled}`, here), opts);
  const tsxApi = createRequire(here).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs');
  const boot = `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)};
register();
await import(${JSON.stringify(source.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), opts);
}
