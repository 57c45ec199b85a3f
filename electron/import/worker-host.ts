// Runs one import job in a fresh worker thread and turns its messages into a promise plus callbacks.
// The same code runs in the app, the CLI and the tests; from source (vitest, tsx) the worker loads through tsx.
import type { ImportOutcome, ImportProgress, ImportReport } from '../article.ts';
import { DossierError } from '../errors.ts';
import type { FromWorker, ImportSettings, ImportSource, ToWorker } from './protocol.ts';
import { spawnImportThread } from './spawn.ts';

export interface ImportJobOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  onOutcome?: (o: ImportOutcome) => void;
}

let jobCounter = 0;

/** Imports `source` into the database file; resolves with the report once the worker has exited. */
export function runImportJob(dbFile: string, source: ImportSource, settings: ImportSettings,
  opts: ImportJobOptions = {}): Promise<ImportReport> {
  const jobId = `job-${process.pid}-${++jobCounter}`;
  const worker = spawnImportThread('worker');
  return new Promise<ImportReport>((resolve, reject) => {
    let result: { report?: ImportReport; error?: Error } | undefined;
    const cancel = () => worker.postMessage({ type: 'cancel', jobId } satisfies ToWorker);
    opts.signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (msg: FromWorker) => {
      if (msg.jobId !== jobId) return;
      if (msg.type === 'progress') opts.onProgress?.(msg);
      else if (msg.type === 'outcomes') for (const o of msg.outcomes) opts.onOutcome?.(o);
      else if (msg.type === 'done') result = { report: msg.report };
      else if (msg.type === 'failed') result = { error: new DossierError(msg.error.code, msg.error.message) };
      if (result) void worker.terminate();
    });
    worker.on('error', (e) => {
      result ??= { error: new DossierError('import/worker-crashed', `The import stopped unexpectedly: ${e.message}`) };
    });
    worker.on('exit', () => {
      opts.signal?.removeEventListener('abort', cancel);
      if (result?.report) resolve(result.report);
      else reject(result?.error ?? new DossierError('import/worker-crashed', 'The import stopped unexpectedly.'));
    });
    worker.postMessage({ type: 'start', jobId, dbFile, source, settings } satisfies ToWorker);
    if (opts.signal?.aborted) cancel();
  });
}
