// Plain-value types of the themes engine: what the Library hands in (ThemeInput), what comes out
// (ThemeGroup), and the tuning knobs. No logic lives here.

/** One stored article as the themes engine sees it (a subset of `Article`). */
export interface ThemeInput {
  id: number;
  title: string;
  text: string;
  language: string;
  outlet: string | null;
  publishedAt: string | null;
  importedAt: string;
}

/** A theme found by `buildThemes`: a readable label, its characteristic terms and its members. */
export interface ThemeGroup {
  /** Derived from the member ids: the same members give the same id. */
  id: string;
  label: string;
  /** Display forms ("Nordkorea", "Kursk"), best first. */
  terms: string[];
  /** Newest first (by published date, else import date), then by id. */
  articleIds: number[];
}

export interface ThemeOptions {
  /** Cosine (article vs. group centroid) needed to join a group in the first pass; higher = tighter stories. */
  threshold?: number;
  /** Average cosine between the members of two groups at which they become one theme; lower = broader themes. */
  mergeThreshold?: number;
  /** Reassignment passes after the first single-pass grouping (k-means style). */
  passes?: number;
}

// Tuned on gnad + bbc (tests/bench/themes.bench.ts) and by reading the briefings: a merge threshold of 0.01
// agrees best with the corpora's newspaper sections, but sections are not themes — it put the Kursk briefing
// beside a cosmetics CEO and a court case. 0.03 keeps a theme about one subject while German and English
// reports of one event still merge (higher values split them).
export const DEFAULT_OPTIONS: Required<ThemeOptions> = {
  threshold: 0.25,
  mergeThreshold: 0.03,
  // Reassignment did not improve agreement with the corpus labels once themes are merged; it only cost time.
  passes: 0,
};

/** The date that places an article in time: published, else imported (ms since epoch). */
export function articleTime(a: Pick<ThemeInput, 'publishedAt' | 'importedAt'>): number {
  const p = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
  if (!Number.isNaN(p)) return p;
  const i = Date.parse(a.importedAt);
  return Number.isNaN(i) ? 0 : i;
}

/** Stable short id from a list of article ids (FNV-1a over the sorted ids). */
export function idFromMembers(ids: readonly number[], prefix = 't'): string {
  const sorted = [...ids].sort((a, b) => a - b);
  let h = 0x811c9dc5;
  for (const id of sorted) {
    for (const ch of String(id) + ',') {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return prefix + h.toString(36);
}
