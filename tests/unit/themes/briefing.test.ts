// buildBriefing: the morning view — the period's themes, their key points, stories and entities.
import { describe, expect, test } from 'vitest';
import { buildBriefing, type ThemeInput } from '../../../electron/themes/index.ts';
import { fixtureArticles, topicOf } from './fixture-articles.ts';

const articles = fixtureArticles();
const topic = topicOf(articles);
const to = new Date('2026-11-22T00:00:00Z');

describe('the briefing period', () => {
  test.each([
    ['all time', null, ['football', 'rail-strike', 'volcano']],
    ['since 19 Nov (football is older)', '2026-11-19T00:00:00Z', ['rail-strike', 'volcano']],
    ['since 20 Nov (only the rail strike)', '2026-11-20T00:00:00Z', ['rail-strike']],
    ['since 22 Nov (nothing yet)', '2026-11-22T00:00:00Z', []],
  ])('a briefing for %s shows only that period’s articles', (_name, from, topics) => {
    const b = buildBriefing(articles, { from: from ? new Date(from) : null, to });
    const shown = b.themes.flatMap((t) => t.articles.map((a) => a.id));
    expect([...new Set(shown.map(topic))].sort()).toEqual(topics);
    expect(b.articleCount).toBe(shown.length);
    expect(b.from).toBe(from ? new Date(from).toISOString() : null);
    expect(b.to).toBe(to.toISOString());
  });

  test('an article without a publication date is placed by its import date', () => {
    const undated: ThemeInput = { ...articles[0]!, id: 99, publishedAt: null, importedAt: '2026-11-21T12:00:00Z' };
    const inside = buildBriefing([undated], { from: new Date('2026-11-21T00:00:00Z'), to });
    const outside = buildBriefing([undated], { from: new Date('2026-11-21T13:00:00Z'), to });
    expect(inside.articleCount).toBe(1);
    expect(outside.articleCount).toBe(0);
  });

  test('articles after the end of the period are left out', () => {
    const b = buildBriefing(articles, { from: null, to: new Date('2026-11-17T00:00:00Z') });
    expect(b.themes.flatMap((t) => t.articles).map((a) => topic(a.id))).toEqual(['football', 'football']);
  });
});

describe('a theme in the briefing', () => {
  const b = buildBriefing(articles, { from: null, to });

  test('lists its articles newest first', () => {
    for (const t of b.themes) {
      const times = t.articles.map((a) => Date.parse(a.publishedAt ?? a.importedAt));
      expect(times).toEqual([...times].sort((x, y) => y - x));
    }
  });

  test('themes are ordered by weight and recency: the biggest fresh theme leads', () => {
    // The rail strike has the most articles and outlets and is the most recent.
    expect(topic(b.themes[0]!.articles[0]!.id)).toBe('rail-strike');
  });

  test('each key point quotes its article exactly, so a click can jump to the passage', () => {
    for (const t of b.themes) {
      expect(t.keyPoints.length).toBeGreaterThan(0);
      for (const k of t.keyPoints) {
        const a = articles.find((x) => x.id === k.articleId)!;
        expect(t.articles.map((x) => x.id)).toContain(k.articleId);
        expect(a.text.slice(k.start, k.end)).toBe(k.text);
      }
    }
  });

  test('an agency copy republished with small edits folds into its story as "also in"', () => {
    const rail = b.themes.find((t) => t.articles.some((a) => a.id === 13))!;
    const story = rail.stories.find((s) => s.alsoIn.some((x) => x.articleId === 13))!;
    expect(story.alsoIn).toEqual([{ articleId: 13, outlet: 'Yahoo News', duplicateOf: 3 }]);
    expect(story.articleIds).toContain(3);
    expect(story.articleIds).not.toContain(13);
    expect(story.outlets).toEqual(['Reuters', 'Yahoo News']);
  });

  test('every article of a theme is in exactly one of its stories', () => {
    for (const t of b.themes) {
      const inStories = t.stories.flatMap((s) => [...s.articleIds, ...s.alsoIn.map((x) => x.articleId)]).sort((x, y) => x - y);
      expect(inStories).toEqual(t.articles.map((a) => a.id).sort((x, y) => x - y));
      for (const s of t.stories) expect(s.label.trim()).not.toBe('');
    }
  });

  test('entities are shown as facets, one per person, organisation or place', () => {
    const football = b.themes.find((t) => topic(t.articles[0]!.id) === 'football')!;
    const names = football.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Real Madrid', 'Carlo Ancelotti']));
    expect(football.entities.find((e) => e.name === 'Carlo Ancelotti')!.kind).toBe('person');
    expect(new Set(football.entities.map((e) => e.key)).size).toBe(football.entities.length);
  });

  test('the same articles give the same briefing', () => {
    expect(buildBriefing([...articles].reverse(), { from: null, to })).toEqual(b);
  });
});
