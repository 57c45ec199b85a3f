// The import worker thread: reads, parses and stores files with its own SQLite connection, one transaction
// per batch, reporting progress (throttled) and one outcome per file or article. Cancel is checked between files.
// Jobs run one after another; between them the worker keeps its parse threads (and their warmed-up JIT), and the
// database is closed. The host decides how long an idle worker lives (worker-host.ts).
import { parentPort } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Db } from '../../db/open.ts';
import type { ImportOutcome, ImportReport } from '../article.ts';
import type { FromWorker, ImportSettings, ImportSource, ParseAnswer, ParseTask, StoreItem, ToWorker } from './protocol.ts';
import type { KnownFile } from '../../db/file-digests.ts';
import { DEFAULT_PARSE_TIMEOUT_MS, ParsePool } from './parse-pool.ts';
import { walkPaths } from './walk.ts';
import { storageError } from '../storage-errors.ts';

/**
 * The database side (SQLite, the store and its duplicate checks) is imported only once the parse threads are
 * starting: a thread's start (and, from TypeScript sources, its module loading) takes longer than anything here,
 * so the two overlap instead of adding up.
 */
const loadStorage = () => Promise.all([import('../../db/open.ts'), import('./store.ts'), import('./known-files.ts')]);
type Loaded = Awaited<ReturnType<typeof loadStorage>>;
type Storage = Pick<Loaded[1], 'storeBatch'> & Pick<Loaded[2], 'KnownFiles' | 'sameBytesItem'>;

const BATCH_FILES = 200;
const BATCH_BYTES = 32 * 1024 * 1024;
/**
 * A batch is also committed once it has been open this long: the main thread indexes each committed batch while
 * the next ones are parsed, so at the end of a slow import (web pages, PDFs) only the last few files remain to be
 * stored and indexed. Commits are cheap (WAL, synchronous=NORMAL: no sync to disk per commit).
 */
const BATCH_MS = 100;
const PROGRESS_INTERVAL_MS = 100;
/**
 * Files handed to the parse pool before the oldest is stored: enough to keep every parse thread busy with a group in
 * hand and one ahead (see ParsePool). Small files go in groups, so more of them are handed out, within a byte budget.
 */
const PARSE_AHEAD = 16;
const PARSE_AHEAD_SMALL = 64;
const PARSE_AHEAD_BYTES = 8 * 1024 * 1024;

const port = parentPort!;
/** The job running now (a cancel for an earlier job is ignored) and whether it was cancelled. */
let currentJob: string | null = null;
let cancelled = false;
let pool: ParsePool | null = null;
/** The pool kept from the last job (its threads idle). */
let kept: ParsePool | null = null;

function post(msg: FromWorker): void {
  port.postMessage(msg);
}

interface Pending {
  name: string;
  source: ParseTask['source'];
  size: number;
}

function pendingFiles(source: ImportSource, failures: ImportOutcome[]): Pending[] {
  if (source.kind === 'files') {
    return source.files.map((f) => ({ name: f.name, size: f.bytes.byteLength, source: { bytes: f.bytes } }));
  }
  const walked = walkPaths(source.paths);
  for (const f of walked.failures) failures.push({ file: f.name, status: 'failed', error: f.error });
  // The parse thread reads the file itself, so the bytes never cross between threads.
  return walked.files.map((f) => ({ name: f.name, size: f.size, source: { path: f.path } }));
}

/**
 * A bulk import touches pages all over the near-duplicate band index. A bigger page cache keeps them in memory,
 * and a bigger WAL before automatic checkpoints means fewer checkpoints (each one syncs to disk and stalls the
 * batch); big imports end with a checkpoint of their own (see run). This connection only.
 */
function tuneForBulkWrites(db: Db): void {
  db.pragma('cache_size = -32768'); // KiB: 32 MB
  db.pragma('wal_autocheckpoint = 16384'); // pages: 64 MB of WAL
}

/** Parse threads: one per core (the main thread indexes, this thread stores), at most 4 (never more than files: see startThreads). */
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));

/** The kept pool if it has the job's time limit, else a new one. */
function poolFor(parseTimeoutMs: number | undefined): ParsePool {
  const reuse = kept && kept.timeoutMs === (parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS) ? kept : null;
  if (kept && !reuse) void kept.dispose();
  kept = null;
  return reuse ?? new ParsePool(POOL_SIZE, parseTimeoutMs);
}

/** The files of one job, walked, and the outcomes of those that failed already (unreadable folders). */
interface WalkedFiles { files: Pending[]; outcomes: ImportOutcome[] }

