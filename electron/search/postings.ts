// Compact positional postings: per term, the documents (slots) containing it with per-field term counts and
// word positions, varint-encoded. A contiguous "base" buffer (what is saved and loaded as-is) plus small
// per-term "delta" runs for documents added since, merged into the base when they grow.

/** Fields in posting order. */
export const FIELD_COUNT = 3; // title, text, note

/** Positions of one term in one document, per field (title, text, note), ascending. */
export type FieldPositions = [number[], number[], number[]];

/** Writes `v` as a varint at `at`; returns where the next byte goes. */
function writeVarint(out: Uint8Array, at: number, v: number): number {
  while (v >= 0x80) { out[at++] = (v & 0x7f) | 0x80; v = Math.floor(v / 128); }
  out[at++] = v;
  return at;
}

/** The most bytes one document's postings of a term can take: four varint headers and up to 4 bytes per position. */
const maxPostingBytes = (positions: number) => 20 + 4 * positions;

const DELTA_MERGE_BYTES = 4_000_000;
/** A term's first delta run holds this many bytes; runs double when full. */
const MIN_RUN_BYTES = 16;
export const POSITION_BITS = 22;
export const POSITION_MASK = (1 << POSITION_BITS) - 1;
export const TERM_SHIFT = 2 ** 24;
/** Positions past this (a field of over 4 million words) are not indexed. */
export const MAX_POSITION = POSITION_MASK;

/** One occurrence as a number that sorts by term, then field, then position (term ids stay below 2^29). */
export function packOccurrence(term: number, field: number, position: number): number {
  return term * TERM_SHIFT + field * (1 << POSITION_BITS) + position;
}

export function termOfPacked(code: number): number {
  return Math.floor(code / TERM_SHIFT);
}

export class PostingsStore {
  base: Uint8Array = new Uint8Array(0);
  baseStart = new Uint32Array(1024);
  baseLen = new Uint32Array(1024);
  lastSlot = new Int32Array(1024).fill(-1);
  /** Documents containing the term (alive or not). */
  docCount = new Uint32Array(1024);
  /**
   * The deltas of all terms in one arena, each term's bytes contiguous at deltaStart (deltaLen used of deltaCap):
   * a per-term JS array of numbers costs 8 bytes a byte and keeps the garbage collector busy during big imports.
   * A run that fills up moves to the arena's end at twice the size; the hole stays until the next merge.
   */
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private deltaStart = new Uint32Array(1024);
  private deltaLen = new Uint32Array(1024);
  private deltaCap = new Uint32Array(1024);
  private deltaBytes = 0;
  termCount = 0;

  /** Registers a new term id (ids are dense and assigned by the caller in order). */
  addTerm(): number {
    const id = this.termCount++;
    if (id >= this.baseStart.length) this.grow(Math.max(1024, id * 2));
    return id;
  }

  private grow(n: number): void {
    const g32 = (a: Uint32Array) => { const b = new Uint32Array(n); b.set(a); return b; };
    this.baseStart = g32(this.baseStart);
    this.baseLen = g32(this.baseLen);
    this.docCount = g32(this.docCount);
    this.deltaStart = g32(this.deltaStart);
    this.deltaLen = g32(this.deltaLen);
    this.deltaCap = g32(this.deltaCap);
    const last = new Int32Array(n).fill(-1);
    last.set(this.lastSlot);
    this.lastSlot = last;
  }

  /** Room for `need` more bytes in the term's delta run; returns where they go. */
  private reserve(term: number, need: number): number {
    const len = this.deltaLen[term]!;
    if (len + need > this.deltaCap[term]!) {
      const cap = Math.max(MIN_RUN_BYTES, 2 * (len + need));
      if (this.arenaUsed + cap > this.arena.length) {
        const bigger = new Uint8Array(Math.max(2 * this.arena.length, this.arenaUsed + cap));
        bigger.set(this.arena.subarray(0, this.arenaUsed));
        this.arena = bigger;
      }
      const start = this.arenaUsed;
      this.arenaUsed += cap;
      this.arena.copyWithin(start, this.deltaStart[term]!, this.deltaStart[term]! + len);
      this.deltaStart[term] = start;
      this.deltaCap[term] = cap;
    }
    return this.deltaStart[term]! + len;
  }

  /** Records `at` (returned by reserve, then written up to) as the end of the term's delta run. */
  private commit(term: number, at: number): void {
    const len = at - this.deltaStart[term]!;
    this.deltaBytes += len - this.deltaLen[term]!;
    this.deltaLen[term] = len;
  }

