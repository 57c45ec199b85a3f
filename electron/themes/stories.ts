// Stories inside a theme: articles about the same event (high similarity, linked pairwise), with
// near-duplicates (agency copy republished with small edits) folded into "also in: …" of the original.
import type { Story } from '../article.ts';
import { idFromMembers } from './types.ts';
import type { DocFeatures, SparseVector } from './vectorize.ts';

export interface StoryOptions {
  /** Cosine at which two articles report the same event. */
  storyThreshold?: number;
  /** Cosine at which an article is a near-copy of an earlier one. */
  duplicateThreshold?: number;
}

const DEFAULTS = { storyThreshold: 0.4, duplicateThreshold: 0.8 };
const LABEL_CHARS = 90;

/** Pairwise cosines above `min` among `members`, via an inverted index (cheap for sparse vectors). */
function similarPairs(members: readonly number[], vectors: readonly SparseVector[], min: number): Array<[number, number, number]> {
  const postings = new Map<number, Array<[number, number]>>();
  const pairs: Array<[number, number, number]> = [];
  members.forEach((doc, a) => {
    const v = vectors[doc]!;
    const acc = new Map<number, number>();
    for (let k = 0; k < v.ids.length; k++) {
      for (const [b, w] of postings.get(v.ids[k]!) ?? []) acc.set(b, (acc.get(b) ?? 0) + w * v.w[k]!);
    }
    for (const [b, sim] of acc) if (sim >= min) pairs.push([b, a, sim]);
    for (let k = 0; k < v.ids.length; k++) {
      let p = postings.get(v.ids[k]!);
      if (!p) postings.set(v.ids[k]!, p = []);
      p.push([a, v.w[k]!]);
    }
  });
  return pairs;
}

function shorten(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length <= LABEL_CHARS) return t;
  const cut = t.slice(0, LABEL_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Splits a theme's members (indexes into `docs`, oldest first) into stories, biggest first. */
export function buildStories(members: readonly number[], docs: readonly DocFeatures[], vectors: readonly SparseVector[],
  opts: StoryOptions = {}): Story[] {
  const o = { ...DEFAULTS, ...opts };
  const ordered = [...members].sort((a, b) => docs[a]!.time - docs[b]!.time || docs[a]!.input.id - docs[b]!.input.id);
  const pairs = similarPairs(ordered, vectors, o.storyThreshold);
  const parent = ordered.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const duplicateOf = new Map<number, number>();
  const centrality = new Float64Array(ordered.length);
  for (const [a, b, sim] of pairs) {
    parent[Math.max(root(a), root(b))] = Math.min(root(a), root(b));
    centrality[a]! += sim;
    centrality[b]! += sim;
    // b is later than a: the later near-copy folds into the earliest original.
    if (sim >= o.duplicateThreshold && !duplicateOf.has(b)) duplicateOf.set(b, duplicateOf.get(a) ?? a);
  }
  const groups = new Map<number, number[]>();
  ordered.forEach((_, i) => {
    const r = root(i);
    let g = groups.get(r);
    if (!g) groups.set(r, g = []);
    g.push(i);
  });
  const stories = [...groups.values()].map((g): Story & { newest: number } => {
    const doc = (i: number): DocFeatures => docs[ordered[i]!]!;
    const central = [...g].sort((x, y) => centrality[y]! - centrality[x]! || x - y)[0]!;
    const outlets: string[] = [];
    for (const i of g) { const out = doc(i).input.outlet; if (out && !outlets.includes(out)) outlets.push(out); }
    const times = g.map((i) => doc(i).time);
    return {
      id: idFromMembers(g.map((i) => doc(i).input.id), 's'),
      label: shorten(doc(central).input.title || doc(central).input.text.slice(0, LABEL_CHARS)),
      articleIds: g.filter((i) => !duplicateOf.has(i)).reverse().map((i) => doc(i).input.id),
      outlets,
      alsoIn: g.filter((i) => duplicateOf.has(i))
        .map((i) => ({ articleId: doc(i).input.id, outlet: doc(i).input.outlet, duplicateOf: doc(duplicateOf.get(i)!).input.id })),
      from: iso(Math.min(...times)),
      to: iso(Math.max(...times)),
      newest: Math.max(...times),
    };
  });
  return stories
    .sort((a, b) => b.articleIds.length + b.alsoIn.length - a.articleIds.length - a.alsoIn.length
      || b.newest - a.newest || a.id.localeCompare(b.id))
    .map(({ newest: _n, ...s }) => s);
}
