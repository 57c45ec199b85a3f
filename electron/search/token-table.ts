// A hash table from a token's folded form (see token-scan.ts) to a value, looked up straight from the span in
// the text: a repeated word costs a hash probe and a char compare, not a substring, toLowerCase and Map.get.
// Word frequencies are Zipfian, so nearly every token of a bulk import is a hit.
import { foldedSlice, foldsTo } from './token-scan.ts';

/** Scan hashes are non-negative (see TokenCursor). */
const EMPTY = -1;

export class TokenTable<V> {
  private keys: Array<string | undefined>;
  private values: Array<V | undefined>;
  /** Each slot's hash, EMPTY where no key is: probes compare these first and touch a key only on a hash match. */
  private hashes: Int32Array;
  private mask: number;
  size = 0;

  /** `limit`: the table is emptied when it holds this many keys (a bound on memory for huge vocabularies). */
  constructor(private readonly limit = 300_000, capacity = 1 << 12) {
    this.keys = new Array<string | undefined>(capacity);
    this.values = new Array<V | undefined>(capacity);
    this.hashes = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  /** The value stored for text[start, end) with scan hash `hash` (never SLOW), if any. */
  get(text: string, start: number, end: number, hash: number): V | undefined {
    const hashes = this.hashes;
    const mask = this.mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const h = hashes[i]!;
      if (h === EMPTY) return undefined;
      if (h === hash && foldsTo(text, start, end, this.keys[i]!)) return this.values[i];
    }
  }

  /** Stores `value` for text[start, end) (not yet in the table) with scan hash `hash`. */
  set(text: string, start: number, end: number, hash: number, value: V): void {
    if (this.size >= this.limit) this.clear();
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.insert(foldedSlice(text, start, end), hash, value);
  }

  clear(): void {
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.hashes.fill(EMPTY);
    this.size = 0;
  }

  private insert(key: string, hash: number, value: V): void {
    let i = hash & this.mask;
    while (this.hashes[i] !== EMPTY) i = (i + 1) & this.mask;
    this.keys[i] = key;
    this.values[i] = value;
    this.hashes[i] = hash;
    this.size++;
  }

  private grow(): void {
    const { keys, values, hashes } = this;
    const capacity = keys.length * 2;
    this.keys = new Array<string | undefined>(capacity);
    this.values = new Array<V | undefined>(capacity);
    this.hashes = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (hashes[i] !== EMPTY) this.insert(keys[i]!, hashes[i]!, values[i]!);
  }
}
