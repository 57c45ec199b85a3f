// Orders matched documents (whole-word matches above compound-part matches, then relevance, recency as
// tie-breaker, or newest first on request), picks one page without sorting everything, and counts facets.
import type { DocTable } from './doc-table.ts';
import type { Matches } from './leaves.ts';

export type SortOrder = 'relevance' | 'date';

export interface Facets {
  outlet: Array<{ value: string; count: number }>;
  language: Array<{ value: string; count: number }>;
  theme: Array<{ value: string; count: number }>;
  /** Tags of articles and #hashtags of their notes (issue 6). */
  tag: Array<{ value: string; count: number }>;
  /** By month of the published (or imported) date, "2026-11", newest first. */
  month: Array<{ value: string; count: number }>;
}

function comparator(m: Matches, docs: DocTable, sort: SortOrder): (a: number, b: number) => number {
  const date = (i: number) => docs.dates[m.slots[i]!] || 0;
  if (sort === 'date') return (a, b) => date(b) - date(a) || m.scores[b]! - m.scores[a]! || m.slots[b]! - m.slots[a]!;
  return (a, b) => m.penalty[a]! - m.penalty[b]! || m.scores[b]! - m.scores[a]! || date(b) - date(a) || m.slots[b]! - m.slots[a]!;
}

/** Indexes into `m` of the page [offset, offset + limit) in rank order. */
export function rankPage(m: Matches, docs: DocTable, sort: SortOrder, offset: number, limit: number): number[] {
  const n = m.slots.length;
  const k = Math.min(n, offset + limit);
  const cmp = comparator(m, docs, sort);
  if (k === 0) return [];
  if (n <= 4 * k || n < 2000) {
    return Array.from({ length: n }, (_, i) => i).sort(cmp).slice(offset, k);
  }
  // Bounded max-heap on "worst first" keeps the best k of n in O(n log k).
  const heap: number[] = [];
  const worse = (a: number, b: number) => cmp(a, b) > 0;
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(heap[l]!, heap[w]!)) w = l;
      if (r < heap.length && worse(heap[r]!, heap[w]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) { heap.push(i); up(heap.length - 1); } else if (cmp(i, heap[0]!) < 0) { heap[0] = i; down(0); }
  }
  return heap.sort(cmp).slice(offset, k);
}

function top(counts: Map<string, number>, limit: number): Array<{ value: string; count: number }> {
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit);
}

/** Facet counts over all matches (not only the page). */
export function countFacets(m: Matches, docs: DocTable): Facets {
  const outlets = new Uint32Array(docs.outletNames.values.length);
  const langs = new Uint32Array(docs.languages.values.length);
  const themes = new Uint32Array(docs.themeNames.values.length);
  const tags = new Uint32Array(docs.tagNames.values.length); // tag facet (issue 6)
  const months = new Map<number, number>();
  for (const s of m.slots) {
    const o = docs.outlets[s]!;
    if (o >= 0) outlets[o]!++;
    langs[docs.langs[s]!]!++;
    for (const t of docs.themes[s] ?? []) themes[t]!++;
    for (const t of docs.tags[s] ?? []) tags[t]!++;
    const d = docs.dates[s]!;
    if (Number.isFinite(d)) {
      const date = new Date(d * 1000);
      const key = date.getUTCFullYear() * 12 + date.getUTCMonth();
      months.set(key, (months.get(key) ?? 0) + 1);
    }
  }
  const named = (names: string[], counts: Uint32Array) => new Map(names.map((v, i) => [v, counts[i]!] as [string, number]).filter(([, c]) => c > 0));
  return {
    outlet: top(named(docs.outletNames.values, outlets), 20),
    language: top(named(docs.languages.values, langs), 20),
    theme: top(named(docs.themeNames.values, themes), 20),
    tag: top(named(docs.tagNames.values, tags), 30),
    month: [...months].sort((a, b) => b[0] - a[0]).slice(0, 24)
      .map(([k, count]) => ({ value: `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, count })),
  };
}
