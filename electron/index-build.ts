// Runs a full search-index rebuild in a worker thread (electron/index-worker.ts) with its own read-only SQLite
// connection, so the library stays usable meanwhile (threads.ts starts it, bundled or from sources).
import type { Worker } from 'node:worker_threads';
import { DossierError } from './errors.ts';
import { spawnThread } from './threads.ts';

export type ToIndexWorker = { type: 'build'; dbFile: string; indexFile: string };
export type FromIndexWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array; lastChangeId: number; saved: boolean }
  | { type: 'failed'; message: string };

export interface IndexBuild {
  /** The serialized index (already saved to `indexFile` by the worker when it could). */
  result: Promise<{ bytes: Uint8Array; lastChangeId: number; saved: boolean }>;
  /** Stops the build; resolves once the thread has exited. */
  cancel(): Promise<void>;
}

function spawnIndexThread(): Worker {
  return spawnThread('index-worker.mjs', new URL('./index-worker.ts', import.meta.url));
}

/** Starts rebuilding the index of `dbFile`; progress arrives at most ten times a second. */
export function startIndexBuild(dbFile: string, indexFile: string, onProgress: (done: number, total: number) => void): IndexBuild {
  let worker: Worker;
  try {
    worker = spawnIndexThread();
  } catch (e) {
    const failed = Promise.reject(new DossierError('search/index-build-failed', `The index worker could not start: ${(e as Error).message}`));
    return { result: failed, cancel: async () => {} };
  }
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const result = new Promise<{ bytes: Uint8Array; lastChangeId: number; saved: boolean }>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      reject(new DossierError('search/index-build-failed', `Rebuilding the search index stopped: ${why}`));
    };
    worker.on('message', (msg: FromIndexWorker) => {
      if (msg.type === 'progress') onProgress(msg.done, msg.total);
      else if (msg.type === 'failed') fail(msg.message);
      else if (!settled) {
        settled = true;
        resolve({ bytes: msg.bytes, lastChangeId: msg.lastChangeId, saved: msg.saved });
      }
      if (msg.type !== 'progress') void worker.terminate();
    });
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`the worker exited (${code})`));
  });
  worker.postMessage({ type: 'build', dbFile, indexFile } satisfies ToIndexWorker);
  return {
    result,
    async cancel() {
      await worker.terminate();
      await exited;
    },
  };
}
