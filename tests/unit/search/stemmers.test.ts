// The fast German and English stemmers against the snowball-stemmers package, whose stems the index and the
// themes were built with: the same stem for every word (hand-picked, random, corpus words, folded, their halves),
// so switching stemmers changed no index term.
import { describe, expect, test } from 'vitest';
import { newStemmer } from 'snowball-stemmers';
import { FAST_STEMMERS, foldUmlauts, tokenize } from '../../../electron/search/analyze.ts';
import { hasCorpora, needsCorpora, randomText, readCorpus } from '../../helpers.ts';

// Letters the stemmers treat specially (vowels, y/Y, u/U, umlauts, ß, apostrophes, s-endings) and a few others.
const ALPHABET = [...'aeiouyYUsstlnrdgkhcmbpfwvxzäöüßé\'’-1', 'ness', 'ing', 'ed', 'lich', 'keit', 'ung', 'ern', 'ies'];

function corpusWords(): string[] {
  const words = new Set<string>();
  for (const a of [...readCorpus('gnad', 1000), ...readCorpus('bbc', 600)]) for (const t of tokenize(a.text)) words.add(t.term);
  return [...words];
}

describe.each([['de', 'german'], ['en', 'english']] as const)('the %s stemmer stems as snowball-stemmers\' %s', (language, algorithm) => {
  const oracle = newStemmer(algorithm);
  const fast = FAST_STEMMERS[language]!;
  const same = (words: Iterable<string>): void => {
    const differ: Array<[string, string, string]> = [];
    for (const w of words) { const want = oracle.stem(w); const got = fast.stem(w); if (got !== want) differ.push([w, want, got]); }
    expect(differ).toEqual([]);
  };

  test('hand-picked words', () => {
    same(['', 'a', 'ß', 'y', "'", 'häuser', 'häusern', 'straße', 'kenntnissen', 'nordkoreas', 'militärhilfe', 'bayern',
      'yeah', 'eyes', 'generously', 'communism', 'skies', 'dying', "trump's", "'s'", 'succeeded', 'herring', 'news',
      'happily', 'agreed', 'feed', 'hopping', 'filing', 'sky', 'quelle', 'aufeinanderfolgenden', 'zeitung']);
  });

  test('random words', () => {
    const words: string[] = [];
    for (let seed = 1; seed <= 20_000; seed++) words.push(randomText(ALPHABET, seed, 1 + (seed % 14)));
    same(words);
  });

  test.skipIf(!hasCorpora)(`every word of German and English corpus articles, folded, and their halves${needsCorpora}`, () => {
    const words = corpusWords();
    same(words);
    same(words.map(foldUmlauts));
    const halves: string[] = [];
    for (const w of words.slice(0, 3000)) for (let k = 1; k < w.length; k++) halves.push(w.slice(0, k), w.slice(k));
    same(halves);
  });
});
