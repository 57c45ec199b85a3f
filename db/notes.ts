// The notes table family: one Markdown note per article. Saving logs a change so the search index picks it up.
import type { Db } from './open.ts';
import { prepared } from './statements.ts';
import { logChange } from './changes.ts';
import type { Note } from '../electron/article.ts';

export interface NoteRow {
  article_id: number;
  body: string;
  updated_at: string;
}

export function fromRow(row: NoteRow): Note {
  return { articleId: row.article_id, body: row.body, updatedAt: row.updated_at };
}

/** The note bodies of the given articles (those that have one), by article id. */
export function noteBodiesOf(db: Db, articleIds: readonly number[]): Map<number, string> {
  const rows = prepared(db, 'SELECT article_id, body FROM notes WHERE article_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(articleIds)) as Array<{ article_id: number; body: string }>;
  return new Map(rows.map((r) => [r.article_id, r.body]));
}

export function getNote(db: Db, articleId: number): Note | null {
  const row = prepared(db, 'SELECT * FROM notes WHERE article_id = ?').get(articleId) as NoteRow | undefined;
  return row ? fromRow(row) : null;
}

/** Saves (or, for an empty body, deletes) the note of an article, in one transaction with its change-log entry. */
export function saveNote(db: Db, articleId: number, body: string, now: string): Note | null {
  return db.transaction(() => {
    if (body.trim() === '') {
      prepared(db, 'DELETE FROM notes WHERE article_id = ?').run(articleId);
      logChange(db, articleId, 'upsert');
      return null;
    }
    prepared(db, `INSERT INTO notes (article_id, body, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (article_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`)
      .run(articleId, body, now);
    logChange(db, articleId, 'upsert');
    return { articleId, body, updatedAt: now };
  })();
}

export function countNotes(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM notes').get() as { n: number }).n;
}

/** Ids of the articles that have a note, newest note first. */
export function notedArticleIds(db: Db): number[] {
  return prepared(db, 'SELECT article_id FROM notes ORDER BY updated_at DESC').pluck().all() as number[];
}
