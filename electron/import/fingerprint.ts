// Duplicate detection keys. The exact key hashes the body's word sequence only (case-folded, punctuation
// and whitespace ignored), so one article saved as PDF, DOCX and TXT gets one key; the title is left out
// because formats disagree on it (a TXT has none, a DOCX heading is cut off). MinHash + LSH find near copies.
// Both are stored: the word rule, seeds and mixing below must never change without a migration.
import { createHash } from 'node:crypto';
import { wordCount } from './normalize.ts';

const SHINGLE = 5;
export const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;

/**
 * Word characters: ASCII letters and digits, and every code unit from U+00C0 up except general
 * punctuation, symbols and CJK punctuation. A hand-written scan: this runs on every imported article.
 */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xb2 && c <= 0xb3) || c === 0xb9;
  if (c === 0xd7 || c === 0xf7) return false;
  return !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xfe30 && c <= 0xfe6f) && !(c >= 0xff00 && c <= 0xff0f);
}

/** The word sequence of an already lower-cased text, joined by single spaces (the string the hash is over). */
function joinedWords(lower: string): string {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && isWordChar(lower.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  return words.join(' ');
}

/** Exact-duplicate key: SHA-256 hex over the normalized word sequence of the body text. */
export function contentHash(text: string): string {
  return fingerprint(text).contentHash;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** murmur3's finalizer, in int32 arithmetic (no boxed doubles in hot loops). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const SEEDS = Int32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

/** Reused scratch for word and shingle hashes, and for the words' UTF-8 bytes (one article at a time per thread). */
let scratch = new Int32Array(4096);
let bytes = new Uint8Array(16384);

/**
 * One pass over an already lower-cased text without surrogates: the FNV-1a hash of every word into `scratch`,
 * and the words joined by single spaces as UTF-8 into `bytes` (what Buffer.from(joinedWords(lower)) holds).
 * Returns the word count and byte length.
 */
function scanWords(lower: string): { words: number; length: number } {
  if (bytes.length < lower.length * 3 + 1) bytes = new Uint8Array(lower.length * 3 + 1);
  const out = bytes;
  let n = 0;
  let at = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (isWordChar(c)) {
      if (!inWord) {
        if (n > 0) out[at++] = 0x20;
        h = 0x811c9dc5 | 0;
        inWord = true;
      }
      h = Math.imul(h ^ c, 0x01000193);
      if (c < 0x80) out[at++] = c;
      else if (c < 0x800) { out[at++] = 0xc0 | (c >> 6); out[at++] = 0x80 | (c & 0x3f); }
      else { out[at++] = 0xe0 | (c >> 12); out[at++] = 0x80 | ((c >> 6) & 0x3f); out[at++] = 0x80 | (c & 0x3f); }
    } else if (inWord) {
      if (n === scratch.length) { const bigger = new Int32Array(n * 2); bigger.set(scratch); scratch = bigger; }
      scratch[n++] = h;
      inWord = false;
    }
  }
  return { words: n, length: at };
}

/** The word hashes of text with surrogates, by the straightforward scan (UTF-8 of surrogates is Node's business). */
function wordHashesOf(words: string[]): number {
  if (scratch.length < words.length) scratch = new Int32Array(words.length * 2);
  words.forEach((w, k) => {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    scratch[k] = h;
  });
  return words.length;
}

/** MinHash signature over the first `words` word hashes in `scratch` (see minhash). */
function signature(words: number): number[] {
  const sig = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  if (words > 0) {
    // Shingle hashes overwrite the word hashes in place: shingle s only reads words s .. s+4.
    const ws = scratch;
    const count = Math.max(1, words - SHINGLE + 1);
    for (let s = 0; s < count; s++) {
      let h = 0;
      const end = Math.min(s + SHINGLE, words);
      for (let k = s; k < end; k++) h = fmix32(Math.imul(h, 31) + ws[k]!);
      ws[s] = h;
    }
    // Four seeds at a time over all shingles: seeds and minima stay in registers (same result as shingle by shingle).
    for (let i = 0; i < SIGNATURE_SIZE; i += 4) {
      const s0 = SEEDS[i]!, s1 = SEEDS[i + 1]!, s2 = SEEDS[i + 2]!, s3 = SEEDS[i + 3]!;
      let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
      for (let s = 0; s < count; s++) {
        // One mixing round per permutation is enough once the shingle hash itself is well mixed.
        const h = ws[s]!;
        let v = Math.imul(h ^ s0, 0x9e3779b1); v ^= v >>> 15; if (v < m0) m0 = v;
        v = Math.imul(h ^ s1, 0x9e3779b1); v ^= v >>> 15; if (v < m1) m1 = v;
        v = Math.imul(h ^ s2, 0x9e3779b1); v ^= v >>> 15; if (v < m2) m2 = v;
        v = Math.imul(h ^ s3, 0x9e3779b1); v ^= v >>> 15; if (v < m3) m3 = v;
      }
      sig[i] = m0; sig[i + 1] = m1; sig[i + 2] = m2; sig[i + 3] = m3;
    }
  }
  return Array.from(sig, (v) => v >>> 0);
}

/** MinHash signature: 64 x uint32 minima over hashed word 5-shingles (fewer words: one shingle of all). */
export function minhash(text: string): number[] {
  return fingerprint(text).minhash;
}

/** Both duplicate keys of a text in one pass over it (they are stored: see the note at the top). */
export function fingerprint(text: string): { contentHash: string; minhash: number[] } {
  const lower = text.toLowerCase();
  if (SURROGATE.test(lower)) {
    const joined = joinedWords(lower);
    const words = wordHashesOf(joined === '' ? [] : joined.split(' '));
    return { contentHash: createHash('sha256').update(joined).digest('hex'), minhash: signature(words) };
  }
  const { words, length } = scanWords(lower);
  return { contentHash: createHash('sha256').update(bytes.subarray(0, length)).digest('hex'), minhash: signature(words) };
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

/** Everything the store derives from an article's text: both duplicate keys, their band keys and the word count. */
export interface TextKeys {
  contentHash: string;
  minhash: number[];
  bands: string[];
  wordCount: number;
}

/** Computed in the parse threads (they have time to spare), so the one storing thread only looks up and writes. */
export function textKeys(text: string): TextKeys {
  const { contentHash, minhash } = fingerprint(text);
  return { contentHash, minhash, bands: lshBands(minhash), wordCount: wordCount(text) };
}
