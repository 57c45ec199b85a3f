// The user's decisions about themes — rename, merge, split off, move an article, pin, hide — replayed on
// freshly computed themes, so they survive every recomputation. A theme is named by its articles (ids change
// when themes are recomputed): a decision applies to the current theme sharing the most of those articles.
import { idFromMembers, type ThemeGroup } from './types.ts';

/** One decision, as the Library stores it (in the order they were made). */
export type Curation =
  | { type: 'rename'; theme: number[]; label: string }
  | { type: 'merge'; themes: number[][]; label?: string }
  | { type: 'split'; articleIds: number[]; label?: string }
  | { type: 'move'; articleId: number; to: number[] }
  | { type: 'pin'; theme: number[] }
  | { type: 'hide'; theme: number[] }
  | { type: 'unpin'; theme: number[] }
  | { type: 'unhide'; theme: number[] };

export interface CuratedGroup extends ThemeGroup {
  pinned: boolean;
  hidden: boolean;
  /** Label chosen by the user: kept even when the members change. */
  renamed: boolean;
}

/** Label and terms for a changed set of articles (the caller knows their text). */
export type Relabel = (articleIds: number[]) => { label: string; terms: string[] };

/** The group holding most of `ref`'s articles; -1 when none of them is there any more. */
function match(groups: readonly CuratedGroup[], ref: readonly number[]): number {
  const want = new Set(ref);
  let best = -1;
  let bestOverlap = 0;
  groups.forEach((g, i) => {
    const overlap = g.articleIds.reduce((n, id) => n + (want.has(id) ? 1 : 0), 0);
    if (overlap > bestOverlap) { best = i; bestOverlap = overlap; }
  });
  return best;
}

function removeArticles(groups: CuratedGroup[], ids: ReadonlySet<number>, changed: Set<CuratedGroup>): void {
  for (const g of groups) {
    const kept = g.articleIds.filter((id) => !ids.has(id));
    if (kept.length !== g.articleIds.length) { g.articleIds = kept; changed.add(g); }
  }
}

/**
 * Replays `decisions` in order on `groups` (as computed). Groups whose members changed get a new label
 * from `relabel` unless the user named them. Empty groups disappear; hidden ones stay, flagged.
 */
export function applyCuration(groups: readonly ThemeGroup[], decisions: readonly Curation[], relabel?: Relabel): CuratedGroup[] {
  let out: CuratedGroup[] = groups.map((g) => ({ ...g, articleIds: [...g.articleIds], pinned: false, hidden: false, renamed: false }));
  const changed = new Set<CuratedGroup>();
  for (const d of decisions) {
    if (d.type === 'rename' || d.type === 'pin' || d.type === 'hide' || d.type === 'unpin' || d.type === 'unhide') {
      const g = out[match(out, d.theme)];
      if (!g) continue;
      if (d.type === 'rename') { g.label = d.label; g.renamed = true; }
      if (d.type === 'pin' || d.type === 'unpin') g.pinned = d.type === 'pin';
      if (d.type === 'hide' || d.type === 'unhide') g.hidden = d.type === 'hide';
    } else if (d.type === 'merge') {
      const targets = [...new Set(d.themes.map((t) => match(out, t)).filter((i) => i >= 0))].map((i) => out[i]!);
      const [into, ...rest] = targets;
      if (!into) continue;
      for (const r of rest) {
        into.articleIds.push(...r.articleIds);
        into.pinned ||= r.pinned;
        r.articleIds = [];
      }
      if (d.label) { into.label = d.label; into.renamed = true; }
      changed.add(into);
    } else if (d.type === 'split') {
      const present = new Set(out.flatMap((g) => g.articleIds));
      const ids = d.articleIds.filter((id) => present.has(id));
      if (ids.length === 0) continue;
      removeArticles(out, new Set(ids), changed);
      const g: CuratedGroup = { id: idFromMembers(ids), label: d.label ?? '', terms: [], articleIds: ids,
        pinned: false, hidden: false, renamed: d.label !== undefined };
      out.push(g);
      changed.add(g);
    } else {
      const target = out[match(out, d.to.filter((id) => id !== d.articleId))];
      if (!target || !out.some((g) => g.articleIds.includes(d.articleId)) || target.articleIds.includes(d.articleId)) continue;
      removeArticles(out, new Set([d.articleId]), changed);
      target.articleIds.push(d.articleId);
      changed.add(target);
    }
    out = out.filter((g) => g.articleIds.length > 0);
  }
  for (const g of out) {
    if (!changed.has(g) || g.articleIds.length === 0) continue;
    if (relabel && (!g.renamed || g.terms.length === 0)) {
      const fresh = relabel(g.articleIds);
      g.terms = fresh.terms;
      if (!g.renamed) g.label = fresh.label;
    }
    if (!g.label) g.label = g.terms.slice(0, 3).join(', ') || 'Untitled';
  }
  return out;
}
