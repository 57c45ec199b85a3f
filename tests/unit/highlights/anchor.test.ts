// Re-anchoring highlights: a highlight finds its passage again after the article's text changed, or says it can't.
import { describe, expect, test } from 'vitest';
import { anchorFor, placeAnchor, similarity } from '../../../electron/highlights/anchor.ts';

const original = 'Die Regierung in Berlin kündigte am Montag neue Sanktionen an. Der Kanzler sprach von einem ' +
  'klaren Signal an Moskau. Die Opposition kritisierte den Schritt als zu spät. Am Abend tagte der Ausschuss.';
const quote = 'Der Kanzler sprach von einem klaren Signal an Moskau.';
const at = original.indexOf(quote);
const anchor = anchorFor(original, at, at + quote.length);

describe('placing a highlight in a changed text', () => {
  test.each([
    ['the same text', original, 'exact', quote],
    ['text inserted before the passage', 'EILMELDUNG – ' + original, 'quote', quote],
    ['text removed before the passage', original.replace('in Berlin ', ''), 'quote', quote],
    ['a typo fixed inside the passage', original.replace('klaren Signal', 'klares Signal'), 'fuzzy', 'Der Kanzler sprach von einem klares Signal an Moskau.'],
    ['a word added inside the passage and text before it', 'Update: ' + original.replace('einem klaren', 'einem sehr klaren'), 'fuzzy', 'Der Kanzler sprach von einem sehr klaren Signal an Moskau.'],
  ])('%s: placed by %s on the passage', (_name, text, method, expected) => {
    const p = placeAnchor(text, anchor);
    expect(p?.method).toBe(method);
    expect(text.slice(p!.start, p!.end)).toBe(expected);
  });

  test('a passage that was deleted cannot be placed (detached, not moved somewhere random)', () => {
    expect(placeAnchor(original.replace(quote + ' ', ''), anchor)).toBeNull();
  });

  test('a passage rewritten beyond recognition cannot be placed', () => {
    const rewritten = original.replace(quote, 'Scholz schwieg zu den Fragen der Presse den ganzen Tag.');
    expect(placeAnchor(rewritten, anchor)).toBeNull();
  });

  test('of two identical quotes, the one with the remembered context wins', () => {
    const text = 'Er sagte: Nein. Später im Interview fragte man erneut, und er sagte: Nein. Dann ging er.';
    const second = text.lastIndexOf('Nein.');
    const a = anchorFor(text, second, second + 5);
    const shifted = 'Vorspann. ' + text;
    const p = placeAnchor(shifted, a)!;
    expect(p.start).toBe(shifted.lastIndexOf('Nein.'));
  });

  test('the anchor remembers the quote and its context', () => {
    expect(anchor.quote).toBe(quote);
    expect(original.endsWith(anchor.suffix) || original.includes(anchor.prefix + quote + anchor.suffix)).toBe(true);
    expect(anchor.prefix.length).toBeLessThanOrEqual(32);
  });
});

describe('similarity', () => {
  test.each([
    ['equal strings are 1', 'Signal an Moskau', 'Signal an Moskau', 1, 1],
    ['case and spacing do not matter', 'Signal  an MOSKAU', 'signal an moskau', 1, 1],
    ['a small edit stays high', 'klaren Signal an Moskau', 'klares Signal an Moskau', 0.8, 1],
    ['unrelated text is low', 'klaren Signal an Moskau', 'Opposition kritisierte', 0, 0.3],
  ])('%s', (_n, a, b, lo, hi) => {
    const s = similarity(a, b);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
  });
});
