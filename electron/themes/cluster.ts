// Grouping of article vectors into themes: one pass in time order (each article joins the most similar
// theme centroid or opens a new theme, as articles arrive in the app), then k-means-style reassignment
// passes and a merge of near-identical themes. Deterministic: ties break on input order.
import { mergeGroups } from './merge.ts';
import type { SparseVector } from './vectorize.ts';

/** Growing theme centroids with an inverted index (term -> themes that contain it). */
export class Centroids {
  readonly sums: Array<Map<number, number>> = [];
  readonly norms2: number[] = [];
  readonly members: number[][] = [];
  private readonly postings = new Map<number, number[]>();
  private acc = new Float64Array(64);

  get count(): number { return this.sums.length; }

  open(): number {
    this.sums.push(new Map());
    this.norms2.push(0);
    this.members.push([]);
    return this.sums.length - 1;
  }

  add(c: number, doc: number, v: SparseVector): void {
    const sum = this.sums[c]!;
    let n2 = this.norms2[c]!;
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k]!;
      const w = v.w[k]!;
      const old = sum.get(t);
      if (old === undefined) {
        sum.set(t, w);
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, p = []);
        p.push(c);
      } else sum.set(t, old + w);
      n2 += 2 * (old ?? 0) * w + w * w;
    }
    this.norms2[c] = n2;
    this.members[c]!.push(doc);
  }

  /**
   * The best theme for a vector: [theme, cosine]. With `own` set, that theme is scored without the
   * vector itself (it is a member), so an article does not stay put only because it is there already.
   */
  best(v: SparseVector, own = -1): [number, number] {
    if (this.acc.length < this.sums.length) this.acc = new Float64Array(this.sums.length * 2);
    const acc = this.acc;
    const touched: number[] = [];
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k]!;
      const w = v.w[k]!;
      const p = this.postings.get(t);
      if (!p) continue;
      for (const c of p) {
        if (acc[c] === 0) touched.push(c);
        acc[c]! += w * this.sums[c]!.get(t)!;
      }
    }
    let best = -1;
    let bestSim = 0;
    for (const c of touched) {
      let dot = acc[c]!;
      let n2 = this.norms2[c]!;
      acc[c] = 0;
      if (c === own) {
        if (this.members[c]!.length <= 1) continue;
        n2 = n2 - 2 * dot + 1;
        dot -= 1;
      }
      const sim = n2 > 1e-12 ? dot / Math.sqrt(n2) : 0;
      if (sim > bestSim || (sim === bestSim && c < best)) { best = c; bestSim = sim; }
    }
    return [best, bestSim];
  }

}

export interface ClusterOptions { threshold: number; mergeThreshold: number; passes: number }

/** Groups vectors (given in arrival order) into themes; returns member indexes per theme. */
export function clusterVectors(vectors: readonly SparseVector[], opts: ClusterOptions): number[][] {
  let assign = firstPass(vectors, opts.threshold);
  for (let p = 0; p < opts.passes; p++) {
    const next = reassign(vectors, assign, opts.threshold);
    const changed = next.some((c, i) => c !== assign[i]);
    assign = next;
    if (!changed) break;
  }
  return mergeClose(vectors, assign, opts.mergeThreshold);
}

function firstPass(vectors: readonly SparseVector[], threshold: number): number[] {
  const cs = new Centroids();
  const assign: number[] = [];
  vectors.forEach((v, i) => {
    const [c, sim] = cs.best(v);
    const target = c >= 0 && sim >= threshold ? c : cs.open();
    cs.add(target, i, v);
    assign.push(target);
  });
  return assign;
}

function build(vectors: readonly SparseVector[], assign: readonly number[]): Centroids {
  const cs = new Centroids();
  const index = new Map<number, number>();
  assign.forEach((a, i) => {
    let c = index.get(a);
    if (c === undefined) index.set(a, c = cs.open());
    cs.add(c, i, vectors[i]!);
  });
  return cs;
}

function reassign(vectors: readonly SparseVector[], assign: readonly number[], threshold: number): number[] {
  const cs = build(vectors, assign);
  const own = new Array<number>(vectors.length);
  cs.members.forEach((m, c) => { for (const i of m) own[i] = c; });
  let fresh = cs.count;
  return vectors.map((v, i) => {
    const mine = own[i]!;
    const [c, sim] = cs.best(v, mine);
    if (c >= 0 && sim >= threshold) return c;
    // Alone where it was: keep a singleton theme rather than renumbering it.
    return cs.members[mine]!.length === 1 ? mine : fresh++;
  });
}

function mergeClose(vectors: readonly SparseVector[], assign: readonly number[], themeThreshold: number): number[][] {
  const cs = build(vectors, assign);
  return mergeGroups(cs.sums, cs.members, themeThreshold);
}
