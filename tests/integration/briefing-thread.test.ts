// The briefing is built on its own thread: the main process keeps answering while themes are recomputed,
// the result is the same briefing the main thread would build, and the main thread sees what it stored.
import { afterEach, describe, expect, test } from 'vitest';
import { Library } from '../../electron/library.ts';
import { tempDir } from '../helpers.ts';
import { fixtureArticles } from '../unit/themes/fixture-articles.ts';

const articles = fixtureArticles();
const file = (a: (typeof articles)[number]) => ({ name: `${a.topic}-${a.id}.md`, bytes: new TextEncoder().encode(`# ${a.title}\n\n${a.text}\n`) });

let cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

describe('briefing thread', () => {
  test('while the first briefing is being built, the library keeps answering, and the result matches the main thread’s', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const lib = Library.open({ dir });
    cleanups.push(() => lib.close());
    await lib.importFiles(articles.map(file));

    let ticks = 0;
    let done = false;
    const pending = lib.buildBriefing({ since: 'all' }).finally(() => { done = true; });
    const tick = (): void => { ticks++; if (!done) setImmediate(tick); };
    setImmediate(tick);
    // The main thread is free: reading and searching answer before the briefing is ready.
    expect(lib.list({}).length).toBe(articles.length);
    expect(lib.search('Grindavík').hits.length).toBeGreaterThan(0);
    const threaded = await pending;
    expect(ticks).toBeGreaterThan(5);

    const strip = (b: typeof threaded) => b.themes.map((t) => ({ id: t.id, label: t.label, articles: t.articles.map((a) => a.id).sort() }));
    expect(threaded.themes.length).toBeGreaterThan(1);
    expect(strip(lib.briefing({ since: 'all' }))).toEqual(strip(threaded));

    // The ids the thread stored are the ones the main thread curates and searches by.
    const theme = threaded.themes[0]!;
    lib.decideTheme({ type: 'rename', themeId: theme.id, label: 'Vom Faden gebaut' });
    expect((await lib.buildBriefing({ since: 'all' })).themes.find((t) => t.id === theme.id)?.label).toBe('Vom Faden gebaut');
    expect(lib.search(`theme:${theme.id}`).hits.map((h) => h.id).sort()).toEqual(theme.articles.map((a) => a.id).sort());
  });

  test('a bad period is refused with the same message as on the main thread', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const lib = Library.open({ dir });
    cleanups.push(() => lib.close());
    await expect(lib.buildBriefing({ since: 'neulich' })).rejects.toMatchObject({ code: 'briefing/bad-period' });
  });
});
