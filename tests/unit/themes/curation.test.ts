// User decisions on themes survive recomputation: they are replayed on whatever the themes are now.
import { describe, expect, test } from 'vitest';
import { applyCuration, buildBriefing, buildThemes, type Curation } from '../../../electron/themes/index.ts';
import { fixtureArticles, topicOf } from './fixture-articles.ts';

const articles = fixtureArticles();
const topic = topicOf(articles);
const to = new Date('2026-11-22T00:00:00Z');
const rail = [1, 2, 3, 4, 13];
const volcano = [5, 6, 7, 8];
const football = [9, 10, 11, 12];

describe('curation replayed on recomputed themes', () => {
  test('a renamed theme keeps its name after recomputation, also with a new article in it', () => {
    const curation: Curation[] = [{ type: 'rename', theme: [1, 2, 3], label: 'Bahnstreik der GDL' }];
    const themes = buildThemes(articles, { curation });
    expect(themes.find((t) => t.articleIds.includes(4))!.label).toBe('Bahnstreik der GDL');
  });

  test('merged themes stay together and get a label from their articles', () => {
    const themes = buildThemes(articles, { curation: [{ type: 'merge', themes: [volcano, football] }] });
    const merged = themes.find((t) => t.articleIds.includes(5))!;
    expect(merged.articleIds.slice().sort((a, b) => a - b)).toEqual([...volcano, ...football]);
    expect(merged.label).not.toBe('');
  });

  test('split-off articles form their own theme', () => {
    const themes = buildThemes(articles, { curation: [{ type: 'split', articleIds: [10, 12] }] });
    const split = themes.find((t) => t.articleIds.includes(10))!;
    expect(split.articleIds.slice().sort((a, b) => a - b)).toEqual([10, 12]);
    expect(themes.find((t) => t.articleIds.includes(9))!.articleIds).not.toContain(10);
    expect(split.label).toMatch(/Terzi|Dortmund|Final/);
  });

  test('a moved article stays where the user put it', () => {
    const themes = buildThemes(articles, { curation: [{ type: 'move', articleId: 7, to: rail }] });
    expect(themes.find((t) => t.articleIds.includes(1))!.articleIds).toContain(7);
    expect(themes.find((t) => t.articleIds.includes(5))!.articleIds).not.toContain(7);
  });

  test('pinned themes lead the briefing and hidden themes are left out', () => {
    const curation: Curation[] = [{ type: 'pin', theme: football }, { type: 'hide', theme: volcano }];
    const b = buildBriefing(articles, { from: null, to }, { curation });
    expect(topic(b.themes[0]!.articles[0]!.id)).toBe('football');
    expect(b.themes[0]!.pinned).toBe(true);
    expect(b.themes.flatMap((t) => t.articles.map((a) => topic(a.id)))).not.toContain('volcano');
  });

  test('decisions about articles that are no longer there change nothing', () => {
    const groups = [{ id: 'a', label: 'A', terms: ['x'], articleIds: [1, 2] }];
    const out = applyCuration(groups, [{ type: 'rename', theme: [99], label: 'Gone' }, { type: 'move', articleId: 98, to: [1] }]);
    expect(out).toEqual([{ ...groups[0], pinned: false, hidden: false, renamed: false }]);
  });

  test('decisions apply in the order they were made', () => {
    const groups = [{ id: 'a', label: 'A', terms: [], articleIds: [1, 2] }, { id: 'b', label: 'B', terms: [], articleIds: [3] }];
    const out = applyCuration(groups, [{ type: 'rename', theme: [3], label: 'First' }, { type: 'merge', themes: [[1], [3]], label: 'Both' }]);
    expect(out).toEqual([expect.objectContaining({ label: 'Both', articleIds: [1, 2, 3], renamed: true })]);
  });
});
