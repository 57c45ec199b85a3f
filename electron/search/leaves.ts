// Scores the leaves of a query: one word (its forms in every language, prefix or fuzzy expansions, compound
// parts) or one phrase (positions must follow each other), BM25F over title, text and note.
import type { DocTable } from './doc-table.ts';
import { PackedBuffer, POSITION_BITS, POSITION_MASK, TERM_SHIFT, termOfPacked, type PostingsStore } from './postings.ts';

/** A set of matching documents: slots ascending, with scores, matched-field bits and compound-only counts. */
export interface Matches { slots: Int32Array; scores: Float64Array; fields: Uint8Array; penalty: Uint8Array }

/** One index term a query word may match, and how much a match counts. */
export interface WeightedTerm { id: number; weight: number; part: boolean }

export const FIELD_BOOST = [2.5, 1, 1.5];
const K1 = 1.2;
const B = [0.5, 0.75, 0.75];
const PHRASE_BOOST = 1.5;

export interface LeafContext {
  docs: DocTable;
  postings: PostingsStore;
  /** Language ids whose documents compound parts may match (German). */
  compoundLanguages: Set<number>;
  scratch: Scratch;
  /** When set, only these slots (1) can still match: an AND's earlier, rarer words ruled the rest out. */
  within: Uint8Array | null;
}

/** Per-slot working memory reused across queries; only touched slots are reset. */
export class Scratch {
  tf = new Float64Array(0);
  flags = new Uint8Array(0);
  ensure(slots: number): void {
    if (this.flags.length >= slots) return;
    this.tf = new Float64Array(slots * 3 + 3072);
    this.flags = new Uint8Array(slots + 1024);
  }
}

const WHOLE = 1;
const PART = 2;

function bm25f(ctx: LeafContext, slot: number, tf: ArrayLike<number>, offset: number, idf: number): number {
  let t = 0;
  for (let f = 0; f < 3; f++) {
    const v = tf[offset + f]!;
    if (v === 0) continue;
    const norm = 1 - B[f]! + (B[f]! * ctx.docs.lengths[slot * 3 + f]!) / ctx.docs.averageLength(f);
    t += (FIELD_BOOST[f]! * v) / norm;
  }
  return (idf * t * (K1 + 1)) / (t + K1);
}

