// The stored word count: the hand-written scan counts exactly the matches of the word regex it replaced.
import { describe, expect, test } from 'vitest';
import { wordCount } from '../../../electron/import/normalize.ts';
import { hasCorpora, needsCorpora, readCorpus } from '../../helpers.ts';

const byRegex = (text: string) => (text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []).length;
// Letters, digits, marks (not word characters here), joiners in a row, Greek, CJK, and astral text.
const ALPHABET = [...'aZ9 ,.-\'’‐\nÄöß²¼×µ\u0301ΣΩж中٣', '😀', '𝐁'];

describe('word count', () => {
  test.each([
    ['Die U-Bahn fährt um 6 Uhr, sagt O’Neill.', 8], ["rock-'n'-roll", 3], ['a--b', 2], ['-a- b-', 2], ['e\u0301t\u0301e', 3], ['', 0],
  ])('%j has %i words', (text, n) => {
    expect(wordCount(text)).toBe(n);
    expect(byRegex(text)).toBe(n);
  });

  test('random texts count as the regex counts', () => {
    let x = 11;
    for (let t = 0; t < 500; t++) {
      let s = '';
      for (let i = 0; i < 1 + (t % 90); i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; s += ALPHABET[(x >> 8) % ALPHABET.length]; }
      expect(wordCount(s), JSON.stringify(s)).toBe(byRegex(s));
    }
  });

  test.skipIf(!hasCorpora)(`every German and English corpus article${needsCorpora}`, () => {
    const wrong = [...readCorpus('gnad', 3000), ...readCorpus('bbc', 3000)].filter((a) => wordCount(a.text) !== byRegex(a.text));
    expect(wrong.map((a) => a.id)).toEqual([]);
  });
});
