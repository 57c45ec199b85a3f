// Domain types shared by import, search, themes, the Library and (as types) the renderer.
// Plain TypeScript only: no node:, no DOM, no electron.
import type { ErrorData } from './errors.ts';

/** How a file arrived; sniffed from content, not only from the extension. */
export type ArticleFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'odt' | 'email' | 'feed';

/** A heading inside the article text; `start` is a UTF-16 offset into `text`. */
export interface Section {
  heading: string;
  start: number;
}

/** What an importer produces for one article, before it is stored. */
export interface ArticleDraft {
  title: string;
  byline: string | null;
  /** The publication the article comes from (site name, newsletter sender, feed title). */
  outlet: string | null;
  /** ISO 8601 date or date-time, when known. */
  publishedAt: string | null;
  /** ISO 639-1 code ('de', 'en', ...) or 'und' when undetermined. */
  language: string;
  format: ArticleFormat;
  /** Original file name (for items of an archive: "archive.zip/inner/file.txt"). */
  fileName: string;
  /** Normalized plain text; paragraphs separated by a blank line ("\n\n"). */
  text: string;
  sections: Section[];
  /** Outlets the text itself names as sources (e.g. the seed's last line). */
  citedOutlets: string[];
  /** Links found in the source (feed item link, canonical URL): kept as metadata, never fetched. */
  links: string[];
}

/** A stored article. */
export interface Article extends ArticleDraft {
  id: number;
  /** SHA-256 hex of the normalized text: exact-duplicate key. */
  contentHash: string;
  /** ISO date-time of import. */
  importedAt: string;
  wordCount: number;
}

/** The short form shown in lists. */
export interface ArticleSummary {
  id: number;
  title: string;
  outlet: string | null;
  byline: string | null;
  publishedAt: string | null;
  importedAt: string;
  language: string;
  format: ArticleFormat;
  wordCount: number;
  hasNote: boolean;
}

export interface Note {
  articleId: number;
  /** Markdown source. */
  body: string;
  updatedAt: string;
}

/** A highlighted stretch of text: [start, end) UTF-16 offsets into the snippet's `text`. */
export type Range = [number, number];

export interface Snippet {
  /** Where the snippet comes from. */
  field: 'title' | 'text' | 'note';
  text: string;
  highlights: Range[];
}

export interface SearchHit {
  id: number;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  /** Shown when there is no published date ("imported 3 Nov 2026"). */
  importedAt: string;
  language: string;
  score: number;
  /** Fields in which the query matched. */
  matchedIn: Array<'title' | 'text' | 'note'>;
  snippets: Snippet[];
}

export interface SearchResult {
  query: string;
  /** How the query was understood, in words ("all of: nordkorea, rakete"). */
  understood: string;
  total: number;
  hits: SearchHit[];
  /** Outlet, language, theme and month counts over all matches; when asked for. */
  facets?: SearchFacets;
  /** Present while the search index is not ready (being rebuilt in the background, or failed): no hits yet. */
  index?: IndexStatus;
}

/** The search index's state: a rebuild runs in the background while the rest of the library works. */
export interface IndexStatus {
  state: 'ready' | 'building' | 'failed';
  /** Articles indexed so far and in all (while building). */
  done: number;
  total: number;
}

export interface ThemeArticle {
  id: number;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  importedAt: string;
  language: string;
}

/** A sentence that sums up part of a theme; [start, end) are UTF-16 offsets into that article's `text`. */
export interface KeyPoint {
  text: string;
  articleId: number;
  start: number;
  end: number;
}

/** One event as reported by one or more outlets ("3 outlets"). */
export interface Story {
  /** Derived from the member article ids. */
  id: string;
  /** Short, from the story's own content (the title of its most central article). */
  label: string;
  /** Distinct reports, newest first; near-duplicates are folded into `alsoIn`. */
  articleIds: number[];
  /** Every outlet carrying the story (duplicates included), first reporter first. */
  outlets: string[];
  /** Near-duplicates (agency copy republished with small edits): "also in: …". */
  alsoIn: Array<{ articleId: number; outlet: string | null; duplicateOf: number }>;
  /** ISO dates of the first and the latest report. */
  from: string;
  to: string;
}