  /** Appends one document's occurrences of a term; slots must grow per term. */
  append(term: number, slot: number, pos: FieldPositions): void {
    const [title, text, note] = pos;
    let at = this.reserve(term, maxPostingBytes(title.length + text.length + note.length));
    const out = this.arena;
    at = writeVarint(out, at, slot - this.lastSlot[term]!);
    this.lastSlot[term] = slot;
    this.docCount[term]!++;
    const other = title.length > 0 || note.length > 0;
    at = writeVarint(out, at, text.length * 2 + (other ? 1 : 0));
    if (other) { at = writeVarint(out, at, title.length); at = writeVarint(out, at, note.length); }
    for (const list of pos) {
      let prev = 0;
      for (const p of list) { at = writeVarint(out, at, p - prev); prev = p; }
    }
    this.commit(term, at);
  }

  /**
   * Appends one document's occurrences of a term from packed codes (see packOccurrence), sorted ascending,
   * all of this term: the indexing hot path, with no per-term arrays.
   */
  appendPacked(term: number, slot: number, codes: Float64Array, from: number, to: number): void {
    let at = this.reserve(term, maxPostingBytes(to - from));
    const out = this.arena;
    at = writeVarint(out, at, slot - this.lastSlot[term]!);
    this.lastSlot[term] = slot;
    this.docCount[term]!++;
    // Subtracting the term's base is exact (all integers below 2^53) and much cheaper than a float modulo.
    const base = term * TERM_SHIFT;
    let title = 0;
    let text = 0;
    let note = 0;
    for (let i = from; i < to; i++) {
      const f = (codes[i]! - base) >>> POSITION_BITS;
      if (f === 1) text++; else if (f === 0) title++; else note++;
    }
    const other = title > 0 || note > 0;
    at = writeVarint(out, at, text * 2 + (other ? 1 : 0));
    if (other) { at = writeVarint(out, at, title); at = writeVarint(out, at, note); }
    let field = -1;
    let prev = 0;
    for (let i = from; i < to; i++) {
      const low = codes[i]! - base;
      const f = low >>> POSITION_BITS;
      const p = low & POSITION_MASK;
      if (f !== field) { field = f; prev = 0; }
      const gap = p - prev;
      if (gap < 0x80) out[at++] = gap; else at = writeVarint(out, at, gap);
      prev = p;
    }
    this.commit(term, at);
  }

  /** True when enough was added since the last merge to fold the deltas into the base. */
  get wantsMerge(): boolean { return this.deltaBytes > DELTA_MERGE_BYTES; }

  /** The term's delta run: [start, end) in the arena (empty when nothing was added since the last merge). */
  private deltaRange(term: number): [number, number] {
    const start = this.deltaStart[term]!;
    return [start, start + this.deltaLen[term]!];
  }

  /** Folds every delta into a new contiguous base (deltas continue the base's slot sequence, so bytes just concatenate). */
  merge(): void {
    let total = 0;
    for (let t = 0; t < this.termCount; t++) total += this.baseLen[t]! + this.deltaLen[t]!;
    const next = new Uint8Array(total);
    let at = 0;
    for (let t = 0; t < this.termCount; t++) {
      const len = this.baseLen[t]!;
      next.set(this.base.subarray(this.baseStart[t]!, this.baseStart[t]! + len), at);
      const [from, to] = this.deltaRange(t);
      next.set(this.arena.subarray(from, to), at + len);
      this.baseStart[t] = at;
      this.baseLen[t] = len + (to - from);
      at += this.baseLen[t]!;
    }
    this.base = next;
    this.deltaLen.fill(0);
    this.deltaCap.fill(0);
    this.arenaUsed = 0;
    this.deltaBytes = 0;
  }

  /** Calls `visit` with each posting's slot and per-field counts, in slot order (positions skipped, nothing allocated). */
  readCounts(term: number, visit: (slot: number, title: number, text: number, note: number) => void): void {
    const start = this.baseStart[term]!;
    const slot = decodeCounts(this.base, start, start + this.baseLen[term]!, -1, visit);
    const [from, to] = this.deltaRange(term);
    if (to > from) decodeCounts(this.arena, from, to, slot, visit);
  }

  /** Calls `visit` with each posting's positions per field; with `only`, just for the slots it accepts. */
  readPositions(term: number, visit: (slot: number, positions: FieldPositions) => void, only?: (slot: number) => boolean): void {
    const start = this.baseStart[term]!;
    const slot = decodePositions(this.base, start, start + this.baseLen[term]!, -1, visit, only);
    const [from, to] = this.deltaRange(term);
    if (to > from) decodePositions(this.arena, from, to, slot, visit, only);
  }

  /**
   * Appends packed positions (see packOccurrence, with the caller's document number in place of the term)
   * of the documents `number` gives a number >= 0 for: phrase matching without an array per document.
   */
  readPacked(term: number, number: (slot: number) => number, out: PackedBuffer): void {
    const start = this.baseStart[term]!;
    const slot = decodePacked(this.base, start, start + this.baseLen[term]!, -1, number, out);
    const [from, to] = this.deltaRange(term);
    if (to > from) decodePacked(this.arena, from, to, slot, number, out);
  }

  /** Bytes held: the base plus the deltas. */
  get byteSize(): number { return this.base.byteLength + this.deltaBytes; }
}

