// Second level of grouping: related stories become themes by average-linkage (UPGMA) over the groups of
// the first pass. The average cosine between members, dot(SumA, SumB) / (|A|·|B|), does not grow as groups
// get broader, so one big theme cannot swallow the rest the way centroid similarity would.

interface Group { sum: Map<number, number>; size: number; members: number[]; alive: boolean; version: number }

const KEEP_TERMS = 120;

/**
 * The KEEP_TERMS heaviest terms of a sum (on equal weight, the lower term id): bounds the cost of comparing broad
 * themes. The cut weight comes from a native numeric sort of the weights; no comparator runs per pair.
 */
function trim(sum: Map<number, number>): Map<number, number> {
  if (sum.size <= KEEP_TERMS) return sum;
  const weights = Float64Array.from(sum.values()).sort();
  const cut = weights[weights.length - KEEP_TERMS]!;
  let above = 0;
  for (const w of sum.values()) if (w > cut) above++;
  const atCut = [...sum].filter(([, w]) => w === cut).map(([t]) => t).sort((a, b) => a - b).slice(0, KEEP_TERMS - above);
  const kept = new Set(atCut);
  const out = new Map<number, number>();
  for (const [t, w] of sum) if (w > cut || (w === cut && kept.has(t))) out.set(t, w);
  return out;
}

/** Max-heap of candidate merges [similarity, a, b, versionA, versionB]. */
class Heap {
  private readonly items: Array<[number, number, number, number, number]> = [];
  get size(): number { return this.items.length; }
  private before(x: [number, number, number, number, number], y: [number, number, number, number, number]): boolean {
    return x[0] > y[0] || (x[0] === y[0] && (x[1] < y[1] || (x[1] === y[1] && x[2] < y[2])));
  }
  push(item: [number, number, number, number, number]): void {
    const h = this.items;
    h.push(item);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      const x = h[i]!;
      h[i] = h[p]!;
      h[p] = x;
      i = p;
    }
  }
  pop(): [number, number, number, number, number] | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        const x = h[i]!;
        h[i] = h[m]!;
        h[m] = x;
        i = m;
      }
    }
    return top;
  }
}

/**
 * Postings of one term: parallel arrays of group, group version and the group's weight for the term; the first
 * `n` entries are in use. Compacting lowers `n` and leaves the arrays' length: shrinking a JS array and pushing
 * onto it again reallocates its storage each time, which cost most of the merge.
 */
interface Posting { g: number[]; v: number[]; w: number[]; n: number }

/**
 * Merges groups of unit vectors (given as per-group term sums and member lists) while the average
 * pairwise cosine of the best pair is at least `threshold`. Returns member lists.
 */
export function mergeGroups(sums: Array<Map<number, number>>, members: number[][], threshold: number): number[][] {
  const groups: Group[] = sums.map((s, i) => ({ sum: trim(s), size: members[i]!.length, members: [...members[i]!], alive: true, version: 0 }));
  // A posting is valid while its group is alive at the same version; a merged group is indexed afresh.
  const postings = new Map<number, Posting>();
  const index = (g: number): void => {
    const { sum, version } = groups[g]!;
    for (const [t, w] of sum) {
      let p = postings.get(t);
      if (!p) postings.set(t, p = { g: [], v: [], w: [], n: 0 });
      p.g[p.n] = g;
      p.v[p.n] = version;
      p.w[p.n++] = w;
    }
  };
  const heap = new Heap();
  const acc = new Float64Array(groups.length);
  const touched: number[] = [];
  const scoreFrom = (a: number, onlyHigher: boolean): void => {
    const ga = groups[a]!;
    for (const [t, w] of ga.sum) {
      const p = postings.get(t);
      if (!p) continue;
      let kept = 0;
      for (let i = 0; i < p.n; i++) {
        const b = p.g[i]!;
        const gb = groups[b]!;
        if (!gb.alive || gb.version !== p.v[i]) continue;
        // Stale entries are dropped as they are met.
        p.g[kept] = b;
        p.v[kept] = p.v[i]!;
        p.w[kept++] = p.w[i]!;
        if (b === a || (onlyHigher && b < a)) continue;
        if (acc[b] === 0) touched.push(b);
        acc[b]! += w * p.w[i]!;
      }
      p.n = kept;
    }
    for (const b of touched) {
      const sim = acc[b]! / (ga.size * groups[b]!.size);
      acc[b] = 0;
      if (sim < threshold) continue;
      const x = Math.min(a, b);
      const y = Math.max(a, b);
      heap.push([sim, x, y, groups[x]!.version, groups[y]!.version]);
    }
    touched.length = 0;
  };
  groups.forEach((_, g) => index(g));
  groups.forEach((_, g) => scoreFrom(g, true));
  while (heap.size) {
    const [, a, b, va, vb] = heap.pop()!;
    const ga = groups[a]!;
    const gb = groups[b]!;
    if (!ga.alive || !gb.alive || ga.version !== va || gb.version !== vb) continue;
    // b joins a; a's id stays, so the result does not depend on heap order beyond the similarities.
    const sum = new Map(ga.sum);
    for (const [t, w] of gb.sum) sum.set(t, (sum.get(t) ?? 0) + w);
    ga.sum = trim(sum);
    ga.size += gb.size;
    ga.members.push(...gb.members);
    ga.version++;
    gb.alive = false;
    index(a);
    scoreFrom(a, false);
  }
  return groups.filter((g) => g.alive).map((g) => g.members.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}
