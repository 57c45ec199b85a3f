// Persisted themes on a real library: curation survives recomputation, re-import and reopening; a new article
// is placed into the existing theme and story without rebuilding the others; theme ids reach the search index.
import { afterEach, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DB_FILE, Library } from '../../electron/library.ts';
import type { Briefing, Theme } from '../../electron/article.ts';
import { tempDir } from '../helpers.ts';
import { fixtureArticles, type FixtureArticle } from '../unit/themes/fixture-articles.ts';
import { buildThemes } from '../../electron/themes/index.ts';
import { ANALYSED_CHARS } from '../../electron/themes/vectorize.ts';

const articles = fixtureArticles();
const file = (a: FixtureArticle) => ({ name: `${a.topic}-${a.id}.md`, bytes: new TextEncoder().encode(`# ${a.title}\n\n${a.text}\n`) });
const idsOf = (t: Theme) => t.articles.map((a) => a.id);

let cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function open(dir: string): Promise<Library> {
  const lib = Library.open({ dir });
  cleanups.push(() => lib.close());
  return lib;
}

/** Imports the fixture articles; returns stored article id per fixture topic. */
async function importTopics(lib: Library, which: FixtureArticle[]): Promise<Map<string, number[]>> {
  const report = await lib.importFiles(which.map(file));
  expect(report.failed).toBe(0);
  const byTopic = new Map<string, number[]>();
  report.outcomes.forEach((o, i) => {
    const topic = which[i]!.topic;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), o.articleId!]);
  });
  return byTopic;
}

const themeWith = (b: Briefing, articleId: number) => b.themes.find((t) => idsOf(t).includes(articleId));

