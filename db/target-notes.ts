// The target_notes table family: one Markdown note per theme (by theme id) and per briefing (by its day).
// Callers log index changes for the articles a theme note is indexed on (see electron/library-notes.ts).
import type { Db } from './open.ts';
import { prepared } from './statements.ts';
import type { TargetNote, NoteTargetKind } from '../electron/article.ts';

export interface TargetNoteRow {
  target_kind: string; target_key: string; label: string; body: string; created_at: string; updated_at: string;
}

export function fromRow(r: TargetNoteRow): TargetNote {
  return { kind: r.target_kind as NoteTargetKind, key: r.target_key, label: r.label, body: r.body, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function getTargetNote(db: Db, kind: NoteTargetKind, key: string): TargetNote | null {
  const row = prepared(db, 'SELECT * FROM target_notes WHERE target_kind = ? AND target_key = ?').get(kind, key) as TargetNoteRow | undefined;
  return row ? fromRow(row) : null;
}

/** Saves (or, for an empty body, deletes) a theme or briefing note; `label` is what the target was called then. */
export function saveTargetNote(db: Db, kind: NoteTargetKind, key: string, body: string, label: string, now: string): TargetNote | null {
  if (body.trim() === '') {
    prepared(db, 'DELETE FROM target_notes WHERE target_kind = ? AND target_key = ?').run(kind, key);
    return null;
  }
  prepared(db, `INSERT INTO target_notes (target_kind, target_key, label, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (target_kind, target_key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
        label = CASE WHEN excluded.label <> '' THEN excluded.label ELSE target_notes.label END`)
    .run(kind, key, label, body, now, now);
  return getTargetNote(db, kind, key);
}

/** Every theme and briefing note, newest first. */
export function listTargetNotes(db: Db, kind?: NoteTargetKind): TargetNote[] {
  const rows = (kind
    ? prepared(db, 'SELECT * FROM target_notes WHERE target_kind = ? ORDER BY updated_at DESC, target_key').all(kind)
    : prepared(db, 'SELECT * FROM target_notes ORDER BY updated_at DESC, target_kind, target_key').all()) as TargetNoteRow[];
  return rows.map(fromRow);
}

export function countTargetNotes(db: Db): number {
  return prepared(db, 'SELECT count(*) FROM target_notes').pluck().get() as number;
}

/** Article ids currently assigned to a theme (what a theme note is indexed on). */
export function themeArticleIds(db: Db, themeId: string): number[] {
  return prepared(db, 'SELECT article_id FROM theme_articles WHERE theme_id = ? ORDER BY article_id').pluck().all(themeId) as number[];
}
