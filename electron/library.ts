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
import { DossierError, isDossierError } from './errors.ts';
import { LibraryIndex } from './library-index.ts';
import { prepareImportWorker, runImportJob, stopIdleImportWorker } from './import/worker-host.ts';
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
import { parsePeriod, rangePeriod, type Period } from './period.ts';
import { BriefingThread } from './briefing-thread.ts';
import { LibraryThemes } from './library-themes.ts';
import type { ThemeDecision } from './api.ts';
import type { ThemeSummary } from './article.ts';
// notes on themes and briefings, theme export (issue 6)
import { LibraryNotes, themeExportFile, writeThemeExport, type TargetNoteFilter } from './library-notes.ts';
import { targetNotesHtml, targetNotesMarkdown } from './export/theme-render.ts';
import { themeArticleIds } from '../db/target-notes.ts';
import type { ListedTargetNote, NoteTargetKind, TargetNote } from './article.ts';

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
  /** Builds briefings off the main thread (started on the first one). */
  private briefingThread: BriefingThread | null = null;
  private readonly maxFileBytes: number;
  private readonly parseLimits: Pick<LibraryOptions, 'parseTimeoutMs' | 'hangOnNamesForTests'>; // import: time limit
  /** Imports run one after another: one writer at a time keeps batches atomic and progress meaningful. */
  private importQueue: Promise<unknown> = Promise.resolve();
  /** One controller per running or queued import, so the user can cancel them all. */
  private readonly importAborts = new Set<AbortController>();
  private closed = false;
  private readonly saved: SavedSearches;
  private readonly targetNotes: LibraryNotes;

  private constructor(opts: LibraryOptions, db: Db) {
    this.dir = opts.dir;
    this.db = db;
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.parseLimits = { parseTimeoutMs: opts.parseTimeoutMs, hangOnNamesForTests: opts.hangOnNamesForTests };
    this.searchIndex = new LibraryIndex(db, join(opts.dir, INDEX_FILE), join(opts.dir, DB_FILE));
    this.saved = new SavedSearches(db, () => this.searchIndex.index);
    this.themeStore = new LibraryThemes(db);
    this.targetNotes = new LibraryNotes(db, this.themeStore);
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

  /**
   * An import is likely to follow (files dragged over the window, the file picker open): its worker and first parse
   * thread start now, so the drop does not wait for them (see prepareImportWorker). Nothing starts while an import
   * runs or waits: the next one runs on that one's worker.
   */
  prepareImport(): void {
    if (this.closed || this.importAborts.size > 0) return;
    prepareImportWorker(join(this.dir, DB_FILE), { parseTimeoutMs: this.parseLimits.parseTimeoutMs });
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
      let updated = false;
      const onOutcome = (o: ImportOutcome) => {
        if (o.status === 'imported' && o.articleId !== undefined) importedIds.push(o.articleId);
        if (o.status === 'updated') updated = true;
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
          // A newer version replaced an article's text: cached key points may point into the old text.
          if (updated) this.themeStore.forgetDetails();
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
    // While a theme recompute is due (the briefing thread is on it), facets show ids rather than wait for it.
    const labels = new Map((this.themeStore.listIfReady() ?? []).map((th) => [th.id, th.label]));
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
  briefing(opts: BriefingOptions = {}): Briefing {
    this.assertOpen();
    const briefing = this.themeStore.briefing(periodOf(opts));
    this.searchIndex.catchUp(); // articles placed in themes just now are searchable by theme:
    return briefing;
  }

  /**
   * The same briefing, built on the briefing thread: the first one after a big import recomputes every theme
   * (seconds at 10k articles), and the app must stay usable meanwhile. Falls back to this thread if that one fails.
   */
  async buildBriefing(opts: BriefingOptions = {}): Promise<Briefing> {
    this.assertOpen();
    const period = periodOf(opts);
    this.briefingThread ??= new BriefingThread(join(this.dir, DB_FILE));
    let briefing: Briefing;
    try {
      briefing = await this.briefingThread.build(period);
    } catch (e) {
      if (!isDossierError(e) || e.code !== 'internal') throw e;
      this.assertOpen(); // the thread stops when the library closes: no fallback then
      console.error(e.message);
      briefing = this.themeStore.briefing(period);
    }
    this.assertOpen();
    this.searchIndex.catchUp();
    return briefing;
  }

  /** The briefing of a period as a Markdown or HTML document. */
  async exportBriefing(opts: BriefingOptions & { format: 'markdown' | 'html' }): Promise<string> {
    const b = await this.buildBriefing(opts);
    const notes = this.targetNotes.briefingNotes(b); // the briefing's note and its themes' notes (issue 6)
    return opts.format === 'markdown' ? renderBriefingMarkdown(b, notes) : renderBriefingHtml(b, notes);
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

  /** The note on a theme (key: theme id) or on a briefing (key: its day, YYYY-MM-DD); null when there is none. */
  getTargetNote(kind: NoteTargetKind, key: string): TargetNote | null {
    this.assertOpen();
    return this.targetNotes.get(kind, key);
  }

  /** Saves a theme or briefing note (an empty body deletes it); a theme note becomes searchable on its articles. */
  saveTargetNote(kind: NoteTargetKind, key: string, body: string): TargetNote | null {
    this.assertOpen();
    const note = this.targetNotes.save(kind, key, body);
    this.searchIndex.catchUp();
    return note;
  }

  /** Theme and briefing notes for the notes view (notes of themes that are gone included). */
  listTargetNotes(f: TargetNoteFilter = {}): ListedTargetNote[] {
    this.assertOpen();
    return this.targetNotes.list(f);
  }

  /** A theme (label, note, stories, articles with highlights and notes) rendered for saving. */
  renderThemeExport(themeId: string, format: ExportFormat): ExportFile {
    this.assertOpen();
    return themeExportFile(this.themeExport(themeId, format), format);
  }

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
  annotations(f: AnnotationFilter & { q?: string; themeId?: string } = {}): AnnotatedArticle[] {
    this.assertOpen();
    let articleIds = f.q?.trim() ? this.search(f.q, { limit: 500 }).hits.map((h) => h.id) : f.articleIds;
    if (f.themeId) {
      this.themeStore.ensure(); // new articles get their theme first
      const inTheme = new Set(themeArticleIds(this.db, f.themeId));
      articleIds = (articleIds ?? [...inTheme]).filter((id) => inTheme.has(id));
    }
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
    const others = this.targetNotes.list(); // theme and briefing notes (issue 6)
    if (opts.format === 'json') return { fileName: 'dossier-notes.json', content: toJson(ids.map((id) => this.get(id)), new Date(), others) };
    const items = ids.map((id) => this.documentItem(id));
    return opts.format === 'markdown'
      ? { fileName: 'dossier-notes.md', content: `${notesDigestMarkdown(items).trimEnd()}\n\n${targetNotesMarkdown(others)}` }
      : { fileName: 'dossier-notes.html', content: [...items.map(toHtml), targetNotesHtml(others)].join('\n') };
  }

  /** One article as standalone, print-friendly HTML (what the app turns into a PDF). */
  printableHtml(articleId: number): string {
    return toHtml(this.documentItem(articleId));
  }

  /** A theme as standalone, print-friendly HTML, with the PDF's file name (issue 6). */
  printableThemeHtml(themeId: string): { html: string; fileName: string } {
    const f = this.renderThemeExport(themeId, 'html');
    return { html: f.content, fileName: f.fileName.replace(/\.html$/, '.pdf') };
  }

  /**
   * Writes articles with their notes to `outDir`: one file per article (Markdown or HTML) or one JSON document.
   * Selects one article, or every article with a note (the default), or the whole library.
   */
  exportTo(outDir: string, opts: { format: ExportFormat; articleId?: number; all?: boolean; themeId?: string }): string[] {
    this.assertOpen();
    if (opts.themeId !== undefined) return writeThemeExport(outDir, this.themeExport(opts.themeId, opts.format), opts.format);
    const ids = opts.articleId !== undefined ? [opts.articleId]
      : opts.all ? listArticles(this.db, Number.MAX_SAFE_INTEGER, 0).map((a) => a.id)
      : listAnnotated(this.db).map((a) => a.articleId); // every article with a note, highlight or tag (issue 6)
    const items: ExportItem[] = ids.map((id) => this.get(id));
    mkdirSync(outDir, { recursive: true });
    if (opts.format === 'json') {
      const file = join(outDir, 'dossier-export.json');
      // Notes on themes and briefings travel with the notes (not with a single article's export).
      writeFileSync(file, toJson(items, new Date(), opts.articleId === undefined ? this.targetNotes.list() : []));
      return [file];
    }
    return items.map((item) => {
      const file = join(outDir, exportFileName(item.article, opts.format as Exclude<ExportFormat, 'json'>));
      const doc = this.documentItem(item.article.id);
      writeFileSync(file, opts.format === 'markdown' ? toMarkdown(doc) : toHtml(doc));
      return file;
    });
  }

  /** JSON carries the article's own tags (as import-export reads them); documents join them with the note's #hashtags. */
  private themeExport(themeId: string, format: ExportFormat) {
    return this.targetNotes.themeExport(themeId, (id) => (format === 'json' ? this.get(id) : this.documentItem(id)));
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
    this.closed = true;
    await stopIdleImportWorker(join(this.dir, DB_FILE));
    await this.briefingThread?.close();
    await this.searchIndex.dispose(); // a rebuild still running stops; the next open starts it again
    this.searchIndex.catchUp();
    this.searchIndex.save();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new DossierError('library/closed', 'The library has been closed.');
  }
}

export type BriefingOptions = { since?: string; from?: string; to?: string; now?: Date };

const periodOf = (o: BriefingOptions): Period => (o.from ? rangePeriod(o.from, o.to, o.now) : parsePeriod(o.since, o.now));

/** Opens a library folder (see Library.open). */
export async function openLibrary(opts: LibraryOptions): Promise<Library> {
  return Library.open(opts);
}
