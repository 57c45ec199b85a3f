// Keeps the derived search index in step with SQLite: load the saved file, catch up from the change log,
// rebuild when the file is missing, stale or corrupt, and save it atomically. Losing the file loses nothing.
import { existsSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import type { Db } from '../db/open.ts';
import { getArticle } from '../db/articles.ts';
import { getNote } from '../db/notes.ts';
import { allAssignments, assignmentsRevision, themeOfArticle } from '../db/themes.ts';
import { changesSince, lastChangeId } from '../db/changes.ts';
import { prepared } from '../db/statements.ts';
// highlights & tags (issue 6): what the index gets from them
import { highlightsOf } from '../db/highlights.ts';
import { articleTags, noteTags } from '../db/tags.ts';
import { getTargetNote } from '../db/target-notes.ts';
import { SearchIndex, type IndexDoc } from './search/search-index.ts';
import type { Article } from './article.ts';

export type IndexOrigin = 'loaded' | 'rebuilt';

export function toIndexDoc(a: Article, note: string, tags: string[] = [], themeIds: string[] = []): IndexDoc {
  return {
    id: a.id, title: a.title, text: a.text, note, outlet: a.outlet, language: a.language,
    publishedAt: a.publishedAt, importedAt: a.importedAt, tags, themeIds,
  };
}

/** Themes (issue 5): the stored theme of an article, for `theme:` queries and facets. */
function themeIdsOf(db: Db, articleId: number): string[] {
  const id = themeOfArticle(db, articleId);
  return id ? [id] : [];
}

// highlights & tags (issue 6): the `note` field also holds highlight comments, and `tags` joins the article's
// tags with the #hashtags of its note, so `note:`, `has:note` and `tag:` see every annotation.
// The note on the article's theme is indexed on the article too, so `note:` finds theme notes (issue 6).
function annotatedDoc(db: Db, a: Article, noteBody: string): IndexDoc {
  const comments = highlightsOf(db, a.id).map((h) => h.comment).filter((c) => c.trim() !== '');
  const tags = [...new Set([...articleTags(db, a.id), ...noteTags(noteBody)])];
  const themeIds = themeIdsOf(db, a.id);
  const themeNote = themeIds[0] ? getTargetNote(db, 'theme', themeIds[0])?.body ?? '' : '';
  return toIndexDoc(a, [noteBody, ...comments, themeNote].filter((s) => s.trim() !== '').join('\n\n'), tags, themeIds);
}

export class LibraryIndex {
  index: SearchIndex = SearchIndex.empty();
  /** The last change-log id reflected in `index`. */
  appliedChangeId = 0;
  origin: IndexOrigin = 'rebuilt';
  private dirty = false;
  /** The theme-assignments revision reflected in `index` (-1: not yet read this session). */
  private themesRevision = -1;

  constructor(private readonly db: Db, private readonly file: string) {}

  /** Loads the saved index and catches up, or rebuilds from SQLite if the file can't be used. */
  open(): void {
    if (this.tryLoad()) {
      this.origin = 'loaded';
      this.catchUp();
    } else {
      this.rebuild();
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

  rebuild(): void {
    const index = SearchIndex.empty();
    const upTo = lastChangeId(this.db);
    const notes = new Map((prepared(this.db, 'SELECT article_id, body FROM notes').all() as
      Array<{ article_id: number; body: string }>).map((n) => [n.article_id, n.body]));
    for (const id of (prepared(this.db, 'SELECT id FROM articles ORDER BY id').pluck().all() as number[])) {
      const a = getArticle(this.db, id);
      if (a) index.add(annotatedDoc(this.db, a, notes.get(id) ?? ''));
    }
    this.index = index;
    this.appliedChangeId = upTo;
    this.origin = 'rebuilt';
    this.dirty = true;
    this.themesRevision = assignmentsRevision(this.db); // the documents were just built with the stored themes
  }

  /** Applies every change logged after the index's last applied change. */
  catchUp(): number {
    const changes = changesSince(this.db, this.appliedChangeId);
    for (const { articleId, lastId } of changes) {
      if (this.index.has(articleId)) this.index.remove(articleId);
      const a = getArticle(this.db, articleId);
      if (a) this.index.add(annotatedDoc(this.db, a, getNote(this.db, articleId)?.body ?? ''));
      this.appliedChangeId = Math.max(this.appliedChangeId, lastId);
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

  /** Writes the index next to the database (temp file + rename, so a crash never leaves half a file). */
  save(): void {
    if (!this.dirty) return;
    const tmp = `${this.file}.tmp`;
    try {
      writeFileSync(tmp, this.index.serialize({ lastChangeId: this.appliedChangeId }));
      renameSync(tmp, this.file);
      this.dirty = false;
    } catch {
      // Disk full or read-only: the index is derived, so an unsaved one only means a catch-up or rebuild at the
      // next open. Never let it fail an import or a close, and leave no half-written temp file behind.
      try { rmSync(tmp, { force: true }); } catch { /* nothing was written */ }
    }
  }

  discardFile(): void {
    rmSync(this.file, { force: true });
  }
}
