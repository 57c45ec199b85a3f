// Annotations of articles (highlights, tags, notes) as the Library serves them: add/edit highlights with anchors
// made from the current text, the notes view's list with its filters, and tags. Plain functions over the database.
import type { Db } from '../../db/open.ts';
import { getArticle } from '../../db/articles.ts';
import { getNote } from '../../db/notes.ts';
import { deleteHighlight, getHighlight, highlightedArticleIds, highlightsOf, insertHighlight, setPlacement, updateHighlight } from '../../db/highlights.ts';
import { articleTags, noteTags, setArticleTags } from '../../db/tags.ts';
import { notedArticleIds } from '../../db/notes.ts';
import { prepared } from '../../db/statements.ts';
import { DossierError } from '../errors.ts';
import { anchorFor, placeAnchor } from './anchor.ts';
import type { AnnotatedArticle, Highlight, HighlightColor } from '../article.ts';

export interface HighlightDraft { articleId: number; start: number; end: number; color: HighlightColor; comment?: string }
export interface AnnotationFilter {
  /** Only these articles (e.g. the hits of a query). */
  articleIds?: number[];
  tag?: string;
  /** ISO dates bounding the newest annotation change. */
  from?: string;
  to?: string;
}

function mustGetArticle(db: Db, id: number) {
  const a = getArticle(db, id);
  if (!a) throw new DossierError('articles/not-found', `There is no article with id ${id} in this library.`);
  return a;
}

/**
 * Places every highlight of an article in its current text and stores where each landed. One that cannot be
 * placed is marked detached (its quote kept); one that can be placed again is re-attached.
 */
export function reanchorHighlights(db: Db, articleId: number, text: string): Highlight[] {
  const hs = highlightsOf(db, articleId);
  let moved = false;
  db.transaction(() => {
    for (const h of hs) {
      const p = placeAnchor(text, h);
      const [start, end, detached] = p ? [p.start, p.end, false] : [h.start, h.end, true];
      if (start === h.start && end === h.end && detached === h.detached) continue;
      setPlacement(db, h.id, start, end, detached);
      moved = true;
    }
  })();
  return moved ? highlightsOf(db, articleId) : hs;
}

/** The highlights of an article, placed in its current text (re-attached or detached as needed). */
export function placedHighlights(db: Db, articleId: number): Highlight[] {
  return reanchorHighlights(db, articleId, mustGetArticle(db, articleId).text);
}

export function addHighlight(db: Db, d: HighlightDraft, now: string): Highlight {
  const text = mustGetArticle(db, d.articleId).text;
  if (d.start < 0 || d.end > text.length || d.end <= d.start || text.slice(d.start, d.end).trim() === '') {
    throw new DossierError('highlights/bad-range', 'Select some text of the article to highlight it.');
  }
  return insertHighlight(db, { ...anchorFor(text, d.start, d.end), articleId: d.articleId, color: d.color,
    comment: d.comment ?? '', createdAt: now, updatedAt: now });
}

export function editHighlight(db: Db, id: number, patch: { color?: HighlightColor; comment?: string }, now: string): Highlight {
  const h = updateHighlight(db, id, patch, now);
  if (!h) throw new DossierError('highlights/not-found', 'This highlight no longer exists; it may have been deleted.');
  return h;
}

export function removeHighlight(db: Db, id: number): void {
  if (!getHighlight(db, id)) throw new DossierError('highlights/not-found', 'This highlight no longer exists; it may have been deleted.');
  deleteHighlight(db, id);
}

export function tagArticle(db: Db, articleId: number, tags: string[]): string[] {
  mustGetArticle(db, articleId);
  return setArticleTags(db, articleId, tags);
}

/** Article tags plus the #hashtags of its note. */
export function allTagsOf(db: Db, articleId: number, noteBody = getNote(db, articleId)?.body ?? ''): string[] {
  return [...new Set([...articleTags(db, articleId), ...noteTags(noteBody)])].sort();
}

/** Every article with a note, a highlight or a tag, newest change first, narrowed by the filter. */
export function listAnnotated(db: Db, f: AnnotationFilter = {}): AnnotatedArticle[] {
  const tagged = prepared(db, "SELECT DISTINCT CAST(target_key AS INTEGER) FROM tags WHERE target_kind = 'article'").pluck().all() as number[];
  let ids = [...new Set([...notedArticleIds(db), ...highlightedArticleIds(db), ...tagged])];
  if (f.articleIds) { const only = new Set(f.articleIds); ids = ids.filter((id) => only.has(id)); }
  const out: AnnotatedArticle[] = [];
  for (const id of ids) {
    const a = getArticle(db, id);
    if (!a) continue;
    const note = getNote(db, id);
    const tags = allTagsOf(db, id, note?.body ?? '');
    if (f.tag && !tags.includes(f.tag.toLowerCase().replace(/^#/, ''))) continue;
    const highlights = reanchorHighlights(db, id, a.text);
    const updatedAt = [note?.updatedAt ?? '', ...highlights.map((h) => h.updatedAt)].sort().at(-1) || a.importedAt;
    if (f.from && updatedAt < f.from) continue;
    if (f.to && updatedAt > f.to) continue;
    out.push({ articleId: id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt,
      note: note ? { body: note.body, updatedAt: note.updatedAt } : null, highlights, tags, updatedAt });
  }
  return out.sort((x, y) => y.updatedAt.localeCompare(x.updatedAt) || y.articleId - x.articleId);
}

/** Every tag in use (article tags and note #hashtags), with how many articles carry it, most used first. */
export function tagCounts(db: Db): Array<{ tag: string; count: number }> {
  const byTag = new Map<string, Set<number>>();
  const add = (tag: string, id: number) => (byTag.get(tag) ?? byTag.set(tag, new Set()).get(tag)!).add(id);
  for (const r of prepared(db, "SELECT tag, CAST(target_key AS INTEGER) AS id FROM tags WHERE target_kind = 'article'").all() as Array<{ tag: string; id: number }>) add(r.tag, r.id);
  for (const r of prepared(db, 'SELECT article_id AS id, body FROM notes').all() as Array<{ id: number; body: string }>) {
    for (const tag of noteTags(r.body)) add(tag, r.id);
  }
  return [...byTag].map(([tag, ids]) => ({ tag, count: ids.size })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
