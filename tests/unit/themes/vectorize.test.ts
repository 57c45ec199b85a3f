// Term features of articles: analysed once per article and reused by every set it joins (a full build, then
// each theme's details), with the same result as a fresh analysis, and analysed afresh when its text changes.
import { describe, expect, test } from 'vitest';
import { ANALYSED_CHARS, vectorize } from '../../../electron/themes/vectorize.ts';
import { fixtureArticles } from './fixture-articles.ts';

const plain = (v: ReturnType<typeof vectorize>) => ({
  terms: v.vocab.terms, df: v.vocab.df,
  docs: v.docs.map((d) => ({ tf: [...d.tf], phrases: d.phrases, entities: d.entities })),
  surfaces: v.vocab.terms.map((_, id) => v.vocab.surface(id, 'de')),
  vectors: v.vectors.map((x) => [...x.ids]),
});

describe('vectorize', () => {
  test('a second set holding the same articles gets exactly the same terms, counts, names and vectors', () => {
    const articles = fixtureArticles();
    const first = plain(vectorize(articles));
    expect(first.terms.length).toBeGreaterThan(100);
    expect(plain(vectorize(articles))).toEqual(first);
    // A part of the set, in another vocabulary, counts each article as it did in the whole set.
    const part = vectorize(articles.slice(3, 6));
    const whole = vectorize(articles);
    for (const [k, d] of part.docs.entries()) {
      const named = (v: typeof part, tf: Map<number, number>) => new Map([...tf].map(([id, c]) => [v.vocab.terms[id], c]));
      expect(named(part, d.tf)).toEqual(named(whole, whole.docs[k + 3]!.tf));
    }
  });

  test('an article whose text changed (same id) is analysed again, not served from the cache', () => {
    const [a] = fixtureArticles();
    const before = vectorize([a!]).vocab.terms;
    const edited = { ...a!, text: `${a!.text}\n\nDie Lokführergewerkschaft Zanzibarquartett protestiert.` };
    const after = vectorize([edited]).vocab.terms;
    expect(before.some((t) => t.startsWith('zanzibar'))).toBe(false);
    expect(after.some((t) => t.startsWith('zanzibar'))).toBe(true);
  });

  test('an article cut one character after the analysed opening is analysed exactly as its whole text (what a full build reads)', () => {
    // Long texts, with umlauts, an emoji (two UTF-16 units) and sentence ends around the cut.
    const long = fixtureArticles().map((a, i) => {
      let text = a.text;
      while (text.length < ANALYSED_CHARS * 1.5) text += `\n\nÄrger 🚆 über Straßenbahn Nr. ${i}. ${a.text}`;
      return { ...a, id: 5000 + i, text };
    });
    expect(long.every((a) => a.text.length > ANALYSED_CHARS + 1)).toBe(true);
    const cut = long.map((a) => ({ ...a, id: a.id + 1000, text: a.text.slice(0, ANALYSED_CHARS + 1) }));
    expect(plain(vectorize(cut))).toEqual(plain(vectorize(long)));
    const tooShort = long.map((a) => ({ ...a, id: a.id + 2000, text: a.text.slice(0, ANALYSED_CHARS - 500) }));
    expect(plain(vectorize(tooShort))).not.toEqual(plain(vectorize(long)));
  });
});