function idfOf(ctx: LeafContext, df: number): number {
  const n = ctx.docs.liveCount;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Documents matching any of the terms of one query word; `field` limits matches to the title (0) or note (2). */
export function scoreWord(ctx: LeafContext, terms: WeightedTerm[], field: number | null): Matches {
  const { docs, postings, scratch } = ctx;
  scratch.ensure(docs.count);
  const { tf, flags } = scratch;
  const touched: number[] = [];
  const within = ctx.within;
  let outside = 0; // matches ruled out by `within` still count for the word's rarity (idf)
  for (const term of terms) {
    const { alive, langs } = docs;
    const weight = term.weight;
    const mark = term.part ? PART : WHOLE;
    postings.readCounts(term.id, (s, t0, t1, t2) => {
      if (!alive[s]) return;
      if (term.part && !ctx.compoundLanguages.has(langs[s]!)) return;
      if (field === 0 ? t0 === 0 : field === 2 ? t2 === 0 : false) return;
      if (within !== null && within[s] === 0) { outside++; return; }
      if (flags[s] === 0) touched.push(s);
      flags[s]! |= mark;
      const o = s * 3;
      if (field === null || field === 0) { const v = weight * t0; if (v > tf[o]!) tf[o] = v; }
      if (field === null) { const v = weight * t1; if (v > tf[o + 1]!) tf[o + 1] = v; }
      if (field === null || field === 2) { const v = weight * t2; if (v > tf[o + 2]!) tf[o + 2] = v; }
    });
  }
  return collect(ctx, touched, 1, outside);
}

function collect(ctx: LeafContext, touched: number[], boost: number, dfOutside = 0): Matches {
  const { tf, flags } = ctx.scratch;
  const slots = Int32Array.from(touched).sort();
  const n = slots.length;
  const out: Matches = { slots, scores: new Float64Array(n), fields: new Uint8Array(n), penalty: new Uint8Array(n) };
  const idf = idfOf(ctx, Math.min(ctx.docs.liveCount, n + dfOutside));
  for (let i = 0; i < n; i++) {
    const s = slots[i]!;
    out.scores[i] = boost * bm25f(ctx, s, tf, s * 3, idf);
    out.fields[i] = (tf[s * 3]! > 0 ? 1 : 0) | (tf[s * 3 + 1]! > 0 ? 2 : 0) | (tf[s * 3 + 2]! > 0 ? 4 : 0);
    out.penalty[i] = flags[s]! & WHOLE ? 0 : 1;
    tf[s * 3] = tf[s * 3 + 1] = tf[s * 3 + 2] = 0;
    flags[s] = 0;
  }
  return out;
}

/** One phrase element: the term ids of its forms, at `offset` words from the phrase start. */
export interface PhraseElement { ids: number[]; offset: number }

/** Documents where the elements occur at consecutive positions (stop words in between count as positions). */
export function scorePhrase(ctx: LeafContext, elements: PhraseElement[], field: number | null): Matches {
  const { docs, postings } = ctx;
  // 1. Documents holding every element, rarest element first, counting rounds per slot (no positions yet).
  const order = [...elements].sort((a, b) => sumDocs(postings, a.ids) - sumDocs(postings, b.ids));
  const rounds = new Uint8Array(docs.count);
  let candidates: number[] = [];
  order.forEach((el, round) => {
    for (const id of el.ids) {
      postings.readCounts(id, (s) => {
        if (rounds[s] !== round || !docs.alive[s] || (ctx.within !== null && ctx.within[s] === 0)) return;
        rounds[s] = round + 1;
        if (round === 0) candidates.push(s);
      });
    }
  });
  candidates = candidates.filter((s) => rounds[s] === order.length).sort((a, b) => a - b);
  if (candidates.length === 0) return collect(ctx, [], PHRASE_BOOST);
  // 2. Positions of each element in those documents only, packed as (document number, field, position).
  const number = new Int32Array(docs.count).fill(-1);
  candidates.forEach((s, i) => { number[s] = i; });
  const lists = elements.map((el) => {
    const out = new PackedBuffer();
    for (const id of el.ids) postings.readPacked(id, (s) => number[s]!, out);
    return out.sorted();
  });
  // 3. Count, per document and field, the places where element i sits at start + offset_i.
  const touched: number[] = [];
  ctx.scratch.ensure(docs.count);
  const { tf, flags } = ctx.scratch;
  const cursor = new Int32Array(elements.length);
  const first = lists[0]!;
  const offset0 = elements[0]!.offset;
  for (let k = 0; k < first.length; k++) {
    const code = first[k]!;
    if (k > 0 && code === first[k - 1]) continue;
    const doc = termOfPacked(code);
    const low = code - doc * TERM_SHIFT;
    const f = low >>> POSITION_BITS;
    if ((field !== null && f !== field) || (low & POSITION_MASK) < offset0) continue;
    let all = true;
    for (let i = 1; i < elements.length && all; i++) {
      const target = code - offset0 + elements[i]!.offset;
      const list = lists[i]!;
      let c = cursor[i]!;
      while (c < list.length && list[c]! < target) c++;
      cursor[i] = c;
      all = c < list.length && list[c] === target;
    }
    if (!all) continue;
    const s = candidates[doc]!;
    if (flags[s] === 0) { touched.push(s); flags[s] = WHOLE; }
    tf[s * 3 + f]!++;
  }
  return collect(ctx, touched, PHRASE_BOOST);
}

function sumDocs(postings: PostingsStore, ids: number[]): number {
  return ids.reduce((n, id) => n + postings.docCount[id]!, 0);
}
