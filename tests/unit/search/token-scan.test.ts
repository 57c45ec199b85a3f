// The hand-written token scanner and the token table against their oracles: the TOKEN regex and toLowerCase.
import { describe, expect, test } from 'vitest';
import { forEachToken, forEachTokenByRegex } from '../../../electron/search/analyze.ts';
import { foldedSlice, scannable, scanTokens, SLOW } from '../../../electron/search/token-scan.ts';
import { TokenTable } from '../../../electron/search/token-table.ts';
import { hasCorpora, needsCorpora, randomText, readCorpus } from '../../helpers.ts';

type Tok = [string, number, number];
const viaScanner = (text: string) => { const out: Tok[] = []; forEachToken(text, (t, s, e) => out.push([t, s, e])); return out; };
const viaRegex = (text: string) => { const out: Tok[] = []; forEachTokenByRegex(text, (t, s, e) => out.push([t, s, e])); return out; };

// Letters, digits, separators and the odd cases: umlauts, ß, µ, ², combining marks, Greek (final sigma), İ,
// typographic joiners, thousands separators, Cyrillic, CJK, Arabic-Indic digits.
const ALPHABET = [...'aZß9 0.,-\'’‐‑–ÄöÜéµ²¼×÷ΣσςİıЖж中٣\u0301\u00AD\n!?"()', 'ΑΣ', 'x'];

const randomTextOf = (seed: number, length: number): string => randomText(ALPHABET, seed, length);

describe('the token scanner finds exactly what the TOKEN regex finds', () => {
  test.each([
    'Kim Jong-un sprach mit US-Militärhilfe über 40.000 Soldaten, 3,5 Prozent und F-16-Piloten.',
    "Don’t worry: the 16‐year‑old's £40,000 car 3.14.15 1.234 -5 ,5 5, 5.,5 a--b a-'b ÄÖÜ ÉCOLE",
    'ΟΔΥΣΣΕΥΣ İstanbul ² ²3 3² µg ×3 ½ Ωmega',
    '', ' ', '-', '9', 'e\u0301', '\u0301a',
  ])('%j', (text) => {
    expect(viaScanner(text)).toEqual(viaRegex(text));
  });

  test('random texts from a tricky alphabet', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomTextOf(seed, 200);
      expect(viaScanner(text), text).toEqual(viaRegex(text));
    }
  });

  test.skipIf(!hasCorpora)(`every German and English corpus article${needsCorpora}`, () => {
    for (const a of [...readCorpus('gnad', 3000), ...readCorpus('bbc', 3000)]) {
      expect(viaScanner(a.text)).toEqual(viaRegex(a.text));
    }
  });

  test('texts with astral characters go by the regex (and still tokenize)', () => {
    const text = 'Emoji 😀 and 𝐁old letters';
    expect(scannable(text)).toBe(false);
    expect(viaScanner(text)).toEqual(viaRegex(text));
  });
});

describe('the folded form of a token is its term', () => {
  test.skipIf(!hasCorpora)(`for every word (not number) of the corpora whose hash is not SLOW${needsCorpora}`, () => {
    const wrong: string[] = [];
    for (const a of [...readCorpus('gnad', 3000), ...readCorpus('bbc', 3000)]) {
      const terms = viaRegex(a.text);
      let i = 0;
      scanTokens(a.text, (start, end, hash) => {
        const [term] = terms[i++]!;
        if (hash !== SLOW && !/^[\d.,]+$/.test(term) && foldedSlice(a.text, start, end) !== term) wrong.push(term);
      });
    }
    expect(wrong).toEqual([]);
  });

  test('Greek and dotted capital I are left to toLowerCase', () => {
    const hashes: number[] = [];
    scanTokens('ΟΔΟΣ İzmir abc', (_s, _e, h) => hashes.push(h));
    expect(hashes[0]).toBe(SLOW);
    expect(hashes[1]).toBe(SLOW);
    expect(hashes[2]).not.toBe(SLOW);
  });
});

describe('the token table', () => {
  const spans = (text: string) => { const out: Array<[number, number, number]> = []; scanTokens(text, (s, e, h) => out.push([s, e, h])); return out; };

  test('finds a word again whatever its case or joiner spelling, and nothing else', () => {
    const table = new TokenTable<string>();
    const text = 'Jong‐un Straße STRASSE jong-un straße Jong-Un';
    const [a, b, c, d, e, f] = spans(text);
    table.set(text, ...a!, 'A');
    table.set(text, ...b!, 'B');
    expect(table.get(text, ...c!)).toBeUndefined();
    expect(table.get(text, ...d!)).toBe('A');
    expect(table.get(text, ...e!)).toBe('B');
    expect(table.get(text, ...f!)).toBe('A');
  });

  test('keeps every key through growth, and empties itself at its limit', () => {
    const table = new TokenTable<number>(50_000, 4);
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    const text = words.join(' ');
    spans(text).forEach((s, i) => table.set(text, ...s, i));
    spans(text).forEach((s, i) => expect(table.get(text, ...s)).toBe(i));
    const small = new TokenTable<number>(10);
    spans(text).slice(0, 11).forEach((s, i) => small.set(text, ...s, i));
    expect(small.size).toBe(1);
  });
});

describe('the index built through the scanner', () => {
  test.skipIf(!hasCorpora)(`is byte for byte the index built through the regex and term maps${needsCorpora}`, async () => {
    const { SearchIndex } = await import('../../../electron/search/search-index.ts');
    const fast = SearchIndex.empty();
    const slow = SearchIndex.empty();
    // An astral character is no token, but it sends a text down the regex path: same words, other code (empty fields stay empty).
    const astral = (s: string) => (s ? `${s} 😀` : s);
    const docs = [...readCorpus('gnad', 400), ...readCorpus('bbc', 400)].map((a, i) => ({
      id: i + 1, title: a.title ?? '', text: a.text, note: i % 7 === 0 ? 'Notiz: Rückfrage beim Büro' : '', outlet: null,
      language: i < 400 ? 'de' : 'en', publishedAt: null, importedAt: '2026-01-01T00:00:00Z', tags: [], themeIds: [],
    }));
    for (const d of docs) {
      fast.add(d);
      slow.add({ ...d, title: astral(d.title), text: astral(d.text), note: astral(d.note) });
    }
    expect(Buffer.from(fast.serialize({ lastChangeId: 1 })).equals(Buffer.from(slow.serialize({ lastChangeId: 1 })))).toBe(true);
  });
});
