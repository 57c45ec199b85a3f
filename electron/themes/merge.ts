// Second level of grouping: related stories become themes by average-linkage (UPGMA) over the groups of
// the first pass. The average cosine between members, dot(SumA, SumB) / (|A|·|B|), does not grow as groups
// get broader, so one big theme cannot swallow the rest the way centroid similarity would.

interface Group { sum: Map<number, number>; size: number; members: number[]; alive: boolean; version: number }

const KEEP_TERMS = 120;

/** The heaviest terms of a sum, heaviest first: bounds the cost of comparing broad themes. */
function trim(sum: Map<number, number>): Map<number, number> {
  return new Map([...sum].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, KEEP_TERMS));
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
      [h[i], h[p]] = [h[p]!, h[i]!];
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
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Postings of one term: parallel arrays of group, group version and the group's weight for the term. */
interface Posting { g: number[]; v: number[]; w: number[] }

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
      if (!p) postings.set(t, p = { g: [], v: [], w: [] });
      p.g.push(g);
      p.v.push(version);
      p.w.push(w);
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
      for (let i = 0; i < p.g.length; i++) {
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
      p.g.length = kept;
      p.v.length = kept;
      p.w.length = kept;
    }
    for (const b of touched) {
      const sim = acc[b]! / (ga.size * groups[b]!.size);
      acc[b] = 0;
      if (sim < threshold) continue;
      const [x, y] = a < b ? [a, b] : [b, a];
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
