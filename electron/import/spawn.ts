// Starts one of the import's worker threads (see threads.ts for how bundled and source runs differ).
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { spawnThread } from '../threads.ts';

/** `entry` is the module name without extension: 'worker' (bundled as import-worker.mjs) or 'parse-worker'. */
export function spawnImportThread(entry: 'worker' | 'parse-worker', opts: WorkerOptions = {}): Worker {
  return spawnThread(entry === 'worker' ? 'import-worker.mjs' : 'parse-worker.mjs', new URL(`./${entry}.ts`, import.meta.url), opts);
}
