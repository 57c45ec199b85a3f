// The Library on a real SQLite file in a temp folder: import (worker thread), search, notes, index rebuild.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, INDEX_FILE, type Library } from '../../electron/library.ts';
import { fixturesDir, hasCorpora, junkBytes, needsCorpora, readCorpus, seedFile, tempDir } from '../helpers.ts';

const ids = (lib: Library, q: string) => lib.search(q).hits.map((h) => h.id);

describe('a library built from small fixtures', () => {
  const t = tempDir();
  let lib: Library;
  beforeAll(async () => {
    lib = await openLibrary({ dir: t.dir });
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('imports a folder of text and Markdown files, each with a title, language and sections', async () => {
    const report = await lib.importPaths([join(fixturesDir, 'articles')]);
    expect(report.failed).toBe(0);
    expect(report.imported).toBe(3);
    const byTitle = new Map(lib.list().map((a) => [a.title, a]));
    const md = byTitle.get('Klimagipfel einigt sich auf Fonds für Schäden und Verluste');
    expect(md).toMatchObject({ language: 'de', format: 'markdown' });
    expect(lib.get(md!.id).article.sections.map((s) => s.heading)).toEqual(['Streit um die Finanzierung']);
    expect(lib.get(md!.id).article.text).not.toContain('**');
    const en = [...byTitle.values()].find((a) => a.title.startsWith('Flood warnings'));
    expect(en?.language).toBe('en');
  });

  test('the same file dropped again is recognised as a duplicate, not stored twice', async () => {
    const before = lib.info().articleCount;
    const report = await lib.importPaths([join(fixturesDir, 'articles/bahn-streik.txt')]);
    expect(report.outcomes).toEqual([expect.objectContaining({ status: 'duplicate', duplicateOf: expect.objectContaining({ title: expect.stringContaining('Lokführer') }) })]);
    expect(lib.info().articleCount).toBe(before);
  });

  test('a file of binary junk fails alone with a clear reason while the rest of the batch is imported', async () => {
    const report = await lib.importFiles([
      { name: 'kaputt.txt', bytes: junkBytes(4000) },
      { name: 'leer.txt', bytes: new Uint8Array() },
      { name: 'notiz.txt', bytes: new TextEncoder().encode('Haushaltsstreit in Wien\n\nDie Regierung in Wien ringt um den Haushalt für das kommende Jahr. Die Opposition kritisiert die geplanten Kürzungen bei Schulen und Spitälern scharf.') },
    ]);
    const byFile = new Map(report.outcomes.map((o) => [o.file, o]));
    expect(byFile.get('kaputt.txt')).toMatchObject({ status: 'failed', error: { code: expect.stringMatching(/^import\//), message: expect.stringContaining('kaputt.txt') } });
    expect(byFile.get('leer.txt')).toMatchObject({ status: 'failed', error: { code: 'import/empty' } });
    expect(byFile.get('notiz.txt')).toMatchObject({ status: 'imported' });
    expect(ids(lib, 'Haushalt')).toContain(byFile.get('notiz.txt')!.articleId);
  });

  test('search folds umlauts and stems German words', () => {
    const [streik] = ids(lib, 'Lokführer');
    expect(streik).toBeDefined();
    expect(ids(lib, 'lokfuehrer')).toContain(streik);
    expect(ids(lib, 'Streiks')).toContain(streik);
    const hit = lib.search('Lokführer').hits[0]!;
    const marked = hit.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b)));
    expect(marked.map((m) => m.toLowerCase())).toContain('lokführer');
  });

  test('a note is saved, found by search as a note match, and survives reopening the library', async () => {
    const id = lib.list().find((a) => a.title.startsWith('Flood'))!.id;
    lib.saveNote(id, 'Call the **Environment Agency** press office about Carlisle shelters.');
    const hit = lib.search('press office').hits.find((h) => h.id === id);
    expect(hit?.matchedIn).toContain('note');
    await lib.close();
    lib = await openLibrary({ dir: t.dir });
    expect(lib.getNote(id)?.body).toBe('Call the **Environment Agency** press office about Carlisle shelters.');
    expect(lib.list().find((a) => a.id === id)?.hasNote).toBe(true);
    expect(ids(lib, 'press office')).toContain(id);
  });

  test('deleting or corrupting the index file changes no search result', async () => {
    const queries = ['Lokführer', 'flood', 'Klimagipfel Fonds', 'press office', 'Haushalt'];
    const before = queries.map((q) => ids(lib, q));
    await lib.close();
    rmSync(join(t.dir, INDEX_FILE));
    lib = await openLibrary({ dir: t.dir });
    expect(lib.indexOrigin).toBe('rebuilt');
    expect(queries.map((q) => ids(lib, q))).toEqual(before);
    await lib.close();
    writeFileSync(join(t.dir, INDEX_FILE), '{"format": "dossier-index", "trunc');
    lib = await openLibrary({ dir: t.dir });
    expect(lib.indexOrigin).toBe('rebuilt');
    expect(queries.map((q) => ids(lib, q))).toEqual(before);
    await lib.close();
    lib = await openLibrary({ dir: t.dir });
    expect(lib.indexOrigin).toBe('loaded');
    expect(queries.map((q) => ids(lib, q))).toEqual(before);
  });

  test('a briefing groups the articles into themes with readable labels', () => {
    const b = lib.briefing({ since: 'all' });
    expect(b.articleCount).toBe(lib.info().articleCount);
    expect(b.themes.length).toBeGreaterThanOrEqual(2);
    for (const theme of b.themes) {
      expect(theme.label).not.toMatch(/cluster|theme \d/i);
      expect(theme.label.length).toBeGreaterThan(2);
    }
    const all = b.themes.flatMap((th) => th.articles.map((a) => a.id)).sort();
    expect(all).toEqual(lib.list().map((a) => a.id).sort());
  });
});

describe.skipIf(!hasCorpora)(`a library with the seed and real corpus articles${needsCorpora}`, () => {
  const t = tempDir();
  let lib: Library;
  let seedId: number;
  beforeAll(async () => {
    lib = await openLibrary({ dir: join(t.dir, 'lib') });
    const folder = join(t.dir, 'drop');
    mkdirSync(folder);
    copyFileSync(seedFile, join(folder, 'briefing-ukraine.txt'));
    for (const a of [...readCorpus('gnad', 40), ...readCorpus('bbc', 40)]) {
      writeFileSync(join(folder, `${a.id}.txt`), a.title ? `${a.title}\n\n${a.text}` : a.text);
    }
    const report = await lib.importPaths([folder]);
    expect(report.failed).toBe(0);
    seedId = report.outcomes.find((o) => o.file.endsWith('briefing-ukraine.txt'))!.articleId!;
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('the seed gets a sensible title, its section headings and the outlets it cites', () => {
    const { article } = lib.get(seedId);
    expect(article.language).toBe('de');
    expect(article.title.length).toBeGreaterThan(10);
    expect(article.title.length).toBeLessThanOrEqual(120);
    expect(article.sections.map((s) => s.heading)).toEqual(['Kämpfe und Verluste in Kursk', 'Die Rolle Nordkoreas']);
    for (const s of article.sections) expect(article.text.slice(s.start, s.start + s.heading.length)).toBe(s.heading);
    expect(article.citedOutlets).toEqual(['Kölner Stadt-Anzeiger', 'Frankfurter Rundschau', 'Deutschlandfunk']);
  });

  test('German words are found in several forms', () => {
    for (const q of ['Nordkorea', 'nordkoreanischen', 'Nordkoreas', 'aussenamtssprecherin', 'Außenamtssprecherin', 'Streumunition']) {
      expect(ids(lib, q), q).toContain(seedId);
    }
  });

  test('corpus articles keep their language', () => {
    const langs = new Set(lib.list({ limit: 1000 }).map((a) => a.language));
    expect(langs).toEqual(new Set(['de', 'en']));
  });

  test('the briefing puts the seed under a theme labelled from its own words', () => {
    const b = lib.briefing({ since: 'all' });
    const theme = b.themes.find((th) => th.articles.some((a) => a.id === seedId))!;
    expect(theme).toBeDefined();
    expect(theme.label).not.toMatch(/000_e4f8|briefing-ukraine|cluster/i);
    const seedText = lib.get(seedId).article.text.toLowerCase();
    expect(theme.label.toLowerCase().split(/[\s,–-]+/).filter((w) => w.length > 3).some((w) => seedText.includes(w))).toBe(true);
  });

  test('the index file stays next to the database', () => {
    expect(existsSync(join(lib.dir, INDEX_FILE))).toBe(true);
    expect(readFileSync(join(lib.dir, INDEX_FILE), 'utf8').length).toBeGreaterThan(0);
  });
});
