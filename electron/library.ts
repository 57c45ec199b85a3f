// The Library: the one facade over a library folder (SQLite file + derived search index) used by the app's
// handlers, the CLI and the tests. It knows nothing of windows or IPC.
import { mkdirSync, accessSync, constants, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from '../db/open.ts';
import { articlesSince, countArticles, getArticle, listArticles } from '../db/articles.ts';
import { countNotes, getNote, saveNote, notedArticleIds } from '../db/notes.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { exportFileName, toHtml, toJson, toMarkdown, type ExportFormat, type ExportItem } from './export/render.ts';
import type { ArticleDetail, LibraryInfo } from './api.ts';
import type { ArticleSummary, Briefing, ImportOutcome, ImportProgress, ImportReport, Note, SearchHit, SearchResult } from './article.ts';
import { DossierError } from './errors.ts';
import { LibraryIndex } from './library-index.ts';
import { runImportJob } from './import/worker-host.ts';
import type { ImportSource } from './import/protocol.ts';
import { makeSnippets } from './search/snippets.ts';
import { buildBriefing } from './themes/index.ts';
import { parsePeriod } from './period.ts';

export const DB_FILE = 'library.sqlite';
export const INDEX_FILE = 'search-index.bin';
const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface LibraryOptions {
  /** The library folder; created if missing. */
  dir: string;
  /** Files larger than this are refused (default 200 MB). */
  maxFileBytes?: number;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  onOutcome?: (o: ImportOutcome) => void;
}

export class Library {
  readonly dir: string;
  private readonly db: Db;
  private readonly searchIndex: LibraryIndex;
  private readonly maxFileBytes: number;
  /** Imports run one after another: one writer at a time keeps batches atomic and progress meaningful. */
  private importQueue: Promise<unknown> = Promise.resolve();
  /** One controller per running or queued import, so the user can cancel them all. */
  private readonly importAborts = new Set<AbortController>();
  private closed = false;

  private constructor(opts: LibraryOptions, db: Db) {
    this.dir = opts.dir;
    this.db = db;
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.searchIndex = new LibraryIndex(db, join(opts.dir, INDEX_FILE));
  }

  /** Opens (creating or migrating) the library in `opts.dir` and brings its search index up to date. */
  static open(opts: LibraryOptions): Library {
    const dir = resolve(opts.dir);
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch {
      throw new DossierError('library/not-writable', `Dossier cannot write to the library folder ${dir}. Check that it exists and that you may write there.`);
    }
    const db = openDatabase(join(dir, DB_FILE));
    const lib = new Library({ ...opts, dir }, db);
    lib.searchIndex.open();
    lib.searchIndex.save();
    return lib;
  }

  /** How the search index came up when the library opened. */
  get indexOrigin(): 'loaded' | 'rebuilt' {
    return this.searchIndex.origin;
  }

  /** Where the library lives and how much it holds. */
  info(): LibraryInfo {
    return { location: this.dir, articleCount: countArticles(this.db), noteCount: countNotes(this.db) };
  }

  /** Imports dropped files (name + bytes) in a worker thread; every file gets an outcome. */
  importFiles(files: Array<{ name: string; bytes: Uint8Array }>, opts: ImportOptions = {}): Promise<ImportReport> {
    return this.runImport({ kind: 'files', files }, opts);
  }

  /** Imports files and folders (recursively) from disk. */
  importPaths(paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return this.runImport({ kind: 'paths', paths: paths.map((p) => resolve(p)) }, opts);
  }

  /** Cancels every running and queued import (each stops between files). Returns how many were cancelled. */
  cancelImports(): number {
    const n = this.importAborts.size;
    for (const c of this.importAborts) c.abort();
    return n;
  }

  private runImport(source: ImportSource, opts: ImportOptions): Promise<ImportReport> {
    this.assertOpen();
    const abort = new AbortController();
    opts.signal?.addEventListener('abort', () => abort.abort(), { once: true });
    if (opts.signal?.aborted) abort.abort();
    this.importAborts.add(abort);
    const job = this.importQueue.then(async () => {
      // Index what each committed batch stored while the worker parses the next one: the main thread is idle
      // during an import, so indexing alongside instead of afterwards shortens the whole job.
      let pending: NodeJS.Immediate | undefined;
      const onOutcome = (o: ImportOutcome) => {
        opts.onOutcome?.(o);
        pending ??= setImmediate(() => {
          pending = undefined;
          if (!this.closed) this.searchIndex.catchUp();
        });
      };
      try {
        return await runImportJob(join(this.dir, DB_FILE), source, { maxFileBytes: this.maxFileBytes },
          { ...opts, onOutcome, signal: abort.signal });
      } finally {
        if (pending) clearImmediate(pending);
        this.importAborts.delete(abort);
        // Whatever the worker committed (even if it crashed or was cancelled) goes into the index now.
        if (!this.closed) {
          this.searchIndex.catchUp();
          this.searchIndex.save();
        }
      }
    });
    this.importQueue = job.catch(() => undefined);
    return job;
  }

  /** Articles, newest first. */
  list(opts: { limit?: number; offset?: number } = {}): ArticleSummary[] {
    this.assertOpen();
    return listArticles(this.db, opts.limit ?? 200, opts.offset ?? 0);
  }

  /** One article with its note; `articles/not-found` if the id is unknown. */
  get(id: number): ArticleDetail {
    this.assertOpen();
    const article = getArticle(this.db, id);
    if (!article) throw new DossierError('articles/not-found', `There is no article with id ${id} in this library.`);
    return { article, note: getNote(this.db, id) };
  }

  /** Full-text search over titles, texts and notes, with highlighted snippets. */
  search(q: string, opts: { limit?: number } = {}): SearchResult {
    this.assertOpen();
    this.searchIndex.catchUp();
    const res = this.searchIndex.index.search(q, { limit: opts.limit ?? 50 });
    const hits: SearchHit[] = [];
    for (const h of res.hits) {
      const a = getArticle(this.db, h.id);
      if (!a) continue;
      const note = getNote(this.db, h.id)?.body ?? '';
      hits.push({
        id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, language: a.language,
        score: h.score, matchedIn: h.matchedIn, snippets: makeSnippets({ title: a.title, text: a.text, note }, h),
      });
    }
    return { query: q, understood: res.understood, total: res.total, hits };
  }

  /** The themes of a period ('24h', '7d', 'all', a date…) with their articles, newest first. */
  briefing(opts: { since?: string; now?: Date } = {}): Briefing {
    this.assertOpen();
    const period = parsePeriod(opts.since, opts.now);
    const articles = articlesSince(this.db, period.from?.toISOString() ?? null);
    return buildBriefing(articles, period);
  }

  getNote(articleId: number): Note | null {
    this.assertOpen();
    return getNote(this.db, articleId);
  }

  /** Saves the Markdown note of an article (an empty body deletes it) and makes it searchable at once. */
  saveNote(articleId: number, body: string): Note | null {
    this.assertOpen();
    if (!getArticle(this.db, articleId)) {
      throw new DossierError('articles/not-found', `There is no article with id ${articleId} to attach a note to.`);
    }
    const note = saveNote(this.db, articleId, body, new Date().toISOString());
    this.searchIndex.catchUp();
    return note;
  }

  /**
   * Writes articles with their notes to `outDir`: one file per article (Markdown or HTML) or one JSON document.
   * Selects one article, or every article with a note (the default), or the whole library.
   */
  exportTo(outDir: string, opts: { format: ExportFormat; articleId?: number; all?: boolean }): string[] {
    this.assertOpen();
    const ids = opts.articleId !== undefined ? [opts.articleId]
      : opts.all ? listArticles(this.db, Number.MAX_SAFE_INTEGER, 0).map((a) => a.id) : notedArticleIds(this.db);
    const items: ExportItem[] = ids.map((id) => this.get(id));
    mkdirSync(outDir, { recursive: true });
    if (opts.format === 'json') {
      const file = join(outDir, 'dossier-export.json');
      writeFileSync(file, toJson(items));
      return [file];
    }
    return items.map((item) => {
      const file = join(outDir, exportFileName(item.article, opts.format as Exclude<ExportFormat, 'json'>));
      writeFileSync(file, opts.format === 'markdown' ? toMarkdown(item) : toHtml(item));
      return file;
    });
  }

  /** Writes a verified copy of the whole library (articles, notes, everything) to one file. */
  async backup(file: string): Promise<{ file: string; articles: number; notes: number }> {
    this.assertOpen();
    return { file: resolve(file), ...(await backupDatabase(this.db, resolve(file))) };
  }

  /**
   * Replaces the library in `dir` by a backup file. The current database is kept as a dated copy beside it
   * (returned); the search index is rebuilt on the next open. The library must not be open.
   */
  static restore(dir: string, backupFile: string): { savedCopy: string | null; articles: number; notes: number } {
    const target = join(resolve(dir), DB_FILE);
    mkdirSync(resolve(dir), { recursive: true });
    const result = restoreDatabase(resolve(backupFile), target);
    rmSync(join(resolve(dir), INDEX_FILE), { force: true });
    return result;
  }

  // desktop shell (issue 7): shown in About
  /** The SQLite library version this library runs on. */
  sqliteVersion(): string {
    return (this.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  }

  /** Waits for running imports, saves the index and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.importQueue;
    this.searchIndex.catchUp();
    this.searchIndex.save();
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new DossierError('library/closed', 'The library has been closed.');
  }
}

/** Opens a library folder (see Library.open). */
export async function openLibrary(opts: LibraryOptions): Promise<Library> {
  return Library.open(opts);
}
