// Keeps the derived search index in step with SQLite: load the saved file, catch up from the change log,
// rebuild when the file is missing, stale or corrupt (in a worker thread, the library usable meanwhile), and
// save it atomically. Losing the file loses nothing.
import { existsSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import type { Db } from '../db/open.ts';
import { countArticles, indexedFieldsOf, type IndexedFields } from '../db/articles.ts';
import { noteBodiesOf } from '../db/notes.ts';
import { allAssignments, assignmentsRevision, themesOf } from '../db/themes.ts';
import { changesSince, lastChangeId } from '../db/changes.ts';
import { prepared } from '../db/statements.ts';
// highlights & tags (issue 6): what the index gets from them
import { highlightCommentsOf } from '../db/highlights.ts';
import { articleTagsOf, noteTags } from '../db/tags.ts';
import { getTargetNote } from '../db/target-notes.ts';
import { SearchIndex, type IndexDoc } from './search/search-index.ts';
import type { IndexStatus } from './article.ts';
import { startIndexBuild, type IndexBuild } from './index-build.ts';

export type IndexOrigin = 'loaded' | 'rebuilt';

const PROGRESS_EVERY_MS = 100;
/** From this many articles a rebuild runs in the background ('auto'): below, it is quicker than a worker's start. */
export const BACKGROUND_FROM = 1000;

export function toIndexDoc(a: IndexedFields, note: string, tags: string[] = [], themeIds: string[] = []): IndexDoc {
  return {
    id: a.id, title: a.title, text: a.text, note, outlet: a.outlet, language: a.language,
    publishedAt: a.publishedAt, importedAt: a.importedAt, tags, themeIds,
  };
}

/**
 * Articles read per statement when documents are built for the index (catch-up after an import, rebuilds): a few
 * statements per article would cost more than indexing it, and a chunk's texts are all in memory at once.
 */
const READ_CHUNK = 500;

/** `items` in consecutive slices of READ_CHUNK. */
function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let from = 0; from < items.length; from += READ_CHUNK) yield items.slice(from, from + READ_CHUNK);
}

/**
 * The given articles as the index takes them (those that no longer exist are left out), each kind of annotation
 * read with one statement. highlights & tags (issue 6): the `note` field also holds highlight comments, and `tags`
 * joins the article's tags with the #hashtags of its note, so `note:`, `has:note` and `tag:` see every annotation.
 * Themes (issue 5): the stored theme, for `theme:` queries and facets; the note on that theme is indexed on the
 * article too, so `note:` finds theme notes. `notes`: every note body, when the caller has read them all already.
 */
function docsOf(db: Db, ids: readonly number[], notes?: ReadonlyMap<number, string>): IndexDoc[] {
  const fields = indexedFieldsOf(db, ids);
  const bodies = notes ?? noteBodiesOf(db, ids);
  const comments = highlightCommentsOf(db, ids);
  const tags = articleTagsOf(db, ids);
  const themes = themesOf(db, ids);
  const themeNotes = new Map<string, string>();
  const themeNote = (themeId: string) => {
    let body = themeNotes.get(themeId);
    if (body === undefined) themeNotes.set(themeId, (body = getTargetNote(db, 'theme', themeId)?.body ?? ''));
    return body;
  };
  const docs: IndexDoc[] = [];
  for (const id of ids) {
    const a = fields.get(id);
    if (!a) continue;
    const noteBody = bodies.get(id) ?? '';
    const themeId = themes.get(id);
    const note = [noteBody, ...(comments.get(id) ?? []), themeId ? themeNote(themeId) : ''].filter((s) => s.trim() !== '').join('\n\n');
    docs.push(toIndexDoc(a, note, [...new Set([...(tags.get(id) ?? []), ...noteTags(noteBody)])], themeId ? [themeId] : []));
  }
  return docs;
}

/**
 * Builds the whole index from SQLite (the worker thread runs this; so does the fallback on the main thread).
 * The change id is read first: whatever is written while the build reads is in the log after it and caught up.
 */