async function run(jobId: string, db: Db, storage: Storage, job: WalkedFiles, parsePool: ParsePool, settings: ImportSettings): Promise<ImportReport> {
  const { files, outcomes } = job;
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
  if (outcomes.length > 0) post({ type: 'outcomes', jobId, outcomes: [...outcomes] });
  progress(null, true);

  let batch: StoreItem[] = [];
  let batchBytes = 0;
  let batchOpenedAt = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const stored = storage.storeBatch(db, batch, new Date().toISOString());
    outcomes.push(...stored);
    post({ type: 'outcomes', jobId, outcomes: stored });
    batch = [];
    batchBytes = 0;
  };

  const hang = new Set(settings.hangOnNamesForTests ?? []);
  const knownFiles = new storage.KnownFiles(db, files.length);
  /** Parses `f` in the pool; given the recorded files of its size, the thread first compares its bytes with theirs. */
  const parse = (f: Pending, known: KnownFile[]) => parsePool.parse({ name: f.name, source: f.source, size: f.size,
    maxBytes: settings.maxFileBytes, recorded: known.length > 0 ? known.map((k) => k.sha256) : undefined,
    hangForTests: hang.has(f.name) || undefined });
  /**
   * A file recognised by its bytes is checked again in its turn, once the files before it are stored (one of them may
   * have replaced its article by a newer version): still the same article, it is a duplicate unparsed; else it is parsed.
   */
  const itemsOf = async (f: Pending, known: KnownFile[], answer: ParseAnswer): Promise<StoreItem[]> => {
    if (Array.isArray(answer)) return answer;
    if (batch.some((item) => 'draft' in item)) flush();
    const match = known.find((k) => k.sha256 === answer.sameBytesAs);
    const item = match && storage.sameBytesItem(db, f.name, match);
    // Parsed with no recorded digests, the thread always answers with items.
    return item ? [item] : (await parse(f, [])) as StoreItem[];
  };
  // Files are parsed ahead in the pool and stored in the order they were given, so outcomes keep that order.
  const ahead: Array<{ f: Pending; known: KnownFile[]; answer: Promise<ParseAnswer> }> = [];
  let aheadBytes = 0;
  const aheadFull = () => ahead.length >= PARSE_AHEAD_SMALL || (ahead.length >= PARSE_AHEAD && aheadBytes >= PARSE_AHEAD_BYTES);
  const take = async () => {
    const next = ahead.shift()!;
    aheadBytes -= next.f.size;
    // A file that keeps the import waiting (a big PDF, a stuck parse) is shown as the current one.
    const waiting = setTimeout(() => progress(next.f.name, true), PROGRESS_INTERVAL_MS);
    const items = await itemsOf(next.f, next.known, await next.answer);
    clearTimeout(waiting);
    if (cancelled) return;
    if (batch.length === 0) batchOpenedAt = Date.now();
    batch.push(...items);
    batchBytes += next.f.size;
    done++;
    progress(ahead[0]?.f.name ?? null);
    if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES || Date.now() - batchOpenedAt >= BATCH_MS) flush();
  };
  try {
    for (const [i, f] of files.entries()) {
      // Yield now and then so a 'cancel' message gets delivered even when parses resolve quickly.
      if (i % 16 === 0) await new Promise((r) => setImmediate(r));
      if (cancelled) break;
      // The bytes of a file already imported are not parsed (see known-files.ts). One over the size limit fails as before.
      const known = f.size <= settings.maxFileBytes ? knownFiles.ofSize(f.size) : [];
      ahead.push({ f, known, answer: parse(f, known) });
      aheadBytes += f.size;
      if (ahead.length === 1) progress(f.name);
      if (aheadFull()) await take();
    }
    while (ahead.length > 0 && !cancelled) await take();
  } finally {
    // Parses still in flight (cancel) stop now; a finished job's idle threads are kept for the next job (see below).
    if (cancelled) await parsePool.dispose();
  }
  flush();
  progress(null, true);
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  if (imported > 1000) db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    outcomes,
    imported,
    duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
    updated: outcomes.filter((o) => o.status === 'updated').length,
    failed: failedSoFar(),
    cancelled,
  };
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'prepare') {
    // Only ever the first message (the host keeps a prepared worker idle until a job takes it).
    kept = poolFor(msg.parseTimeoutMs);
    kept.startThreads(1);
    void loadStorage();
    return;
  }
  if (msg.type === 'cancel') {
    if (msg.jobId !== currentJob) return;
    cancelled = true;
    // Stop parses in flight at once (a long PDF need not finish); what is committed stays.
    void pool?.dispose();
    return;
  }
  // The host sends a job only once the one before is done (it waits for 'done' or 'failed').
  currentJob = msg.jobId;
  cancelled = false;
  let db: Db | undefined;
  void (async () => {
    try {
      const parsePool = poolFor(msg.settings.parseTimeoutMs);
      pool = parsePool;
      // One parse thread starts while the dropped folders are listed (10,000 files take a good part of a thread's
      // start), the others once it is known how many files there are; the database side loads and opens meanwhile.
      parsePool.startThreads(1);
      const outcomes: ImportOutcome[] = [];
      const files = pendingFiles(msg.source, outcomes);
      let report: ImportReport | undefined;
      try {
        parsePool.startThreads(files.length);
        const [{ openDatabase }, { storeBatch }, { KnownFiles, sameBytesItem }] = await loadStorage();
        db = openDatabase(msg.dbFile, { migrate: false });
        tuneForBulkWrites(db);
        report = await run(msg.jobId, db, { storeBatch, KnownFiles, sameBytesItem }, { files, outcomes }, parsePool, msg.settings);
        // Closed before 'done': once the host has the report, this worker holds nothing of the library open.
        db.close();
        db = undefined;
      } finally {
        pool = null;
        // A finished job's idle threads are kept for the next job; a cancelled or failed one's stop.
        if (report && !report.cancelled) kept = parsePool;
        else await parsePool.dispose();
      }
      currentJob = null;
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
