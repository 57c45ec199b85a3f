// Grouping of article vectors into themes: one pass in time order (each article joins the most similar
// theme centroid or opens a new theme, as articles arrive in the app), then k-means-style reassignment
// passes and a merge of near-identical themes. Deterministic: ties break on input order.
import { mergeGroups } from './merge.ts';
import type { SparseVector } from './vectorize.ts';

/**
 * A centroid keeps at most this many of its heaviest terms (trimmed when it has twice as many). Without a bound,
 * a big story's centroid holds every word its hundreds of articles used, and scoring one article against all
 * stories costs in proportion to the library's size: the first pass grew quadratically (15 s at 30k articles).
 */
const CENTROID_TERMS = 200;
/** Terms of a vector that find candidate themes, and how many candidates are scored exactly (see `best`). */
const CANDIDATE_TERMS = 20;
const CANDIDATES = 16;

/** Growing theme centroids with an inverted index (term -> themes that contain it). */
export class Centroids {
  readonly sums: Array<Map<number, number>> = [];
  readonly norms2: number[] = [];
  readonly members: number[][] = [];
  /** Bumped when a centroid is trimmed: postings of an older version are stale and dropped when met. */
  private readonly versions: number[] = [];
  /** Term -> themes holding it and the version they were posted at; the first `n` in use (see merge.ts's Posting). */
  private readonly postings = new Map<number, { c: number[]; v: number[]; n: number }>();
  /** Per theme, scratch for `best`: the summed weights of the vector's lead terms it holds (zero between calls). */
  private overlap = new Float64Array(64);
  private readonly topC = new Int32Array(CANDIDATES + 1);
  private readonly topS = new Float64Array(CANDIDATES + 1);

  get count(): number { return this.sums.length; }

  open(): number {
    this.sums.push(new Map());
    this.norms2.push(0);
    this.members.push([]);
    this.versions.push(0);
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
        this.post(t, c);
      } else sum.set(t, old + w);
      n2 += 2 * (old ?? 0) * w + w * w;
    }
    this.norms2[c] = n2;
    this.members[c]!.push(doc);
    if (sum.size > 2 * CENTROID_TERMS) this.trim(c);
  }

  private post(t: number, c: number): void {
    let p = this.postings.get(t);
    if (!p) this.postings.set(t, p = { c: [], v: [], n: 0 });
    p.c[p.n] = c;
    p.v[p.n++] = this.versions[c]!;
  }

  private trim(c: number): void {
    const kept = [...this.sums[c]!].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CENTROID_TERMS);
    this.sums[c] = new Map(kept);
    this.norms2[c] = kept.reduce((s, [, w]) => s + w * w, 0);
    this.versions[c]!++;
    for (const [t] of kept) this.post(t, c);
  }

  /**
   * The best theme for a vector: [theme, cosine]. With `own` set, that theme is scored without the
   * vector itself (it is a member), so an article does not stay put only because it is there already.
   * Candidates are the themes that share most of the vector's heaviest terms (its rarest, with the shortest
   * postings: the light, common terms are in most stories and cost the most to scan), weighed by the vector's
   * weights alone — reading each theme's weight per posting cost half the first pass and chose no better.
   * The candidates are then scored exactly.
   */
  best(v: SparseVector, own = -1): [number, number] {
    if (this.overlap.length < this.sums.length) this.overlap = new Float64Array(this.sums.length * 2);
    const overlap = this.overlap;
    const touched: number[] = [];
    const lead = Math.min(v.ids.length, CANDIDATE_TERMS);
    for (let k = 0; k < lead; k++) {
      const p = this.postings.get(v.ids[k]!);
      if (!p) continue;
      const w = v.w[k]!;
      let kept = 0;
      for (let i = 0; i < p.n; i++) {
        const c = p.c[i]!;
        if (p.v[i] !== this.versions[c]) continue; // stale (the theme was trimmed since): dropped as met
        p.c[kept] = c;
        p.v[kept++] = p.v[i]!;
        if (overlap[c] === 0) touched.push(c);
        overlap[c]! += w;
      }
      p.n = kept;
    }
    // The CANDIDATES themes of largest overlap, kept sorted (largest first) as they are met.
    const ownMet = own >= 0 && overlap[own]! !== 0;
    const { topC, topS } = this;
    let n = 0;
    for (const c of touched) {
      const s = overlap[c]!;
      overlap[c] = 0;
      if (n === CANDIDATES && !(s > topS[n - 1]! || (s === topS[n - 1]! && c < topC[n - 1]!))) continue;
      let j = n < CANDIDATES ? n++ : n - 1;
      for (; j > 0 && (topS[j - 1]! < s || (topS[j - 1]! === s && topC[j - 1]! > c)); j--) {
        topS[j] = topS[j - 1]!;
        topC[j] = topC[j - 1]!;
      }
      topS[j] = s;
      topC[j] = c;
    }
    // Its own theme is always weighed, so an article leaves it only for a theme that is really closer.
    if (ownMet && !topC.subarray(0, n).includes(own)) topC[n++] = own;
    let best = -1;
    let bestSim = 0;
    for (let i = 0; i < n; i++) {
      const c = topC[i]!;
      const sum = this.sums[c]!;
      let dot = 0;
      for (let k = 0; k < v.ids.length; k++) { const s = sum.get(v.ids[k]!); if (s !== undefined) dot += v.w[k]! * s; }
      let n2 = this.norms2[c]!;
      if (c === own) {
        if (this.members[c]!.length <= 1) continue;
        n2 = Math.max(0, n2 - 2 * dot + 1);
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
