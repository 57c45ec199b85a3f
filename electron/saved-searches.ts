// Saved searches and alerts: which saved queries newly imported articles match (checked against the new ids
// only, so an import costs one restricted query per saved search), and the Library-side service around the table.
import type { Db } from '../db/open.ts';
import {
  deleteSavedSearch, getSavedSearch, insertSavedSearch, listSavedSearches, markMatchesSeen, recordMatches,
  unseenArticleIds, type SavedSearchRow,
} from '../db/saved-searches.ts';
import { DossierError, isDossierError } from './errors.ts';
import type { SearchIndex } from './search/search-index.ts';
import type { SavedSearch, SavedSearchDraft } from './article.ts';

const MAX_NAME = 200;

export interface AlertQuery {
  id: number;
  query: string;
  strictUmlauts: boolean;
}

/**
 * For each saved query, the new article ids it matches. A query that no longer parses (it was checked when
 * saved, so only a changed query language could do that) matches nothing rather than failing the import.
 */
export function matchNewArticles(index: SearchIndex, searches: AlertQuery[], newIds: number[]): Map<number, number[]> {
  const found = new Map<number, number[]>();
  if (newIds.length === 0) return found;
  for (const s of searches) {
    try {
      const r = index.search(s.query, { onlyIds: newIds, limit: newIds.length, strictUmlauts: s.strictUmlauts });
      if (r.hits.length > 0) found.set(s.id, r.hits.map((h) => h.id));
    } catch (e) {
      if (!isDossierError(e)) throw e;
    }
  }
  return found;
}

export function fromRow(r: SavedSearchRow): SavedSearch {
  return {
    id: r.id, name: r.name, query: r.query, strictUmlauts: r.strict_umlauts === 1, createdAt: r.created_at,
    seenAt: r.seen_at, unseen: r.unseen,
  };
}

export class SavedSearches {
  constructor(private readonly db: Db, private readonly index: () => SearchIndex) {}

  list(): SavedSearch[] {
    return listSavedSearches(this.db).map(fromRow);
  }

  get(id: number): SavedSearch {
    const row = getSavedSearch(this.db, id);
    if (!row) throw new DossierError('saved-search/not-found', `There is no saved search with id ${id}. It may have been deleted.`);
    return fromRow(row);
  }

  /** Saves a query after checking that it parses (a malformed one is refused with the parser's message). */
  save(draft: SavedSearchDraft, now = new Date()): SavedSearch {
    const query = draft.query.trim();
    if (!query) throw new DossierError('saved-search/empty', 'Type a search before saving it.');
    this.index().search(query, { limit: 1, strictUmlauts: draft.strictUmlauts });
    const name = (draft.name.trim() || query).slice(0, MAX_NAME);
    return this.get(insertSavedSearch(this.db, { name, query, strictUmlauts: draft.strictUmlauts ?? false, now: now.toISOString() }));
  }

  delete(id: number): void {
    if (!deleteSavedSearch(this.db, id)) this.get(id);
  }

  unseenIds(id: number): number[] {
    return unseenArticleIds(this.db, id);
  }

  markSeen(id: number, now = new Date()): SavedSearch {
    this.get(id);
    markMatchesSeen(this.db, id, now.toISOString());
    return this.get(id);
  }

  /** Runs every saved search over the newly imported articles and records their matches as unseen. */
  checkNewArticles(newIds: number[], now = new Date(), index: SearchIndex = this.index()): number {
    const searches = this.list().map((s) => ({ id: s.id, query: s.query, strictUmlauts: s.strictUmlauts }));
    if (searches.length === 0 || newIds.length === 0) return 0;
    let recorded = 0;
    for (const [id, ids] of matchNewArticles(index, searches, newIds)) recorded += recordMatches(this.db, id, ids, now.toISOString());
    return recorded;
  }
}
