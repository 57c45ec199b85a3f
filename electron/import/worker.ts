// The import worker thread: reads, parses and stores files with its own SQLite connection, one transaction
// per batch, reporting progress (throttled) and one outcome per file or article. Cancel is checked between files.
import { parentPort } from 'node:worker_threads';
import { readFileSync, statSync } from 'node:fs';
import { openDatabase, type Db } from '../../db/open.ts';
import type { ImportOutcome, ImportReport } from '../article.ts';
import type { FromWorker, ImportSettings, ImportSource, ToWorker } from './protocol.ts';
import { parseFile, type ParsedItem } from './parse-file.ts';
import { storeBatch } from './store.ts';
import { walkPaths } from './walk.ts';
import { storageError } from '../storage-errors.ts';

const BATCH_FILES = 200;
const BATCH_BYTES = 32 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 100;

const port = parentPort!;
let cancelled = false;

function post(msg: FromWorker): void {
  port.postMessage(msg);
}

interface Pending {
  name: string;
  load(): Uint8Array;
  size: number;
}

function pendingFiles(source: ImportSource, failures: ImportOutcome[]): Pending[] {
  if (source.kind === 'files') {
    return source.files.map((f) => ({ name: f.name, size: f.bytes.byteLength, load: () => f.bytes }));
  }
  const walked = walkPaths(source.paths);
  for (const f of walked.failures) failures.push({ file: f.name, status: 'failed', error: f.error });
  return walked.files.map((f) => {
    let size = 0;
    try { size = statSync(f.path).size; } catch { /* reported when loading */ }
    // A plain Uint8Array, not a Buffer: some parsers (pdf.js) refuse Buffers.
    return { name: f.name, size, load: () => new Uint8Array(readFileSync(f.path)) };
  });
}

function tooLarge(p: Pending, max: number): ParsedItem[] {
  const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
  return [{ name: p.name, error: { code: 'import/too-large',
    message: `${p.name} is ${mb(p.size)}, more than the ${mb(max)} limit for one file; it was not imported.` } }];
}

async function parsePending(p: Pending, settings: ImportSettings): Promise<ParsedItem[]> {
  if (p.size > settings.maxFileBytes) return tooLarge(p, settings.maxFileBytes);
  let bytes: Uint8Array;
  try {
    bytes = p.load();
  } catch {
    return [{ name: p.name, error: { code: 'import/unreadable', message: `${p.name} could not be read from disk.` } }];
  }
  try {
    return await parseFile({ name: p.name, bytes }, { maxBytes: settings.maxFileBytes });
  } catch (e) {
    // parseFile reports bad input as items; reaching here is a bug, but it must still fail this file alone.
    return [{ name: p.name, error: { code: 'import/internal', message: `${p.name} could not be imported: ${(e as Error).message}` } }];
  }
}

async function run(jobId: string, db: Db, source: ImportSource, settings: ImportSettings): Promise<ImportReport> {
  const outcomes: ImportOutcome[] = [];
  const files = pendingFiles(source, outcomes);
  const total = files.length + outcomes.length;
  let done = outcomes.length;
  let lastProgress = 0;
  const failedSoFar = () => outcomes.filter((o) => o.status === 'failed').length;
  const progress = (current: string | null, force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    post({ type: 'progress', jobId, done, total, current, failed: failedSoFar() });
  };
  for (const o of outcomes) post({ type: 'outcome', jobId, outcome: o });
  progress(null, true);

  let batch: ParsedItem[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const stored = storeBatch(db, batch, new Date().toISOString());
    for (const o of stored) {
      outcomes.push(o);
      post({ type: 'outcome', jobId, outcome: o });
    }
    batch = [];
    batchBytes = 0;
  };

  for (const [i, f] of files.entries()) {
    // Parsing text resolves without a macrotask; yield now and then so a 'cancel' message gets delivered.
    if (i % 16 === 0) await new Promise((r) => setImmediate(r));
    if (cancelled) break;
    progress(f.name);
    const items = await parsePending(f, settings);
    batch.push(...items);
    batchBytes += f.size;
    done++;
    if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) flush();
  }
  flush();
  progress(null, true);
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  if (imported > 1000) db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    outcomes,
    imported,
    duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
    failed: failedSoFar(),
    cancelled,
  };
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'cancel') {
    cancelled = true;
    return;
  }
  let db: Db | undefined;
  void (async () => {
    try {
      db = openDatabase(msg.dbFile, { migrate: false });
      const report = await run(msg.jobId, db, msg.source, msg.settings);
      post({ type: 'done', jobId: msg.jobId, report });
    } catch (e) {
      // Disk full or read-only: SQLite rolled the batch back; say so in words, not in SQLite's codes.
      const err = (storageError(e) ?? e) as { code?: string; message?: string };
      post({ type: 'failed', jobId: msg.jobId, error: { code: err.code ?? 'import/internal', message: err.message ?? String(e) } });
    } finally {
      db?.close();
    }
  })();
});
