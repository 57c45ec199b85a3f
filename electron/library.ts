// The Library: the one facade over a library folder (SQLite file + derived search index) used by the app's
// handlers, the CLI and the tests. It knows nothing of windows or IPC.
import { mkdirSync, accessSync, constants, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from '../db/open.ts';
import { countArticles, getArticle, listArticles } from '../db/articles.ts';
import { countNotes, getNote, saveNote, notedArticleIds } from '../db/notes.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { exportFileName, notesDigestMarkdown, toHtml, toJson, toMarkdown, type ExportFormat, type ExportItem } from './export/render.ts';
import type { ArticleDetail, ExportFile, LibraryInfo } from './api.ts';
import type { ArticleSummary, Briefing, ImportOutcome, ImportProgress, ImportReport, IndexStatus, Note, SearchHit, SearchResult } from './article.ts';
import { DossierError } from './errors.ts';
import { LibraryIndex } from './library-index.ts';
import { runImportJob } from './import/worker-host.ts';
import type { ImportSource } from './import/protocol.ts';
import { makeSnippets } from './search/snippets.ts';
import { SearchIndex } from './search/search-index.ts';
// Saved searches, alerts and batch search (issue 4).
import { SavedSearches } from './saved-searches.ts';
import { batchSearch } from './batch-search.ts';
import type { BatchSearchRow, SavedSearch, SavedSearchDraft, SavedSearchMatches } from './article.ts';
// highlights, tags, notes view, export import (issue 6)
import { readFileSync } from 'node:fs';
import { addHighlight, allTagsOf, editHighlight, listAnnotated, placedHighlights, removeHighlight, tagArticle, tagCounts, type AnnotationFilter, type HighlightDraft } from './highlights/annotations.ts';
import { importExport, type ExportImportReport } from './export/import-export.ts';
import { articleTags, noteTags } from '../db/tags.ts';
import type { AnnotatedArticle, Highlight, HighlightColor } from './article.ts';
import { renderBriefingHtml, renderBriefingMarkdown } from './themes/index.ts';
import { parsePeriod, rangePeriod } from './period.ts';
import { LibraryThemes } from './library-themes.ts';
import type { ThemeDecision } from './api.ts';
import type { ThemeSummary } from './article.ts';

export const DB_FILE = 'library.sqlite';
export const INDEX_FILE = 'search-index.bin';
const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface LibraryOptions {
  /** The library folder; created if missing. */
  dir: string;
  /** Files larger than this are refused (default 200 MB). */
  maxFileBytes?: number;
  // import: per-file time limit
  /** A file whose parse takes longer fails alone with import/timeout (default 30 s). */
  parseTimeoutMs?: number;
  /** Test-only: files with these names hang their parser, to exercise the time limit. */
  hangOnNamesForTests?: string[];
  /**
   * How a missing, stale or corrupt index is rebuilt: 'background' in a worker, the library usable meanwhile;
   * 'sync' before open returns; 'auto' (default) in the background from 1,000 articles (below, it takes less
   * than starting the worker would).
   */
  indexRebuild?: 'auto' | 'background' | 'sync';
  /** Test-only: a background index rebuild is installed only once this settles (to change things meanwhile). */
  holdIndexBuildForTests?: Promise<unknown>;
  /** Test-only: the background index rebuild fails, to exercise the fallback. */
  failIndexBuildForTests?: boolean;
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
  /** Persisted themes; new articles are placed lazily, on the next briefing or theme call. */
  private readonly themeStore: LibraryThemes;
  private readonly maxFileBytes: number;
  private readonly parseLimits: Pick<LibraryOptions, 'parseTimeoutMs' | 'hangOnNamesForTests'>; // import: time limit
  /** Imports run one after another: one writer at a time keeps batches atomic and progress meaningful. */
  private importQueue: Promise<unknown> = Promise.resolve();
  /** One controller per running or queued import, so the user can cancel them all. */
  private readonly importAborts = new Set<AbortController>();
  private closed = false;
  private readonly saved: SavedSearches;

  private constructor(opts: LibraryOptions, db: Db) {
    this.dir = opts.dir;
    this.db = db;
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.parseLimits = { parseTimeoutMs: opts.parseTimeoutMs, hangOnNamesForTests: opts.hangOnNamesForTests };
    this.searchIndex = new LibraryIndex(db, join(opts.dir, INDEX_FILE), join(opts.dir, DB_FILE));
    this.saved = new SavedSearches(db, () => this.searchIndex.index);
    this.themeStore = new LibraryThemes(db);
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
    lib.searchIndex.open({ mode: opts.indexRebuild ?? 'auto', holdForTests: opts.holdIndexBuildForTests,
      failForTests: opts.failIndexBuildForTests });
    lib.searchIndex.save();
    return lib;
  }

  /** How the search index came up when the library opened. */
  get indexOrigin(): 'loaded' | 'rebuilt' {
    return this.searchIndex.origin;
  }

  /** Whether search can answer now, or the index is being rebuilt (with progress) or could not be rebuilt. */
  indexStatus(): IndexStatus {
    return this.searchIndex.status;
  }

  /** Resolves once a background index rebuild has finished and caught up (at once when none runs). */
  whenIndexReady(): Promise<void> {
    return this.searchIndex.whenReady();
  }

  /** Calls `listener` on the rebuild's progress and when the index becomes ready; returns the unsubscribe function. */
  onIndexStatus(listener: (s: IndexStatus) => void): () => void {
    return this.searchIndex.onStatus(listener);
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
      const importedIds: number[] = [];
      const onOutcome = (o: ImportOutcome) => {
        if (o.status === 'imported' && o.articleId !== undefined) importedIds.push(o.articleId);
        opts.onOutcome?.(o);
        pending ??= setImmediate(() => {
          pending = undefined;
          if (!this.closed) this.searchIndex.catchUp();
        });
      };
      try {
        return await runImportJob(join(this.dir, DB_FILE), source, { maxFileBytes: this.maxFileBytes, ...this.parseLimits },
          { ...opts, onOutcome, signal: abort.signal });
      } finally {
        if (pending) clearImmediate(pending);
        this.importAborts.delete(abort);
        // Whatever the worker committed (even if it crashed or was cancelled) goes into the index now.
        if (!this.closed) {
          this.searchIndex.catchUp();
          this.searchIndex.save();
          // Alerts: the saved searches look at this import's new articles only (also while the index rebuilds).
          this.saved.checkNewArticles(importedIds, new Date(), this.searchIndex.indexFor(importedIds));
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
    return { article, note: getNote(this.db, id), highlights: placedHighlights(this.db, id),
      tags: articleTags(this.db, id), noteTags: noteTags(getNote(this.db, id)?.body ?? '') };
  }

  /** Full-text search over titles, texts and notes, with highlighted snippets. */
  search(q: string, opts: { limit?: number; strictUmlauts?: boolean; facets?: boolean; onlyIds?: number[]; locale?: 'en' | 'de' } = {}): SearchResult {
    this.assertOpen();
    if (!this.searchIndex.isReady) {
      // Rebuilding: no hits yet, but the query is still parsed (a malformed one gets its message) and described.
      const index = this.searchIndex.status;
      const { understood } = SearchIndex.empty().search(q, { limit: 1, locale: opts.locale });
      return { query: q, understood, total: 0, hits: [], index };
    }
    this.searchIndex.catchUp();
    const res = this.searchIndex.index.search(q, {
      limit: opts.limit ?? 50, strictUmlauts: opts.strictUmlauts, facets: opts.facets, onlyIds: opts.onlyIds, locale: opts.locale,
    });
    const hits: SearchHit[] = [];
    for (const h of res.hits) {
      const a = getArticle(this.db, h.id);
      if (!a) continue;
      const note = getNote(this.db, h.id)?.body ?? '';
      hits.push({
        id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, importedAt: a.importedAt, language: a.language,
        score: h.score, matchedIn: h.matchedIn, snippets: makeSnippets({ title: a.title, text: a.text, note }, h),
      });
    }
    if (!res.facets) return { query: q, understood: res.understood, total: res.total, hits };
    // Theme facets count by stable theme id (the filter `theme:ID` needs it); the user reads the theme's label.
    const labels = new Map(this.themeStore.list().map((th) => [th.id, th.label]));
    const theme = res.facets.theme.map((f) => ({ ...f, label: labels.get(f.value) ?? f.value }));
    return { query: q, understood: res.understood, total: res.total, hits, facets: { ...res.facets, theme } };
  }

  // --- Saved searches, alerts and batch search (issue 4) ---

  /** Saved searches with their unseen-match counts. */
  savedSearches(): SavedSearch[] {
    this.assertOpen();
    return this.saved.list();
  }

  /** Saves a query (refused with the parser's message if malformed); later imports are checked against it. */
  saveSearch(draft: SavedSearchDraft): SavedSearch {
    this.assertOpen();
    this.searchIndex.catchUp();
    return this.saved.save(draft);
  }

  deleteSavedSearch(id: number): void {
    this.assertOpen();
    this.saved.delete(id);
  }

  /** Runs a saved search now: its unseen (newly imported) matches first and flagged, then the rest by rank. */
  savedSearchMatches(id: number, opts: { limit?: number } = {}): SavedSearchMatches {
    this.assertOpen();
    const search = this.saved.get(id);
    const unseen = new Set(this.saved.unseenIds(id));
    const strictUmlauts = search.strictUmlauts;
    const fresh = unseen.size > 0 ? this.search(search.query, { strictUmlauts, onlyIds: [...unseen], limit: 500 }).hits : [];
    const all = this.search(search.query, { strictUmlauts, limit: opts.limit ?? 50 });
    const freshIds = new Set(fresh.map((h) => h.id));
    const hits = [...fresh.map((h) => ({ ...h, unseen: true })),
      ...all.hits.filter((h) => !freshIds.has(h.id)).map((h) => ({ ...h, unseen: unseen.has(h.id) }))];
    return { search, understood: all.understood, total: all.total, hits };
  }

  /** Marks every match of a saved search as seen (the badge goes away). */
  markSavedSearchSeen(id: number): SavedSearch {
    this.assertOpen();
    return this.saved.markSeen(id);
  }

  /** Hit counts for a list of names or terms (one query each), most hits first. */
  batchSearch(terms: string[], opts: { strictUmlauts?: boolean } = {}): BatchSearchRow[] {
    this.assertOpen();
    this.searchIndex.catchUp();
    return batchSearch(this.searchIndex.index, terms, opts);
  }

  // Themes & briefing (issue 5): persisted themes, curation, export.
  /** The themes of a period ('24h', '7d', 'all', a date…, or a from–to range of days), from the persisted themes. */
  briefing(opts: { since?: string; from?: string; to?: string; now?: Date } = {}): Briefing {
    this.assertOpen();
    const period = opts.from ? rangePeriod(opts.from, opts.to, opts.now) : parsePeriod(opts.since, opts.now);
    const briefing = this.themeStore.briefing(period);
    this.searchIndex.catchUp(); // articles placed in themes just now are searchable by theme:
    return briefing;
  }

  /** The briefing of a period as a Markdown or HTML document. */
  exportBriefing(opts: { since?: string; from?: string; to?: string; format: 'markdown' | 'html'; now?: Date }): string {
    const b = this.briefing(opts);
    return opts.format === 'markdown' ? renderBriefingMarkdown(b) : renderBriefingHtml(b);
  }

  /** Every theme (hidden ones too) with its stable id, label and size. */
  themes(): ThemeSummary[] {
    this.assertOpen();
    return this.themeStore.list();
  }

  /** Rename, merge, split off, move an article, pin, hide: stored, and re-applied after every recomputation. */
  decideTheme(d: ThemeDecision): ThemeSummary {
    this.assertOpen();
    const summary = this.themeStore.decide(d);
    this.searchIndex.catchUp();
    return summary;
  }

  /** Recomputes every theme from scratch (the user's decisions are kept and re-applied). */
  recomputeThemes(): number {
    this.assertOpen();
    const state = this.themeStore.recompute();
    this.searchIndex.catchUp();
    return state.themes.length;
  }

  /** The note of an article (null when it has none); `articles/not-found` if the id is unknown. */
  getNote(articleId: number): Note | null {
    this.assertOpen();
    if (!getArticle(this.db, articleId)) {
      throw new DossierError('articles/not-found', `There is no article with id ${articleId} in this library.`);
    }
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

  // --- highlights, tags, notes view, import of an export (issue 6) ---

  /** Highlights a stretch [start, end) of an article's text, anchored so it survives a changed text. */
  addHighlight(d: HighlightDraft): Highlight {
    this.assertOpen();
    const h = addHighlight(this.db, d, new Date().toISOString());
    this.searchIndex.catchUp();
    return h;
  }

  /** Changes a highlight's colour and/or comment. */
  updateHighlight(id: number, patch: { color?: HighlightColor; comment?: string }): Highlight {
    this.assertOpen();
    const h = editHighlight(this.db, id, patch, new Date().toISOString());
    this.searchIndex.catchUp();
    return h;
  }

  deleteHighlight(id: number): void {
    this.assertOpen();
    removeHighlight(this.db, id);
    this.searchIndex.catchUp();
  }

  /** Replaces an article's own tags and answers them (its note's #hashtags stay in the note). */
  setTags(articleId: number, tags: string[]): string[] {
    this.assertOpen();
    const next = tagArticle(this.db, articleId, tags);
    this.searchIndex.catchUp();
    return next;
  }

  /** An article prepared for Markdown/HTML export: its tags joined with its note's #hashtags. */
  private documentItem(id: number): ExportItem {
    const d = this.get(id);
    return { ...d, tags: allTagsOf(this.db, id) };
  }

  /** Tags in use (article tags and note #hashtags), most used first. */
  tags(): Array<{ tag: string; count: number }> {
    this.assertOpen();
    return tagCounts(this.db);
  }

  /** The notes view: every annotated article (note, highlights, tags), filtered; `q` uses the search language. */
  annotations(f: AnnotationFilter & { q?: string } = {}): AnnotatedArticle[] {
    this.assertOpen();
    const articleIds = f.q?.trim() ? this.search(f.q, { limit: 500 }).hits.map((h) => h.id) : f.articleIds;
    return listAnnotated(this.db, { ...f, articleIds });
  }

  /** Reads a Dossier JSON export back: missing articles added, notes/highlights/tags merged, no duplicates. */
  importExportFile(file: string): ExportImportReport {
    this.assertOpen();
    const { report } = importExport(this.db, readFileSync(resolve(file), 'utf8'), new Date().toISOString());
    this.searchIndex.catchUp();
    this.searchIndex.save();
    return report;
  }

  /** One article (or, without an id, every annotated article) rendered for the user to save. */
  renderExport(opts: { articleId?: number; format: ExportFormat }): ExportFile {
    this.assertOpen();
    if (opts.articleId !== undefined) {
      const item = this.get(opts.articleId);
      if (opts.format === 'json') return { fileName: `${exportFileName(item.article, 'markdown').replace(/\.md$/, '')}.json`, content: toJson([item]) };
      const doc = this.documentItem(opts.articleId);
      return { fileName: exportFileName(item.article, opts.format), content: opts.format === 'markdown' ? toMarkdown(doc) : toHtml(doc) };
    }
    const ids = listAnnotated(this.db).map((a) => a.articleId);
    if (opts.format === 'json') return { fileName: 'dossier-notes.json', content: toJson(ids.map((id) => this.get(id))) };
    const items = ids.map((id) => this.documentItem(id));
    return opts.format === 'markdown'
      ? { fileName: 'dossier-notes.md', content: notesDigestMarkdown(items) }
      : { fileName: 'dossier-notes.html', content: items.map(toHtml).join('\n') };
  }

  /** One article as standalone, print-friendly HTML (what the app turns into a PDF). */
  printableHtml(articleId: number): string {
    return toHtml(this.documentItem(articleId));
  }

  /**
   * Writes articles with their notes to `outDir`: one file per article (Markdown or HTML) or one JSON document.
   * Selects one article, or every article with a note (the default), or the whole library.
   */
  exportTo(outDir: string, opts: { format: ExportFormat; articleId?: number; all?: boolean }): string[] {
    this.assertOpen();
    const ids = opts.articleId !== undefined ? [opts.articleId]
      : opts.all ? listArticles(this.db, Number.MAX_SAFE_INTEGER, 0).map((a) => a.id)
      : listAnnotated(this.db).map((a) => a.articleId); // every article with a note, highlight or tag (issue 6)
    const items: ExportItem[] = ids.map((id) => this.get(id));
    mkdirSync(outDir, { recursive: true });
    if (opts.format === 'json') {
      const file = join(outDir, 'dossier-export.json');
      writeFileSync(file, toJson(items));
      return [file];
    }
    return items.map((item) => {
      const file = join(outDir, exportFileName(item.article, opts.format as Exclude<ExportFormat, 'json'>));
      const doc = this.documentItem(item.article.id);
      writeFileSync(file, opts.format === 'markdown' ? toMarkdown(doc) : toHtml(doc));
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
    await this.searchIndex.dispose(); // a rebuild still running stops; the next open starts it again
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