function decodeCounts(bytes: Uint8Array, from: number, to: number, slot: number,
  visit: (slot: number, title: number, text: number, note: number) => void): number {
  let i = from;
  while (i < to) {
    let b = bytes[i++]!;
    let v = b & 0x7f;
    for (let mul = 128; b >= 0x80; mul *= 128) { b = bytes[i++]!; v += (b & 0x7f) * mul; }
    slot += v;
    b = bytes[i++]!;
    let head = b & 0x7f;
    for (let mul = 128; b >= 0x80; mul *= 128) { b = bytes[i++]!; head += (b & 0x7f) * mul; }
    const text = Math.floor(head / 2);
    let title = 0;
    let note = 0;
    if (head % 2 === 1) {
      b = bytes[i++]!; title = b & 0x7f;
      for (let mul = 128; b >= 0x80; mul *= 128) { b = bytes[i++]!; title += (b & 0x7f) * mul; }
      b = bytes[i++]!; note = b & 0x7f;
      for (let mul = 128; b >= 0x80; mul *= 128) { b = bytes[i++]!; note += (b & 0x7f) * mul; }
    }
    for (let k = title + text + note; k > 0; k--) while (bytes[i++]! >= 0x80) { /* skip one varint */ }
    visit(slot, title, text, note);
  }
  return slot;
}

function decodePositions(bytes: Uint8Array, from: number, to: number, slot: number,
  visit: (slot: number, positions: FieldPositions) => void, only: ((slot: number) => boolean) | undefined): number {
  let i = from;
  const next = (): number => {
    let b = bytes[i++]!;
    let v = b & 0x7f;
    for (let mul = 128; b >= 0x80; mul *= 128) { b = bytes[i++]!; v += (b & 0x7f) * mul; }
    return v;
  };
  while (i < to) {
    slot += next();
    const head = next();
    const tf = [0, Math.floor(head / 2), 0];
    if (head % 2 === 1) { tf[0] = next(); tf[2] = next(); }
    if (only !== undefined && !only(slot)) {
      for (let k = tf[0]! + tf[1]! + tf[2]!; k > 0; k--) while (bytes[i++]! >= 0x80) { /* skip */ }
      continue;
    }
    const positions: FieldPositions = [[], [], []];
    for (let f = 0; f < FIELD_COUNT; f++) {
      let p = 0;
      const list = positions[f]!;
      for (let k = 0; k < tf[f]!; k++) { p += next(); list.push(p); }
    }
    visit(slot, positions);
  }
  return slot;
}

/** A growable list of packed numbers. */
export class PackedBuffer {
  values = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.values.length) { const b = new Float64Array(this.values.length * 2); b.set(this.values); this.values = b; }
    this.values[this.length++] = v;
  }
  sorted(): Float64Array { return this.values.subarray(0, this.length).sort(); }
}

function decodePacked(bytes: Uint8Array, from: number, to: number, slot: number, number: (slot: number) => number, out: PackedBuffer): number {
  let i = from;
  const next = (): number => {
    let b = bytes[i++]!;
    let v = b & 0x7f;
    for (let mul = 128; b >= 0x80; mul *= 128) { b = bytes[i++]!; v += (b & 0x7f) * mul; }
    return v;
  };
  while (i < to) {
    slot += next();
    const head = next();
    const text = Math.floor(head / 2);
    let title = 0;
    let note = 0;
    if (head % 2 === 1) { title = next(); note = next(); }
    const doc = number(slot);
    if (doc < 0) {
      for (let k = title + text + note; k > 0; k--) while (bytes[i++]! >= 0x80) { /* skip */ }
      continue;
    }
    const counts = [title, text, note];
    for (let f = 0; f < FIELD_COUNT; f++) {
      let p = 0;
      for (let k = counts[f]!; k > 0; k--) { p += next(); out.push(packOccurrence(doc, f, p)); }
    }
  }
  return slot;
}

/**
 * Rewrites postings without the removed documents and without terms no live document uses.
 * `slotMap[old]` is the new slot or -1; returns the new store and, per old term id, the new id or -1.
 */
export function compactPostings(store: PostingsStore, slotMap: Int32Array): { store: PostingsStore; termMap: Int32Array } {
  store.merge();
  const out = new PostingsStore();
  const termMap = new Int32Array(store.termCount).fill(-1);
  for (let t = 0; t < store.termCount; t++) {
    const kept: Array<[number, FieldPositions]> = [];
    store.readPositions(t, (slot, positions) => { if (slotMap[slot]! >= 0) kept.push([slotMap[slot]!, positions]); });
    if (kept.length === 0) continue;
    const id = out.addTerm();
    termMap[t] = id;
    for (const [slot, positions] of kept) out.append(id, slot, positions);
    if (out.wantsMerge) out.merge();
  }
  out.merge();
  return { store: out, termMap };
}