describe('persisted themes', () => {
  test('a renamed, pinned theme keeps its name and pin after a full recompute, a re-import and reopening the library', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    let lib = await open(dir);
    const topics = await importTopics(lib, articles);
    const volcano = topics.get('volcano')!;
    const before = lib.briefing({ since: 'all' });
    const theme = themeWith(before, volcano[0]!)!;
    expect(theme.label).not.toBe('Ausbruch bei Grindavík');
    lib.decideTheme({ type: 'rename', themeId: theme.id, label: 'Ausbruch bei Grindavík' });
    lib.decideTheme({ type: 'pin', themeId: theme.id });

    const check = (b: Briefing) => {
      expect(b.themes[0]!.label).toBe('Ausbruch bei Grindavík');
      expect(b.themes[0]!.pinned).toBe(true);
      expect(idsOf(b.themes[0]!)).toEqual(expect.arrayContaining(volcano));
    };
    check(lib.briefing({ since: 'all' }));
    lib.recomputeThemes();
    check(lib.briefing({ since: 'all' }));

    const again = await lib.importFiles(articles.map(file));
    expect(again.duplicates).toBe(articles.length);
    check(lib.briefing({ since: 'all' }));

    await lib.close();
    lib = await open(dir);
    check(lib.briefing({ since: 'all' }));
    expect(lib.themes().find((t) => t.label === 'Ausbruch bei Grindavík')?.pinned).toBe(true);
  });

  test('hiding, moving an article and merging themes survive reopening; unhide brings a theme back', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    let lib = await open(dir);
    const topics = await importTopics(lib, articles);
    const [strike, football, volcano] = ['rail-strike', 'football', 'volcano'].map((t) => topics.get(t)!);
    const b = lib.briefing({ since: 'all' });
    const sport = themeWith(b, football![0]!)!;
    const lava = themeWith(b, volcano![0]!)!;
    const rail = themeWith(b, strike![0]!)!;
    expect(new Set([sport.id, lava.id, rail.id]).size).toBe(3);

    lib.decideTheme({ type: 'move', articleId: strike![0]!, toThemeId: sport.id });
    lib.decideTheme({ type: 'hide', themeId: lava.id });
    await lib.close();
    lib = await open(dir);

    let after = lib.briefing({ since: 'all' });
    expect(themeWith(after, strike![0]!)?.id).toBe(sport.id);
    expect(themeWith(after, volcano![0]!)).toBeUndefined();
    expect(after.hiddenThemes?.map((t) => t.id)).toEqual([lava.id]);
    expect(after.articleCount).toBe(articles.length);

    lib.decideTheme({ type: 'unhide', themeId: lava.id });
    const merged = lib.decideTheme({ type: 'merge', themeIds: [rail.id, lava.id], label: 'Deutschland und Island' });
    after = lib.briefing({ since: 'all' });
    const m = after.themes.find((t) => t.id === merged.id)!;
    expect(m.label).toBe('Deutschland und Island');
    expect(idsOf(m)).toEqual(expect.arrayContaining([...volcano!, strike![1]!]));
    expect(idsOf(m)).not.toContain(strike![0]!);
  });

  test('a new article on the same event is placed into the existing story, and the other themes keep their ids', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const lib = await open(dir);
    const late = articles.find((a) => a.id === 13)!; // "GDL union calls 48-hour rail strike in Germany"
    const topics = await importTopics(lib, articles.filter((a) => a !== late));
    const before = lib.briefing({ since: 'all' });
    const otherIds = before.themes.filter((t) => !idsOf(t).includes(topics.get('rail-strike')![0]!)).map((t) => t.id).sort();

    const [added] = (await lib.importFiles([file(late)])).outcomes;
    const after = lib.briefing({ since: 'all' });
    const theme = themeWith(after, added!.articleId!)!;
    expect(idsOf(theme)).toEqual(expect.arrayContaining(topics.get('rail-strike')!));
    const story = theme.stories.find((s) => [...s.articleIds, ...s.alsoIn.map((x) => x.articleId)].includes(added!.articleId!))!;
    expect(story.articleIds.length + story.alsoIn.length).toBeGreaterThan(1);
    expect(after.themes.filter((t) => t.id !== theme.id).map((t) => t.id).sort()).toEqual(otherIds);
  });

  test('theme ids reach the search index: theme: finds exactly the theme’s articles, also after the index is rebuilt', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    let lib = await open(dir);
    const topics = await importTopics(lib, articles);
    const theme = themeWith(lib.briefing({ since: 'all' }), topics.get('football')![0]!)!;
    const found = () => lib.search(`theme:${theme.id}`).hits.map((h) => h.id).sort((a, b) => a - b);
    expect(found()).toEqual(idsOf(theme).sort((a, b) => a - b));
    await lib.close();
    lib = await open(dir);
    expect(found()).toEqual(idsOf(theme).sort((a, b) => a - b));
  });

  test('a full recompute keeps each theme’s id, so a saved theme: search still finds it', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const lib = await open(dir);
    const half = articles.filter((_, i) => i % 2 === 0);
    await importTopics(lib, half);
    lib.briefing({ since: 'all' }); // themes built from the first half
    await importTopics(lib, articles.filter((_, i) => i % 2 === 1)); // placed one by one into them
    const before = lib.briefing({ since: 'all' });
    const byArticle = new Map(before.themes.flatMap((t) => idsOf(t).map((id) => [id, t.id] as const)));
    const first = themeWith(before, byArticle.keys().next().value!)!;
    const changeLog = () => { const db = new Database(join(dir, DB_FILE), { readonly: true }); const n = db.prepare('SELECT count(*) FROM article_changes').pluck().get(); db.close(); return n; };
    const logged = changeLog();
    lib.recomputeThemes();
    // Themes are metadata to the search index: moving articles between themes re-analyses no text.
    expect(changeLog()).toBe(logged);
    const after = lib.briefing({ since: 'all' });
    // Each recomputed theme carries the id most of its articles had; most themes come out with the same members.
    let same = 0;
    for (const t of after.themes) {
      const old = before.themes.find((b) => b.id === t.id);
      if (old && [...idsOf(old)].sort().join() === [...idsOf(t)].sort().join()) same++;
    }
    expect(same).toBeGreaterThan(after.themes.length / 2);
    expect(new Set(after.themes.map((t) => t.id)).size).toBe(after.themes.length);
    const kept = after.themes.find((t) => t.id === first.id)!;
    expect(kept).toBeDefined();
    expect(idsOf(kept).filter((id) => idsOf(first).includes(id)).length).toBeGreaterThan(idsOf(first).length / 2);
    expect(lib.search(`theme:${first.id}`).hits.map((h) => h.id).sort((a, b) => a - b)).toEqual([...idsOf(kept)].sort((a, b) => a - b));
  });

  test('a full recompute reads only the openings of long articles and groups them as their whole texts group', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const lib = await open(dir);
    // Each article goes on about another topic (which grouping weighs) and runs on past what grouping analyses.
    const topics = [...new Set(articles.map((a) => a.topic))];
    const about = (topic: string, i: number) => articles.filter((b) => b.topic === topic)[i % 2]!.text;
    const long = articles.map((a, i) => {
      let text = a.text;
      while (text.length < ANALYSED_CHARS - 300) text += `\n\n${about(topics[(topics.indexOf(a.topic) + 1 + (i % 2)) % topics.length]!, i)}`;
      while (text.length < ANALYSED_CHARS * 2) text += `\n\n${a.text}`;
      return { ...a, text };
    });
    const report = await lib.importFiles(long.map(file));
    expect(report.failed).toBe(0);
    lib.recomputeThemes();
    const byLibrary = lib.briefing({ since: 'all' }).themes.map((t) => [...idsOf(t)].sort((a, b) => a - b).join()).sort();
    const stored = report.outcomes.filter((o) => o.status === 'imported').map((o) => lib.get(o.articleId!).article);
    const whole = buildThemes(stored.map((a) => ({ ...a })));
    expect(byLibrary).toEqual(whole.map((g) => [...g.articleIds].sort((a, b) => a - b).join()).sort());
  });

  test('the theme facet of a search names each theme by its (renamed) label, and filters by its id', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const lib = await open(dir);
    const topics = await importTopics(lib, articles);
    const theme = themeWith(lib.briefing({ since: 'all' }), topics.get('football')![0]!)!;
    lib.decideTheme({ type: 'rename', themeId: theme.id, label: 'Bundesliga-Wochenende' });
    const first = lib.get(idsOf(theme)[0]!).article.title.split(/\s+/).find((w) => w.length > 4)!;
    const facet = lib.search(first, { facets: true }).facets!.theme.find((f) => f.value === theme.id);
    expect(facet?.label).toBe('Bundesliga-Wochenende');
  });

  test('a state from another analyzer version is recomputed, and the user’s decisions still apply', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    let lib = await open(dir);
    const topics = await importTopics(lib, articles);
    const theme = themeWith(lib.briefing({ since: 'all' }), topics.get('rail-strike')![0]!)!;
    lib.decideTheme({ type: 'rename', themeId: theme.id, label: 'Bahnstreik der GDL' });
    await lib.close();
    const db = new Database(join(dir, DB_FILE));
    db.prepare("UPDATE theme_state SET value = 'themes-0 old' WHERE key = 'version'").run();
    db.close();
    lib = await open(dir);
    expect(themeWith(lib.briefing({ since: 'all' }), topics.get('rail-strike')![0]!)!.label).toBe('Bahnstreik der GDL');
  });

  test('curation calls name an unknown theme in a message a journalist can act on', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const lib = await open(dir);
    await importTopics(lib, articles.slice(0, 4));
    expect(() => lib.decideTheme({ type: 'rename', themeId: 'tnope', label: 'x' })).toThrow(/no theme with id tnope/);
  });
});
