// Duplicate detection keys. The exact key hashes the body's word sequence only (case-folded, punctuation
// and whitespace ignored), so one article saved as PDF, DOCX and TXT gets one key; the title is left out
// because formats disagree on it (a TXT has none, a DOCX heading is cut off). MinHash + LSH find near copies.
import { createHash } from 'node:crypto';

const WORD = /[\p{L}\p{N}]+/gu;
const SHINGLE = 5;
export const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Exact-duplicate key: SHA-256 hex over the normalized word sequence of the body text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(words(text).join(' ')).digest('hex');
}

/** murmur3's finalizer: spreads every input bit over the 32-bit output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Fixed seeds: signatures are stored, so the permutations must never change between versions.
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

/** MinHash signature: 64 x uint32 minima over hashed word 5-shingles (fewer words: one shingle of all). */
export function minhash(text: string): number[] {
  const ws = words(text).map(fnv1a);
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  if (ws.length === 0) return sig;
  const count = Math.max(1, ws.length - SHINGLE + 1);
  for (let s = 0; s < count; s++) {
    let h = 0;
    for (let k = s; k < Math.min(s + SHINGLE, ws.length); k++) h = fmix32(Math.imul(h, 31) + ws[k]!);
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = fmix32(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
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
    keys.push(`${b.toString(16)}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}
