// The highlights table family: typed rows, CRUD, and storing where each anchor was last placed.
import type { Db } from './open.ts';
import { listsBy, prepared } from './statements.ts';
import { logChange } from './changes.ts';
import type { Highlight, HighlightColor } from '../electron/article.ts';

export interface HighlightRow {
  id: number; article_id: number; color: string; comment: string; quote: string; prefix: string; suffix: string;
  start_offset: number; end_offset: number; detached: number; created_at: string; updated_at: string;
}

export function fromRow(r: HighlightRow): Highlight {
  return {
    id: r.id, articleId: r.article_id, color: r.color as HighlightColor, comment: r.comment, quote: r.quote,
    prefix: r.prefix, suffix: r.suffix, start: r.start_offset, end: r.end_offset, detached: r.detached === 1,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export interface NewHighlight {
  quote: string; prefix: string; suffix: string; start: number; end: number;
  articleId: number; color: HighlightColor; comment: string; detached?: boolean; createdAt: string; updatedAt: string;
}

export function insertHighlight(db: Db, h: NewHighlight): Highlight {
  const info = prepared(db, `INSERT INTO highlights (article_id, color, comment, quote, prefix, suffix, start_offset,
      end_offset, detached, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    h.articleId, h.color, h.comment, h.quote, h.prefix, h.suffix, h.start, h.end, h.detached ? 1 : 0, h.createdAt, h.updatedAt);
  logChange(db, h.articleId, 'upsert'); // highlight comments are searchable with the note
  return getHighlight(db, Number(info.lastInsertRowid))!;
}

export function getHighlight(db: Db, id: number): Highlight | null {
  const row = prepared(db, 'SELECT * FROM highlights WHERE id = ?').get(id) as HighlightRow | undefined;
  return row ? fromRow(row) : null;
}

/** The non-empty highlight comments of the given articles, each article's in reading order (detached ones last). */
export function highlightCommentsOf(db: Db, articleIds: readonly number[]): Map<number, string[]> {
  const rows = prepared(db, `SELECT article_id, comment FROM highlights
      WHERE article_id IN (SELECT value FROM json_each(?)) AND comment != ''
      ORDER BY article_id, detached, start_offset, id`).all(JSON.stringify(articleIds)) as Array<{ article_id: number; comment: string }>;
  return listsBy(rows.filter((r) => r.comment.trim() !== ''), (r) => r.article_id, (r) => r.comment);
}

/** The highlights of an article in reading order (detached ones last). */
export function highlightsOf(db: Db, articleId: number): Highlight[] {
  return (prepared(db, 'SELECT * FROM highlights WHERE article_id = ? ORDER BY detached, start_offset, id')
    .all(articleId) as HighlightRow[]).map(fromRow);
}

export function updateHighlight(db: Db, id: number, patch: { color?: HighlightColor; comment?: string }, now: string): Highlight | null {
  const h = getHighlight(db, id);
  if (!h) return null;
  prepared(db, 'UPDATE highlights SET color = ?, comment = ?, updated_at = ? WHERE id = ?')
    .run(patch.color ?? h.color, patch.comment ?? h.comment, now, id);
  logChange(db, h.articleId, 'upsert');
  return getHighlight(db, id);
}

export function deleteHighlight(db: Db, id: number): boolean {
  const h = getHighlight(db, id);
  if (!h) return false;
  prepared(db, 'DELETE FROM highlights WHERE id = ?').run(id);
  logChange(db, h.articleId, 'upsert');
  return true;
}

/** Stores where a highlight sits in the current text now, or that it could not be placed (detached). */
export function setPlacement(db: Db, id: number, start: number, end: number, detached: boolean): void {
  prepared(db, 'UPDATE highlights SET start_offset = ?, end_offset = ?, detached = ? WHERE id = ?').run(start, end, detached ? 1 : 0, id);
}

/** Ids of articles with at least one highlight. */
export function highlightedArticleIds(db: Db): number[] {
  return prepared(db, 'SELECT DISTINCT article_id FROM highlights').pluck().all() as number[];
}

export function countHighlights(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM highlights').get() as { n: number }).n;
}
