// Saved searches and alerts on a real library: later imports flag new matches, seen state survives a reopen;
// batch search counts on the German corpus.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openLibrary, type Library } from '../../electron/library.ts';
import { parseTermList } from '../../electron/batch-search.ts';
import { hasCorpora, needsCorpora, readCorpus, tempDir } from '../helpers.ts';

const file = (name: string, title: string, body: string) => ({ name, bytes: new TextEncoder().encode(`${title}\n\n${body}\n`) });

describe('saved searches flag what later imports bring', () => {
  const t = tempDir();
  let lib: Library;
  beforeAll(async () => {
    lib = await openLibrary({ dir: t.dir });
    await lib.importFiles([file('alt.txt', 'Streumunition im Donbass', 'Die Ukraine meldet den Einsatz von Streumunition bei Awdijiwka. Beobachter sind besorgt.')]);
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('a saved search starts with no unseen matches, even when old articles match', () => {
    const s = lib.saveSearch({ name: 'Streumunition', query: 'Streumunition OR "cluster munitions"' });
    expect(s).toMatchObject({ name: 'Streumunition', unseen: 0, seenAt: null });
    const m = lib.savedSearchMatches(s.id);
    expect(m.total).toBe(1);
    expect(m.hits.map((h) => h.unseen)).toEqual([false]);
  });

  test('importing a matching and a non-matching article counts one unseen match', async () => {
    const report = await lib.importFiles([
      file('en.txt', 'US to send cluster munitions to Kyiv', 'Washington confirmed that cluster munitions will be part of the next package for Ukraine.'),
      file('bahn.txt', 'Bahnstreik legt Fernverkehr lahm', 'Die Lokführergewerkschaft hat den Fernverkehr bundesweit bestreikt. Pendler mussten umplanen.'),
    ]);
    expect(report.imported).toBe(2);
    const [s] = lib.savedSearches();
    expect(s!.unseen).toBe(1);
    const m = lib.savedSearchMatches(s!.id);
    expect(m.hits[0]).toMatchObject({ title: 'US to send cluster munitions to Kyiv', unseen: true });
    expect(m.hits.filter((h) => h.unseen)).toHaveLength(1);
  });

  test('a compound containing the saved word is an alert too (German)', async () => {
    const s = lib.saveSearch({ name: 'Munition', query: 'Munition' });
    await lib.importFiles([file('de.txt', 'Neue Lieferung', 'Deutschland liefert Artilleriemunition und Panzerabwehrwaffen an die Ukraine.')]);
    expect(lib.savedSearches().find((x) => x.id === s.id)!.unseen).toBe(1);
    lib.deleteSavedSearch(s.id);
    expect(lib.savedSearches().map((x) => x.id)).not.toContain(s.id);
  });

  test('marking seen clears the badge, and the state survives closing and reopening the library', async () => {
    const [s] = lib.savedSearches();
    const seen = lib.markSavedSearchSeen(s!.id);
    expect(seen.unseen).toBe(0);
    expect(seen.seenAt).not.toBeNull();
    await lib.importFiles([file('en2.txt', 'Cluster munitions debate in Berlin', 'The Bundestag debated cluster munitions deliveries on Thursday.')]);
    await lib.close();
    lib = await openLibrary({ dir: t.dir });
    const [again] = lib.savedSearches();
    expect(again).toMatchObject({ id: s!.id, unseen: 1, seenAt: seen.seenAt });
    expect(lib.savedSearchMatches(s!.id).hits.filter((h) => h.unseen).map((h) => h.title)).toEqual(['Cluster munitions debate in Berlin']);
  });

  test('a malformed query is refused with the parser\'s message, and nothing is saved', () => {
    const before = lib.savedSearches().length;
    expect(() => lib.saveSearch({ name: 'kaputt', query: '(Streumunition OR' })).toThrow(expect.objectContaining({ code: 'search/bad-query' }));
    expect(lib.savedSearches()).toHaveLength(before);
  });

  test('an unknown saved search id is a clear error', () => {
    expect(() => lib.savedSearchMatches(999)).toThrow(expect.objectContaining({ code: 'saved-search/not-found' }));
  });
});

describe('batch search over the German corpus', () => {
  const t = tempDir();
  let lib: Library;
  beforeAll(async () => {
    if (!hasCorpora) return;
    lib = await openLibrary({ dir: t.dir });
    const articles = readCorpus('gnad', 400);
    await lib.importFiles(articles.map((a, i) => file(`gnad-${i}.txt`, a.text.split('. ')[0]!.slice(0, 120), a.text)));
  }, 120_000);
  afterAll(async () => {
    await lib?.close();
    t.cleanup();
  });

  test.skipIf(!hasCorpora)(`counts per term agree with single searches, inflected forms find the same articles, most hits first${needsCorpora}`, () => {
    const terms = parseTermList('Regierung\nRegierungen\nÖsterreich\nOesterreich\nWien\nxyzzyquux\n');
    const rows = lib.batchSearch(terms);
    const by = new Map(rows.map((r) => [r.term, r]));
    for (const r of rows) expect(r.count).toBe(lib.search(r.query).total);
    expect(by.get('Regierung')!.count).toBeGreaterThan(0);
    expect(by.get('Regierungen')!.count).toBe(by.get('Regierung')!.count);
    expect(by.get('Oesterreich')!.count).toBe(by.get('Österreich')!.count);
    expect(by.get('xyzzyquux')!.count).toBe(0);
    expect(rows.map((r) => r.count)).toEqual([...rows.map((r) => r.count)].sort((a, b) => b - a));
    expect(by.get('Wien')!.topIds.length).toBeGreaterThan(0);
  });
});
