// Incremental themes: a stored state places each new article without recomputing everything.
import { describe, expect, test } from 'vitest';
import { createThemeState, placeArticle, themesOfState, type ThemeState } from '../../../electron/themes/index.ts';
import { fixtureArticles, topicOf } from './fixture-articles.ts';

const articles = fixtureArticles();
const topic = topicOf(articles);
// Three of each topic build the state; the fourth of each arrives later.
const late = new Set([4, 8, 12]);
const base = articles.filter((a) => !late.has(a.id));

describe('placing new articles', () => {
  test('a new article joins the theme of its topic', () => {
    const state = createThemeState(base);
    for (const a of articles.filter((x) => late.has(x.id))) {
      const p = placeArticle(state, a);
      expect(p.created).toBe(false);
      const theme = state.themes.find((t) => t.id === p.themeId)!;
      expect(theme.articleIds.filter((id) => id !== a.id).map(topic)).toContain(a.topic);
      expect(theme.articleIds).toContain(a.id);
    }
  });

  test('an article on a new subject opens a new theme labelled from its own words', () => {
    const state = createThemeState(base);
    const before = state.themes.length;
    const p = placeArticle(state, {
      id: 500, title: 'Quantencomputer rechnet schneller', language: 'de', outlet: 'heise', publishedAt: '2026-11-21T08:00:00Z',
      importedAt: '2026-11-21T08:00:00Z',
      text: 'Forscher haben einen Quantencomputer mit 1000 Qubits vorgestellt. Der Quantencomputer löst Optimierungsaufgaben schneller als Supercomputer.',
    });
    expect(p.created).toBe(true);
    expect(state.themes).toHaveLength(before + 1);
    expect(state.themes.at(-1)!.label).toMatch(/Quantencomputer|Qubits/);
  });

  test('the state survives a JSON round trip and keeps placing articles the same way', () => {
    const a = createThemeState(base);
    const b = JSON.parse(JSON.stringify(a)) as ThemeState;
    expect(b).toEqual(a);
    for (const x of articles.filter((y) => late.has(y.id))) expect(placeArticle(b, x)).toEqual(placeArticle(a, x));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  test('the state counts every article it has seen', () => {
    const state = createThemeState(base);
    expect(state.docCount).toBe(base.length);
    placeArticle(state, articles.find((a) => a.id === 4)!);
    expect(state.docCount).toBe(base.length + 1);
    expect(themesOfState(state).flatMap((t) => t.articleIds).sort((x, y) => x - y)).toEqual([...base.map((a) => a.id), 4].sort((x, y) => x - y));
  });
});