export type EntityKind = 'person' | 'organisation' | 'place';

/** A person, organisation or place named in a theme; spellings (Selenskyj / Zelensky) share one `key`. */
export interface EntityFacet {
  key: string;
  name: string;
  kind: EntityKind;
  /** Articles of the theme that name it. */
  articleCount: number;
  mentions: number;
}

export interface Theme {
  /** Stable within one briefing; derived from the member article ids. */
  id: string;
  label: string;
  /** The most characteristic terms (display forms), best first. */
  terms: string[];
  /** Newest first. */
  articles: ThemeArticle[];
  /** Extractive: the most representative sentences, each pointing at its passage. */
  keyPoints: KeyPoint[];
  /** The events inside the theme, biggest first. */
  stories: Story[];
  /** Most named first. */
  entities: EntityFacet[];
  /** Set when the user pinned the theme: it leads the briefing. */
  pinned?: boolean;
}

export interface Briefing {
  /** ISO date-times bounding the period (by published date, falling back to import date). */
  from: string | null;
  to: string;
  articleCount: number;
  themes: Theme[];
  /** Themes the user hid that have articles in the period (so they can be shown again). */
  hiddenThemes?: ThemeSummary[];
}

/** A theme in a list (curation menus, `dossier themes`): its stable id, label and size. */
export interface ThemeSummary {
  id: string;
  label: string;
  articleCount: number;
  pinned: boolean;
  hidden: boolean;
}

/** 'updated': a newer version of a stored article (near-duplicate, same file name or title+outlet) replaced its text. */
export type ImportStatus = 'imported' | 'duplicate' | 'updated' | 'failed';

/** What happened to one file, or to one article inside a multi-article file (mbox, feed, zip). */
export interface ImportOutcome {
  file: string;
  status: ImportStatus;
  /** Set when imported. */
  articleId?: number;
  title?: string;
  /** Set when duplicate: the stored article it duplicates. */
  duplicateOf?: { id: number; title: string };
  /** Set when failed. */
  error?: ErrorData;
  /** Set when updated (articleId is the stored article, kept): what happened to its highlights (issue 6). */
  update?: { textChanged: boolean; reattached: number; detached: number };
}

export interface ImportReport {
  outcomes: ImportOutcome[];
  imported: number;
  duplicates: number;
  /** Stored articles whose text a newer version replaced (same id, notes and highlights kept). */
  updated: number;
  failed: number;
  cancelled: boolean;
}

export interface ImportProgress {
  jobId: string;
  done: number;
  total: number;
  current: string | null;
  failed: number;
}

// --- Search facets, saved searches with alerts, batch search (issue 4) ---

export interface FacetCount {
  value: string;
  count: number;
  /** What to show when the value is an id (themes: their current label). */
  label?: string;
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

// --- highlights and the notes view (issue 6) ---

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface Highlight {
  id: number;
  articleId: number;
  color: HighlightColor;
  comment: string;
  quote: string;
  prefix: string;
  suffix: string;
  /** [start, end) UTF-16 offsets into the article's current text; meaningless while `detached`. */
  start: number;
  end: number;
  /** The quote could not be placed in the current text: shown in a list with its quote, never dropped. */
  detached: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One entry of the notes view: an article with its note, highlights and tags. */
export interface AnnotatedArticle {
  articleId: number;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  note: { body: string; updatedAt: string } | null;
  highlights: Highlight[];
  tags: string[];
  /** Newest change among note and highlights. */
  updatedAt: string;
}

// --- notes on a theme and on a briefing (issue 6) ---

export type NoteTargetKind = 'theme' | 'briefing';

/** A Markdown note on a theme (key: theme id) or on a briefing (key: the briefing's day, YYYY-MM-DD). */
export interface TargetNote {
  kind: NoteTargetKind;
  key: string;
  /** Theme notes: the theme's label when the note was last saved (shown once the theme is gone). */
  label: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

/** A theme or briefing note as the notes view lists it. */
export interface ListedTargetNote extends TargetNote {
  /** Theme notes: the theme's current label, or null when the theme no longer exists. */
  currentLabel: string | null;
  /** #hashtags written in the note. */
  tags: string[];
}
