// A big library whose index file is gone opens at once: listing, reading, notes and the briefing work while the
// index is rebuilt in a worker thread, search says it is being rebuilt, and once ready it answers exactly as
// before. What changes during the rebuild (an import, a note, an alert) is not lost.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, INDEX_FILE, type Library } from '../../electron/library.ts';
import type { IndexStatus } from '../../electron/article.ts';
import { fixturesDir, tempDir } from '../helpers.ts';
import { markedArticle } from '../fuzz/kill.ts';

const ARTICLES = 300;
const QUERIES = ['Lokführer', 'flood', 'Klimagipfel Fonds', 'kx7q', 'Bezirk', 'Meldung', 'note:Rückruf', 'kx2*'];
const bytes = (s: string) => new TextEncoder().encode(s);

describe('a library whose search index file is missing', () => {
  const t = tempDir();
  const indexFile = join(t.dir, INDEX_FILE);
  let expected: number[][];
  let firstId: number;
  const results = (l: Library) => QUERIES.map((q) => l.search(q, { limit: 1000 }).hits.map((h) => h.id));

  beforeAll(async () => {
    const lib = await openLibrary({ dir: t.dir });
    await lib.importPaths([join(fixturesDir, 'articles')]);
    await lib.importFiles(Array.from({ length: ARTICLES }, (_, i) => ({ name: `m-${i}.txt`, bytes: bytes(markedArticle(i)) })));
    firstId = lib.list({ limit: 1 })[0]!.id;
    lib.saveNote(firstId, 'Rückruf bei der Pressestelle');
    expected = results(lib);
    expect(expected.every((ids) => ids.length > 0)).toBe(true);
    await lib.close();
  });
  afterAll(() => t.cleanup());

  test('opens at once: list, get, notes and briefing answer while search says the index is being rebuilt', async () => {
    rmSync(indexFile);
    const lib = await openLibrary({ dir: t.dir, indexRebuild: 'background' });
    try {
      const statuses: IndexStatus[] = [];
      lib.onIndexStatus((s) => statuses.push(s));
      expect(lib.indexStatus()).toMatchObject({ state: 'building', total: ARTICLES + 3 });
      expect(lib.list({ limit: 500 })).toHaveLength(ARTICLES + 3);
      expect(lib.get(firstId).note?.body).toBe('Rückruf bei der Pressestelle');
      expect(lib.briefing({ since: 'all' }).articleCount).toBe(ARTICLES + 3);
      const during = lib.search('Bezirk', { locale: 'de' });
      expect(during).toMatchObject({ total: 0, hits: [], index: { state: 'building', total: ARTICLES + 3 } });
      expect(during.understood).toBe('Bezirk');
      // A malformed query still gets the parser's message while the index is rebuilt.
      expect(() => lib.search('"Bezirk')).toThrowError(expect.objectContaining({ code: 'search/bad-query' }));

      await lib.whenIndexReady();
      expect(lib.indexStatus()).toMatchObject({ state: 'ready' });
      expect(statuses.at(-1)).toMatchObject({ state: 'ready', done: ARTICLES + 3, total: ARTICLES + 3 });
      expect(results(lib)).toEqual(expected);
      expect(lib.search('Bezirk').index).toBeUndefined();
      expect(existsSync(indexFile)).toBe(true);
    } finally {
      await lib.close();
    }
    // The rebuilt index was saved: the next open loads it.
    const again = await openLibrary({ dir: t.dir });
    try {
      expect(again.indexOrigin).toBe('loaded');
      expect(results(again)).toEqual(expected);
    } finally {
      await again.close();
    }
  });

  test('an import, a note and an alert made during the rebuild are found afterwards', async () => {
    rmSync(indexFile);
    let release!: () => void;
    const hold = new Promise<void>((r) => { release = r; });
    const lib = await openLibrary({ dir: t.dir, indexRebuild: 'background', holdIndexBuildForTests: hold });
    try {
      // Wait until the worker has read everything, so these changes are surely after its snapshot.
      await new Promise<void>((resolve) => {
        const off = lib.onIndexStatus((s) => { if (s.done === s.total) { off(); resolve(); } });
      });
      expect(lib.indexStatus().state).toBe('building');
      const alert = lib.saveSearch({ name: 'Zeppelin', query: 'Zeppelinhafen' });
      const r = await lib.importFiles([{ name: 'neu.txt', bytes: bytes('Neuer Zeppelinhafen\n\nAm Bodensee entsteht ein Zeppelinhafen für Touristen.\n') }]);
      const added = r.outcomes[0]!.articleId!;
      lib.saveNote(firstId, 'Rückruf bei der Pressestelle. Stichwort Quallenalarm');
      expect(lib.search('Zeppelinhafen').index?.state).toBe('building');
      expect(lib.savedSearches().find((s) => s.id === alert.id)?.unseen).toBe(1);

      release();
      await lib.whenIndexReady();
      expect(lib.search('Zeppelinhafen').hits.map((h) => h.id)).toEqual([added]);
      expect(lib.search('note:Quallenalarm').hits.map((h) => h.id)).toEqual([firstId]);
      expect(lib.search('Bezirk', { limit: 1000 }).hits.map((h) => h.id)).toEqual(expected[QUERIES.indexOf('Bezirk')]);
    } finally {
      release();
      await lib.close();
    }
    // Closed after catching up: the changes are in the saved index (or caught up again from the log).
    const again = await openLibrary({ dir: t.dir });
    try {
      expect(again.search('note:Quallenalarm').hits.map((h) => h.id)).toEqual([firstId]);
      expect(again.search('Zeppelinhafen').total).toBe(1);
    } finally {
      await again.close();
    }
  });

  test('closing the library while the index is rebuilt stops the worker; the next open rebuilds', async () => {
    rmSync(indexFile);
    const lib = await openLibrary({ dir: t.dir, indexRebuild: 'background', holdIndexBuildForTests: new Promise(() => {}) });
    expect(lib.indexStatus().state).toBe('building');
    await lib.close();
    const again = await openLibrary({ dir: t.dir, indexRebuild: 'background' });
    try {
      await again.whenIndexReady();
      expect(again.search('Bezirk', { limit: 1000 }).total).toBe(expected[QUERIES.indexOf('Bezirk')]!.length);
    } finally {
      await again.close();
    }
  });

  test('a rebuild worker that fails falls back to rebuilding on the main thread, without crashing', async () => {
    rmSync(indexFile, { force: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const lib = await openLibrary({ dir: t.dir, indexRebuild: 'background', failIndexBuildForTests: true });
    try {
      await lib.whenIndexReady();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('background index rebuild failed'), expect.anything());
      expect(lib.indexStatus().state).toBe('ready');
      expect(lib.search('Bezirk', { limit: 1000 }).total).toBe(expected[QUERIES.indexOf('Bezirk')]!.length);
      expect(existsSync(indexFile)).toBe(true);
    } finally {
      warn.mockRestore();
      await lib.close();
    }
  });
});
