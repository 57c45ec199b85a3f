// The themes table family: the persisted incremental theme state (JSON), each article's theme, the user's
// curation decisions (oldest first) and the cache of built briefing themes keyed by their member set.
import type { Db } from './open.ts';
import { prepared } from './statements.ts';

export interface DecisionRow {
  id: number;
  decision: string;
  made_at: string;
}

/** A stored value of theme_state ('state', 'version'), or null. */
export function getThemeValue(db: Db, key: string): string | null {
  return (prepared(db, 'SELECT value FROM theme_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setThemeValue(db: Db, key: string, value: string): void {
  prepared(db, `INSERT INTO theme_state (key, value) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
}

/** Bumped with every change of articles' themes: the search index refreshes its theme ids when it moves. */
export function assignmentsRevision(db: Db): number {
  return Number(getThemeValue(db, 'assignments') ?? 0);
}

/** Sets (or with null, removes) the theme of each given article, and bumps the assignments revision. */
export function setAssignments(db: Db, changes: Iterable<[number, string | null]>): void {
  const put = prepared(db, 'INSERT OR REPLACE INTO theme_articles (article_id, theme_id) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)');
  const del = prepared(db, 'DELETE FROM theme_articles WHERE article_id = ?');
  for (const [articleId, themeId] of changes) {
    if (themeId === null) del.run(articleId);
    else put.run(articleId, themeId, articleId);
  }
  setThemeValue(db, 'assignments', String(assignmentsRevision(db) + 1));
}

/** article id -> theme id, for every article that has one. */
export function allAssignments(db: Db): Map<number, string> {
  const rows = prepared(db, 'SELECT article_id, theme_id FROM theme_articles').all() as Array<{ article_id: number; theme_id: string }>;
  return new Map(rows.map((r) => [r.article_id, r.theme_id]));
}

/** The stored theme of each of the given articles that has one. */
export function themesOf(db: Db, articleIds: readonly number[]): Map<number, string> {
  const rows = prepared(db, 'SELECT article_id, theme_id FROM theme_articles WHERE article_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(articleIds)) as Array<{ article_id: number; theme_id: string }>;
  return new Map(rows.map((r) => [r.article_id, r.theme_id]));
}

export function addDecision(db: Db, decision: string, madeAt: string): number {
  return Number(prepared(db, 'INSERT INTO theme_decisions (decision, made_at) VALUES (?, ?)').run(decision, madeAt).lastInsertRowid);
}

/** Every decision, in the order it was made. */
export function listDecisions(db: Db): DecisionRow[] {
  return prepared(db, 'SELECT id, decision, made_at FROM theme_decisions ORDER BY id').all() as DecisionRow[];
}

export function getDetails(db: Db, membersKey: string): string | null {
  return (prepared(db, 'SELECT theme FROM theme_details WHERE members_key = ?').pluck().get(membersKey) as string | undefined) ?? null;
}

export function putDetails(db: Db, membersKey: string, theme: string): void {
  prepared(db, 'INSERT OR REPLACE INTO theme_details (members_key, theme) VALUES (?, ?)').run(membersKey, theme);
}

export function clearDetails(db: Db): void {
  prepared(db, 'DELETE FROM theme_details').run();
}

/** Every stored article's id and dates: enough to place it in a period. */
export function articleDates(db: Db): Array<{ id: number; publishedAt: string | null; importedAt: string }> {
  return prepared(db, 'SELECT id, published_at AS publishedAt, imported_at AS importedAt FROM articles ORDER BY id').all() as
    Array<{ id: number; publishedAt: string | null; importedAt: string }>;
}

/**
 * Moves whenever anything a theme list shows could have changed: the stored state, assignments, decisions,
 * cached details (labels) or the set of articles. Cheap (one indexed read per table), for memoizing lists.
 */
export function themesFingerprint(db: Db): string {
  return prepared(db, `SELECT (SELECT group_concat(key || '=' || length(value) || ':' || substr(value, 1, 24), ';') FROM theme_state WHERE key <> 'state')
      || '|' || (SELECT coalesce(max(id), 0) FROM theme_decisions)
      || '|' || (SELECT count(*) FROM theme_details)
      || '|' || (SELECT count(*) || ',' || coalesce(max(id), 0) FROM articles)`).pluck().get() as string;
}
