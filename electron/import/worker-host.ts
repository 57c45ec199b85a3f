// Runs import jobs in a worker thread and turns its messages into a promise plus callbacks. A worker whose job
// finished is kept, with its parse threads, for the next job on the same library (see KEEP_IDLE_MS); a worker
// that failed, crashed or was cancelled is never reused. The same code runs in the app, the CLI and the tests;
// from source (vitest, tsx) the worker loads through tsx.
import type { Worker } from 'node:worker_threads';
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

/**
 * How long a finished job's worker and parse threads wait for the next job. A thread's first few dozen web pages
 * cost several times the later ones (V8 compiles the parser's hot code in each thread anew), and journalists drop
 * files in bursts: the next drop runs on warm threads. An idle minute gives their memory back.
 */
const KEEP_IDLE_MS = 60_000;

interface Idle { worker: Worker; timer: NodeJS.Timeout; forget: () => void }

/** Idle import workers by database file. Unreferenced, so an idle worker never keeps the process alive. */
const idle = new Map<string, Idle>();

function idleWorkerFor(dbFile: string): Worker | undefined {
  const kept = idle.get(dbFile);
  if (!kept) return undefined;
  idle.delete(dbFile);
  clearTimeout(kept.timer);
  kept.worker.off('exit', kept.forget);
  return kept.worker;
}

function keepIdle(dbFile: string, worker: Worker): void {
  void idleWorkerFor(dbFile)?.terminate();
  worker.unref();
  const forget = () => { if (idle.get(dbFile)?.worker === worker) idle.delete(dbFile); };
  const timer = setTimeout(() => void idleWorkerFor(dbFile)?.terminate(), KEEP_IDLE_MS);
  timer.unref();
  // An idle worker that dies (it should not) is simply forgotten.
  worker.on('exit', forget);
  idle.set(dbFile, { worker, timer, forget });
}

/** The key of a worker started ahead of any library (the CLI, before it has opened one): the first import takes it. */
const ANY_LIBRARY = '';

/**
 * Starts an import worker and its first parse thread now, ahead of an import that is about to come (files dragged
 * over the window, the file picker open, `dossier import` starting up): the threads' start, about a tenth of a
 * second each, then overlaps with the user's gesture or the CLI's own start instead of delaying the first file. The
 * worker waits as a finished job's does (KEEP_IDLE_MS) and is the one the next import of `dbFile` runs on (with no
 * `dbFile`, the next import of any library). Nothing is started when such a worker is waiting already.
 */
export function prepareImportWorker(dbFile: string | null, settings: Pick<ImportSettings, 'parseTimeoutMs'> = {}): void {
  const key = dbFile ?? ANY_LIBRARY;
  if (idle.has(key) || (key !== ANY_LIBRARY && idle.has(ANY_LIBRARY))) return;
  const worker = spawnImportThread('worker');
  worker.postMessage({ type: 'prepare', parseTimeoutMs: settings.parseTimeoutMs } satisfies ToWorker);
  // A worker that fails to start is simply forgotten (keepIdle), and the import spawns its own.
  worker.on('error', () => undefined);
  keepIdle(key, worker);
}

/** Stops the idle import worker of a library (the library is closing). */
export async function stopIdleImportWorker(dbFile: string): Promise<void> {
  await idleWorkerFor(dbFile)?.terminate();
}

/** Imports `source` into the database file; resolves with the report once the worker has closed its connection. */
export function runImportJob(dbFile: string, source: ImportSource, settings: ImportSettings,
  opts: ImportJobOptions = {}): Promise<ImportReport> {
  const jobId = `job-${process.pid}-${++jobCounter}`;
  const worker = idleWorkerFor(dbFile) ?? idleWorkerFor(ANY_LIBRARY) ?? spawnImportThread('worker');
  worker.ref();
  return new Promise<ImportReport>((resolve, reject) => {
    let error: Error | undefined;
    const cancel = () => worker.postMessage({ type: 'cancel', jobId } satisfies ToWorker);
    const detach = () => {
      opts.signal?.removeEventListener('abort', cancel);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (msg: FromWorker) => {
      if (msg.jobId !== jobId) return;
      if (msg.type === 'progress') opts.onProgress?.(msg);
      else if (msg.type === 'outcomes') for (const o of msg.outcomes) opts.onOutcome?.(o);
      else if (msg.type === 'done') {
        detach();
        // The worker closed its connection before it sent the report; a cancelled one has stopped its threads.
        if (msg.report.cancelled) void worker.terminate();
        else keepIdle(dbFile, worker);
        resolve(msg.report);
      } else if (msg.type === 'failed') {
        error = new DossierError(msg.error.code, msg.error.message);
        void worker.terminate();
      }
    };
    const onError = (e: Error) => {
      error ??= new DossierError('import/worker-crashed', `The import stopped unexpectedly: ${e.message}`);
    };
    // A failed job is settled once the worker is gone (its connection with it); so is a crash.
    const onExit = () => {
      detach();
      reject(error ?? new DossierError('import/worker-crashed', 'The import stopped unexpectedly.'));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    opts.signal?.addEventListener('abort', cancel, { once: true });
    worker.postMessage({ type: 'start', jobId, dbFile, source, settings } satisfies ToWorker);
    if (opts.signal?.aborted) cancel();
  });
}
