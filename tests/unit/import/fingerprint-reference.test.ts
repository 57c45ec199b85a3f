// The stored duplicate keys never change: the fast contentHash and minhash give exactly what the first,
// straightforward implementation (kept here as the reference) gave, over the corpora and odd inputs.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { contentHash, fingerprint, minhash } from '../../../electron/import/fingerprint.ts';
import { hasCorpora, needsCorpora, randomText, readCorpus } from '../../helpers.ts';

function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xb2 && c <= 0xb3) || c === 0xb9;
  if (c === 0xd7 || c === 0xf7) return false;
  return !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xfe30 && c <= 0xfe6f) && !(c >= 0xff00 && c <= 0xff0f);
}

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

function referenceHash(text: string): string {
  const lower = text.toLowerCase();
  const words: string[] = [];
  scanWords(lower, (s, e) => words.push(lower.slice(s, e)));
  return createHash('sha256').update(words.join(' ')).digest('hex');
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const SEEDS = Int32Array.from({ length: 64 }, (_, i) => fmix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

function referenceMinhash(text: string): number[] {
  const lower = text.toLowerCase();
  const out: number[] = [];
  scanWords(lower, (s, e) => {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ lower.charCodeAt(i), 0x01000193);
    out.push(h);
  });
  const ws = Int32Array.from(out);
  const sig = new Int32Array(64).fill(0x7fffffff);
  if (ws.length > 0) {
    const count = Math.max(1, ws.length - 5 + 1);
    for (let s = 0; s < count; s++) {
      let h = 0;
      const end = Math.min(s + 5, ws.length);
      for (let k = s; k < end; k++) h = fmix32(Math.imul(h, 31) + ws[k]!);
      for (let i = 0; i < 64; i++) {
        let v = Math.imul(h ^ SEEDS[i]!, 0x9e3779b1);
        v ^= v >>> 15;
        if (v < sig[i]!) sig[i] = v;
      }
    }
  }
  return Array.from(sig, (v) => v >>> 0);
}

// Word characters and every kind of separator the scan draws a line at, including the edges of its ranges.
const ALPHABET = [...'aZ9 ,.\n\t\u00a0ªµº²³¹¼×÷ÀÖØöøÿ\u1680\u1fff\u2000\u2bff\u2c00\u3000\u303f\u3040\ufe2f\ufe30\ufe6f\ufe70\ufeff\uff00\uff0f\uff10ÄÖÜß„“İΣ'].concat(['😀', '\ud800']);

const randomTextOf = (seed: number, length: number): string => randomText(ALPHABET, seed, length);

describe('duplicate keys match the reference implementation', () => {
  test.each(['', ' ', 'a', '\ufeffa\ufeff', ' \u1680 ', 'eins zwei drei', 'eins zwei drei vier fünf sechs'])('%j', (text) => {
    expect(contentHash(text)).toBe(referenceHash(text));
    expect(minhash(text)).toEqual(referenceMinhash(text));
  });

  test('random texts over the edges of the word-character ranges', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const text = randomTextOf(seed, 1 + (seed % 120));
      expect(contentHash(text), JSON.stringify(text)).toBe(referenceHash(text));
      expect(minhash(text)).toEqual(referenceMinhash(text));
    }
  });

  test.skipIf(!hasCorpora)(`every German and English corpus article${needsCorpora}`, () => {
    const wrong: string[] = [];
    for (const a of [...readCorpus('gnad', 2000), ...readCorpus('bbc', 2000)]) {
      const f = fingerprint(a.text);
      if (f.contentHash !== referenceHash(a.text) || f.minhash.join() !== referenceMinhash(a.text).join()) wrong.push(a.id);
    }
    expect(wrong).toEqual([]);
  });
});
