// buildThemes as a journalist sees it: sensible groups with readable labels, the same every time.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { buildThemes, type ThemeInput } from '../../../electron/themes/index.ts';
import { corporaDir, needsCorpora, seedFile } from '../../helpers.ts';
import { agreement } from '../../bench/cluster-metrics.ts';
import { mixed } from '../../bench/themes-corpus.ts';
import { fixtureArticles, topicOf } from './fixture-articles.ts';

const seedArticle = (): ThemeInput => ({
  id: 1, title: '000_e4f8963eb54722b6', text: readFileSync(seedFile, 'utf8'), language: 'de',
  outlet: null, publishedAt: null, importedAt: '2026-11-20T08:00:00Z',
});

/** Labels a reader accepts: 1–6 words, not a placeholder, not a file name. */
function expectReadable(label: string): void {
  expect(label.trim()).not.toBe('');
  expect(label).not.toMatch(/^(cluster|theme|thema|group)\s*\d+$/i);
  expect(label).not.toMatch(/[_]|\.txt$|^\d+$/);
  expect(label.split(/\s+/).length).toBeLessThanOrEqual(6);
}

/** Themes of a few English articles of one day, given as [title, text]. */
function englishThemes(texts: string[][]): ReturnType<typeof buildThemes> {
  const at = '2026-01-03T00:00:00Z';
  return buildThemes(texts.map(([title, text], i) => ({ id: 40 + i, title: title!, text: text!, language: 'en', outlet: null, publishedAt: at, importedAt: at })));
}

describe.skipIf(!existsSync(seedFile))(`the seed briefing${needsCorpora}`, () => {
  test('the seed alone forms one theme about the Ukraine, Kursk and North Korea, labelled in its own words', () => {
    const themes = buildThemes([seedArticle()]);
    expect(themes).toHaveLength(1);
    const [theme] = themes;
    expect(theme!.articleIds).toEqual([1]);
    expectReadable(theme!.label);
    expect(theme!.label).toMatch(/Ukraine|Kursk|Nordkorea|Russland/);
    expect(theme!.label).not.toContain('e4f8963');
    expect(theme!.terms).toEqual(expect.arrayContaining(['Kursk', 'Nordkorea']));
  });
});

describe('grouping by topic', () => {
  const articles = fixtureArticles();
  const topic = topicOf(articles);

  test('German and English articles on three topics fall into pure themes, one topic each', () => {
    const themes = buildThemes(articles);
    for (const t of themes) expect(new Set(t.articleIds.map(topic)).size).toBe(1);
    // No topic is scattered: each one ends up in at most two themes.
    for (const name of new Set(articles.map((a) => a.topic))) {
      expect(themes.filter((t) => t.articleIds.some((id) => topic(id) === name)).length).toBeLessThanOrEqual(2);
    }
  });

  test('articles on the same event in German and English can share a theme', () => {
    const lang = (id: number): string => articles.find((a) => a.id === id)!.language;
    const themes = buildThemes(articles);
    expect(themes.some((t) => new Set(t.articleIds.map(lang)).size === 2)).toBe(true);
  });

  test('every theme has a short readable label from its own words and display-form terms', () => {
    for (const t of buildThemes(articles)) {
      expectReadable(t.label);
      expect(t.terms.length).toBeGreaterThan(2);
      const text = t.articleIds.map((id) => { const a = articles.find((x) => x.id === id)!; return `${a.title} ${a.text}`; }).join(' ');
      // Every label word (apart from the joining "and"/"und") appears in the theme's own articles.
      for (const w of t.label.split(/[\s,]+/).filter((x) => !['and', 'und'].includes(x))) expect(text.toLowerCase()).toContain(w.toLowerCase());
    }
  });

  test('a label names a place whole ("Sri Lanka"), not the one word of it the articles repeat most ("Sri")', () => {
    // "Sri Lankan" makes "Sri" the heavier term; the name "Sri Lanka" is what a reader expects.
    const texts = [
      ['Tsunami hits tourism in Thailand and Sri Lanka', 'Hotels in Thailand and Sri Lanka are empty after the tsunami. Sri Lankan hotels cut staff; Sri Lankan tour firms and Thai resorts in Phuket expect losses. Indonesia also lost visitors.'],
      ['Sri Lankan exports fall after tsunami', 'Sri Lankan tea and textile exports fell. Sri Lankan factories near the coast closed, while Thailand and Indonesia saw tourism fall. Economists in Colombo said Sri Lanka would recover.'],
      ['Asian economies count tsunami cost', 'Thailand, Indonesia and Sri Lanka counted the cost. The Sri Lankan central bank and Thai officials said growth would slow; Indonesia said Aceh needs aid.'],
    ];
    const labels = englishThemes(texts).map((t) => t.label);
    expect(labels.join(' ')).toMatch(/Sri Lanka/);
    for (const label of labels) expect(label).not.toMatch(/\bSri\b(?! Lanka)/);
  });

  test('a label names a country once, not also by its adjective ("India", not "India, Indian and …")', () => {
    const texts = [
      ['Indian airline buys jets', 'India\'s airline Jet Airways bought new jets. Indian carriers grow as Indian travellers fly more; India wants more airports.'],
      ['India opens skies to new carriers', 'India lets new Indian airlines fly abroad. Indian carriers and India\'s airports expect more flights.'],
      ['Indian carriers post profits', 'Indian carriers made profits. India\'s Jet Airways and other Indian airlines fly to new cities in India.'],
    ];
    const themes = englishThemes(texts);
    for (const t of themes) expect(/\bIndia\b/.test(t.label) && /\bIndian\b/.test(t.label)).toBe(false);
    expect(themes.map((t) => t.label).join(' ')).toMatch(/India/);
  });

  test('the same articles in any order give the same themes, ids and labels', () => {
    const once = buildThemes(articles);
    const shuffled = [...articles].reverse().sort((a, b) => (a.id * 7) % 5 - (b.id * 7) % 5);
    expect(buildThemes(shuffled)).toEqual(once);
  });

  test('no articles give no themes', () => {
    expect(buildThemes([])).toEqual([]);
  });

  test('an article with no usable words still gets a theme with a label', () => {
    const [t] = buildThemes([{ id: 9, title: '', text: '…', language: 'und', outlet: null, publishedAt: null, importedAt: '2026-01-01T00:00:00Z' }]);
    expect(t!.articleIds).toEqual([9]);
    expect(t!.label.trim()).not.toBe('');
  });
});

describe.skipIf(!existsSync(corporaDir))(`real news: gnad (German) and bbc (English)${needsCorpora}`, () => {
  test('a mixed set of 400 German and English articles groups by section far better than chance', () => {
    const articles = mixed(corporaDir, 400);
    const themes = buildThemes(articles);
    const of = new Map<number, string>();
    themes.forEach((t) => t.articleIds.forEach((id) => of.set(id, t.id)));
    const a = agreement(articles.map((x) => of.get(x.id)!), articles.map((x) => x.label));
    expect(a.purity).toBeGreaterThan(0.6);
    expect(a.nmi).toBeGreaterThan(0.45);
    // Themes are groups, not one article each.
    expect(themes.length).toBeLessThan(articles.length / 4);
    for (const t of themes) expectReadable(t.label);
  });
});