export function buildIndex(db: Db, onProgress?: (done: number, total: number) => void): { index: SearchIndex; lastChangeId: number } {
  const index = SearchIndex.empty();
  const upTo = lastChangeId(db);
  const notes = new Map((prepared(db, 'SELECT article_id, body FROM notes').all() as
    Array<{ article_id: number; body: string }>).map((n) => [n.article_id, n.body]));
  const ids = prepared(db, 'SELECT id FROM articles ORDER BY id').pluck().all() as number[];
  let last = 0;
  let done = 0;
  for (const chunk of chunks(ids)) {
    for (const doc of docsOf(db, chunk, notes)) index.add(doc);
    done += chunk.length;
    if (onProgress && Date.now() - last >= PROGRESS_EVERY_MS) {
      last = Date.now();
      onProgress(done, ids.length);
    }
  }
  onProgress?.(ids.length, ids.length);
  return { index, lastChangeId: upTo };
}

/** Writes index bytes beside the database: temp file + rename, so a crash never leaves half a file. */
export function writeIndexBytes(file: string, bytes: Uint8Array, tmp = `${file}.tmp`): boolean {
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    return true;
  } catch {
    // Disk full or read-only: the index is derived, so an unsaved one only means a catch-up or rebuild at the
    // next open. Never let it fail an import or a close, and leave no half-written temp file behind.
    try { rmSync(tmp, { force: true }); } catch { /* nothing was written */ }
    return false;
  }
}

export interface OpenIndexOptions {
  /** 'background': rebuild in a worker, searches answer with a 'building' status meanwhile; 'auto' (default): so
   * from BACKGROUND_FROM articles, synchronously below; 'sync': before open returns. */
  mode?: 'auto' | 'background' | 'sync';
  /** Test-only: the finished background build is installed only once this settles. */
  holdForTests?: Promise<unknown>;
  /** Test-only: the worker fails, to exercise the fallback. */
  failForTests?: boolean;
}

export class LibraryIndex {
  index: SearchIndex = SearchIndex.empty();
  /** The last change-log id reflected in `index`. */
  appliedChangeId = 0;
  origin: IndexOrigin = 'rebuilt';
  private dirty = false;
  /** The theme-assignments revision reflected in `index` (-1: not yet read this session). */
  private themesRevision = -1;
  private state: IndexStatus = { state: 'ready', done: 0, total: 0 };
  private build: IndexBuild | null = null;
  private ready: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(s: IndexStatus) => void>();
  private disposed = false;
  private stopHold: () => void = () => {};

  constructor(private readonly db: Db, private readonly file: string, private readonly dbFile: string) {}

  /** Loads the saved index and catches up, or rebuilds from SQLite (in the background) if the file can't be used. */
  open(opts: OpenIndexOptions = {}): void {
    if (this.tryLoad()) {
      this.origin = 'loaded';
      this.catchUp();
    } else if (opts.mode === 'sync' || (opts.mode !== 'background' && countArticles(this.db) < BACKGROUND_FROM)) {
      this.rebuild();
    } else {
      this.rebuildInBackground(opts);
    }
  }

  /** Ready, or building with progress, or failed (searches then report it instead of answering). */
  get status(): IndexStatus {
    return { ...this.state };
  }

  get isReady(): boolean {
    return this.state.state === 'ready';
  }

