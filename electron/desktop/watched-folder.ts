// The optional watched folder: files saved into it are imported automatically. fs.watch only says "something
// changed", so each new file waits until its size has stopped changing (a download or save in progress is
// not read half-written), then it is imported once through the Library like any other file.
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImportReport } from '../article.ts';

export interface Importer {
  importPaths(paths: string[]): Promise<ImportReport>;
}

export interface WatchOptions {
  /** Quiet time after the last change before files are checked (ms). */
  debounceMs?: number;
  /** How long a file's size must stay the same to count as finished (ms). */
  stableMs?: number;
  onImported?(report: ImportReport): void;
  onError?(error: unknown): void;
}

/** Names that are never articles: partial downloads, editor swap and lock files, OS metadata. */
export function isTransientName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /\.(crdownload|part|partial|download|tmp|swp)$/i.test(name)
    || name === 'Thumbs.db' || name === 'desktop.ini';
}

/** Starts watching `dir`; files already in it are left alone. Returns dispose(). */
export function watchFolder(dir: string, importer: Importer, opts: WatchOptions = {}): () => void {
  const debounceMs = opts.debounceMs ?? 500;
  const stableMs = opts.stableMs ?? 1000;
  const seen = new Map<string, number>(); // path -> mtime already imported (or present at start)
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const path = join(dir, name);
    seen.set(path, safeStat(path)?.mtimeMs ?? 0);
  }
  let timer: NodeJS.Timeout | null = null;
  let disposed = false;
  let running: Promise<void> = Promise.resolve();

  const candidates = (): string[] => readdirSync(dir)
    .filter((name) => !isTransientName(name))
    .map((name) => join(dir, name))
    .filter((path) => {
      const st = safeStat(path);
      return !!st && st.isFile() && st.size > 0 && seen.get(path) !== st.mtimeMs;
    });

  const scan = async (): Promise<void> => {
    if (disposed || !existsSync(dir)) return;
    const sizes = new Map(candidates().map((p) => [p, safeStat(p)?.size ?? -1]));
    if (sizes.size === 0) return;
    await sleep(stableMs);
    if (disposed) return;
    const ready: string[] = [];
    for (const [path, size] of sizes) {
      const st = safeStat(path);
      if (st && st.size === size) ready.push(path);
      else schedule(); // still being written: look again after the next quiet period
    }
    if (ready.length === 0) return;
    for (const p of ready) seen.set(p, safeStat(p)?.mtimeMs ?? 0);
    try {
      opts.onImported?.(await importer.importPaths(ready));
    } catch (e) {
      opts.onError?.(e);
    }
  };

  function schedule(): void {
    if (disposed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(scan, scan);
    }, debounceMs);
  }

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name && isTransientName(basename(name.toString()))) return;
      schedule();
    });
    watcher.on('error', (e) => opts.onError?.(e));
  } catch (e) {
    opts.onError?.(e);
  }

  return () => {
    disposed = true;
    if (timer) clearTimeout(timer);
    watcher?.close();
  };
}

function safeStat(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
