// Domain types of search beyond single hits: facets, saved searches with their alerts, batch search.
// Plain TypeScript only (the renderer sees them through api.ts).
import type { SearchHit } from './article.ts';

export interface FacetCount {
  value: string;
  count: number;
}

/** Counts over all matches of a query (not only the page shown). */
export interface SearchFacets {
  outlet: FacetCount[];
  language: FacetCount[];
  theme: FacetCount[];
  /** "2026-11", newest first (published date, else import date). */
  month: FacetCount[];
}

/** A query the journalist keeps; later imports are checked against it. */
export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  strictUmlauts: boolean;
  createdAt: string;
  /** When its matches were last marked seen; null until then. */
  seenAt: string | null;
  /** Articles imported since that matched and have not been looked at. */
  unseen: number;
}

export interface SavedSearchDraft {
  name: string;
  query: string;
  strictUmlauts?: boolean;
}

/** A saved search run now: unseen (newly imported) matches first, flagged. */
export interface SavedSearchMatches {
  search: SavedSearch;
  understood: string;
  total: number;
  hits: Array<SearchHit & { unseen: boolean }>;
}

/** One line of a batch search: how many articles a name or term is in, and the best few. */
export interface BatchSearchRow {
  term: string;
  /** The query actually run (a plain multi-word name becomes a "phrase"). */
  query: string;
  count: number;
  topIds: number[];
  /** Set when the line could not be searched (a malformed query); count is then 0. */
  error?: string;
}
