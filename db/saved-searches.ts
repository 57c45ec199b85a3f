// The saved-searches table family: saved queries and the alert matches later imports found for them.
import type { Db } from './open.ts';
import { prepared } from './statements.ts';

export interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  strict_umlauts: number;
  created_at: string;
  seen_at: string | null;
  unseen: number;
}

/** Every saved search with its count of unseen matches, oldest first. */
export function listSavedSearches(db: Db): SavedSearchRow[] {
  return prepared(db, `SELECT s.*, (SELECT count(*) FROM saved_search_matches m WHERE m.search_id = s.id AND m.seen = 0) AS unseen
    FROM saved_searches s ORDER BY s.id`).all() as SavedSearchRow[];
}

export function getSavedSearch(db: Db, id: number): SavedSearchRow | null {
  return (prepared(db, `SELECT s.*, (SELECT count(*) FROM saved_search_matches m WHERE m.search_id = s.id AND m.seen = 0) AS unseen
    FROM saved_searches s WHERE s.id = ?`).get(id) as SavedSearchRow | undefined) ?? null;
}

export function insertSavedSearch(db: Db, s: { name: string; query: string; strictUmlauts: boolean; now: string }): number {
  return Number(prepared(db, 'INSERT INTO saved_searches (name, query, strict_umlauts, created_at) VALUES (?, ?, ?, ?)')
    .run(s.name, s.query, s.strictUmlauts ? 1 : 0, s.now).lastInsertRowid);
}

/** Deletes a saved search and its matches; false if there was none with that id. */
export function deleteSavedSearch(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM saved_searches WHERE id = ?').run(id).changes > 0;
}

/** Records matches as unseen (an article already recorded keeps its state). Returns how many were new. */
export function recordMatches(db: Db, searchId: number, articleIds: number[], now: string): number {
  const insert = prepared(db, 'INSERT OR IGNORE INTO saved_search_matches (search_id, article_id, found_at) VALUES (?, ?, ?)');
  return db.transaction(() => articleIds.reduce((n, id) => n + insert.run(searchId, id, now).changes, 0))();
}

/** Article ids of the search's unseen matches. */
export function unseenArticleIds(db: Db, searchId: number): number[] {
  return prepared(db, 'SELECT article_id FROM saved_search_matches WHERE search_id = ? AND seen = 0 ORDER BY article_id')
    .pluck().all(searchId) as number[];
}

/** Marks every match of the search seen and stamps when. */
export function markMatchesSeen(db: Db, searchId: number, now: string): void {
  db.transaction(() => {
    prepared(db, 'UPDATE saved_search_matches SET seen = 1 WHERE search_id = ? AND seen = 0').run(searchId);
    prepared(db, 'UPDATE saved_searches SET seen_at = ? WHERE id = ?').run(now, searchId);
  })();
}
