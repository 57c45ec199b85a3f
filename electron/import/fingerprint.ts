// Duplicate detection keys. The exact key hashes the body's word sequence only (case-folded, punctuation
// and whitespace ignored), so one article saved as PDF, DOCX and TXT gets one key; the title is left out
// because formats disagree on it (a TXT has none, a DOCX heading is cut off). MinHash + LSH find near copies.
// Both are stored: the word rule, seeds and mixing below must never change without a migration.
import { createHash } from 'node:crypto';

const SHINGLE = 5;
export const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;

/**
 * Word characters: ASCII letters and digits, and every code point from U+00C0 up except general
 * punctuation, symbols and CJK punctuation. A hand-written scan: this runs on every imported article.
 */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xb2 && c <= 0xb3) || c === 0xb9;
  if (c === 0xd7 || c === 0xf7) return false;
  return !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xfe30 && c <= 0xfe6f) && !(c >= 0xff00 && c <= 0xff0f);
}

/** Calls `each(start, end)` for every word of an already lower-cased text. */
function scanWords(lower: string, each: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    if (isWordChar(lower.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      each(start, i);
      start = -1;
    }
  }
  if (start >= 0) each(start, lower.length);
}

/** Exact-duplicate key: SHA-256 hex over the normalized word sequence of the body text. */
export function contentHash(text: string): string {
  const lower = text.toLowerCase();
  const words: string[] = [];
  scanWords(lower, (s, e) => words.push(lower.slice(s, e)));
  return createHash('sha256').update(words.join(' ')).digest('hex');
}

/** murmur3's finalizer, in int32 arithmetic (no boxed doubles in hot loops). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const SEEDS = Int32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

/** FNV-1a hash of every word, in order. */
function wordHashes(text: string): Int32Array {
  const lower = text.toLowerCase();
  const out: number[] = [];
  scanWords(lower, (s, e) => {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ lower.charCodeAt(i), 0x01000193);
    out.push(h);
  });
  return Int32Array.from(out);
}

/** MinHash signature: 64 x uint32 minima over hashed word 5-shingles (fewer words: one shingle of all). */
export function minhash(text: string): number[] {
  const ws = wordHashes(text);
  const sig = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  if (ws.length > 0) {
    const count = Math.max(1, ws.length - SHINGLE + 1);
    for (let s = 0; s < count; s++) {
      let h = 0;
      const end = Math.min(s + SHINGLE, ws.length);
      for (let k = s; k < end; k++) h = fmix32(Math.imul(h, 31) + ws[k]!);
      for (let i = 0; i < SIGNATURE_SIZE; i++) {
        // One mixing round per permutation is enough once the shingle hash itself is well mixed.
        let v = Math.imul(h ^ SEEDS[i]!, 0x9e3779b1);
        v ^= v >>> 15;
        if (v < sig[i]!) sig[i] = v;
      }
    }
  }
  return Array.from(sig, (v) => v >>> 0);
}

/** Estimated Jaccard similarity of two signatures, 0..1. */
export function similarity(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** LSH band keys for candidate lookup: 16 bands x 4 rows, each band hashed to "band:hex". */
export function lshBands(sig: number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h, 0x01000193) ^ (sig[b * ROWS + r] ?? 0));
    keys.push(`${b.toString(16)}:${(h >>> 0).toString(16).padStart(8, '0')}`);
  }
  return keys;
}