  /** Resolves once a background rebuild has finished (at once if none runs); never rejects. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Called on every progress step and when the index becomes ready; returns the unsubscribe function. */
  onStatus(listener: (s: IndexStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setStatus(s: IndexStatus): void {
    this.state = s;
    for (const l of this.listeners) {
      try { l({ ...s }); } catch (e) { console.warn('[dossier] index status listener failed:', e); }
    }
  }

  private tryLoad(): boolean {
    if (!existsSync(this.file)) return false;
    try {
      const { index, meta } = SearchIndex.deserialize(new Uint8Array(readFileSync(this.file)));
      if (meta.lastChangeId > lastChangeId(this.db)) return false; // index from another (newer) library state
      this.index = index;
      this.appliedChangeId = meta.lastChangeId;
      return true;
    } catch {
      return false; // stale analyzer version or a corrupt file: rebuilt below
    }
  }

  /** Rebuilds on this thread (blocking): the fallback when the worker fails, and for callers that want it now. */
  rebuild(): void {
    const { index, lastChangeId: upTo } = buildIndex(this.db);
    this.index = index;
    this.appliedChangeId = upTo;
    this.origin = 'rebuilt';
    this.dirty = true;
    this.themesRevision = assignmentsRevision(this.db); // the documents were just built with the stored themes
  }

  private rebuildInBackground(opts: OpenIndexOptions): void {
    this.origin = 'rebuilt';
    this.index = SearchIndex.empty();
    this.setStatus({ state: 'building', done: 0, total: countArticles(this.db) });
    const build = startIndexBuild(opts.failForTests ? `${this.dbFile}.missing` : this.dbFile, this.file,
      (done, total) => { if (!this.disposed) this.setStatus({ state: 'building', done, total }); });
    this.build = build;
    this.ready = build.result
      .then(async (r) => {
        if (opts.holdForTests) {
          await Promise.race([opts.holdForTests.catch(() => undefined), new Promise<void>((r) => { this.stopHold = r; })]);
        }
        if (this.disposed) return;
        // The worker saved these bytes as the index file already; they load as views, without copying.
        const { index, meta } = SearchIndex.deserialize(r.bytes);
        this.index = index;
        this.appliedChangeId = meta.lastChangeId;
        this.dirty = !r.saved;
      })
      .catch((e: unknown) => {
        if (this.disposed) return;
        console.warn('[dossier] the background index rebuild failed; rebuilding here instead:', e instanceof Error ? e.message : e);
        this.rebuild();
      })
      .then(() => {
        this.build = null;
        if (this.disposed) return;
        const total = countArticles(this.db);
        this.state = { state: 'ready', done: total, total };
        this.catchUp(); // imports, notes, tags made while it was building
        this.save();
        this.setStatus(this.state);
      })
      .catch((e: unknown) => {
        // Even the fallback failed (the database itself is unreadable): say so in search, never crash.
        console.error('[dossier] the search index could not be rebuilt:', e);
        this.build = null;
        if (!this.disposed) this.setStatus({ state: 'failed', done: 0, total: this.state.total });
      });
  }

  /** Applies every change logged after the index's last applied change (nothing while a rebuild runs). */
  catchUp(): number {
    if (!this.isReady) return 0;
    const changes = changesSince(this.db, this.appliedChangeId);
    for (const chunk of chunks(changes)) {
      // Deleted articles have no document: they only leave the index.
      for (const { articleId } of chunk) if (this.index.has(articleId)) this.index.remove(articleId);
      for (const doc of docsOf(this.db, chunk.map((c) => c.articleId))) this.index.add(doc);
      for (const { lastId } of chunk) this.appliedChangeId = Math.max(this.appliedChangeId, lastId);
    }
    if (changes.length > 0) this.dirty = true;
    this.refreshThemes();
    return changes.length;
  }

  /**
   * Theme ids are metadata: a recompute or a curation decision moves thousands of articles between themes, and
   * re-analysing their text for that would cost seconds. When the assignments revision moved, every document's
   * theme ids are set afresh from SQLite (one query).
   */
  private refreshThemes(): void {
    const revision = assignmentsRevision(this.db);
    if (revision === this.themesRevision) return;
    const themes = allAssignments(this.db);
    let changed = false;
    for (const id of this.index.ids()) changed = this.index.setThemes(id, themes.has(id) ? [themes.get(id)!] : []) || changed;
    this.themesRevision = revision;
    if (changed) this.dirty = true;
  }

  /**
   * The index to check newly imported articles against (saved-search alerts): the full one when ready, else a
   * small one of just those articles, so alerts never wait for, or miss, a rebuild.
   */
  indexFor(articleIds: number[]): SearchIndex {
    if (this.isReady) return this.index;
    const small = SearchIndex.empty();
    for (const chunk of chunks(articleIds)) for (const doc of docsOf(this.db, chunk)) small.add(doc);
    return small;
  }

  /** Writes the index next to the database (never while a rebuild runs: the empty stand-in must not be saved). */
  save(): void {
    if (!this.dirty || !this.isReady) return;
    if (writeIndexBytes(this.file, this.index.serialize({ lastChangeId: this.appliedChangeId }))) this.dirty = false;
  }

  discardFile(): void {
    rmSync(this.file, { force: true });
  }

  /** Stops a running rebuild (its worker exits; the next open rebuilds again) and stops notifying. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.listeners.clear();
    this.stopHold();
    const build = this.build;
    this.build = null;
    if (build) await build.cancel();
    await this.ready;
  }
}
