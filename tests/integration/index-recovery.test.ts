// The search index file is derived: cut short, with flipped bytes, or written by an older analyzer, it is
// detected when the library opens, rebuilt from SQLite (in the background worker), and every search answers as before.
// (Deleting the file and a file of JSON garbage are covered in library.test.ts.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, INDEX_FILE, type Library } from '../../electron/library.ts';
import { readIndexFile, writeIndexFile } from '../../electron/search/index-file.ts';
import { ANALYZER_VERSION } from '../../electron/search/analyze.ts';
import { fixturesDir, tempDir } from '../helpers.ts';
import { markedArticle } from '../fuzz/kill.ts';
import { rng } from '../fuzz/inputs.ts';

const QUERIES = ['Lokführer', 'flood', 'Klimagipfel Fonds', 'kx7q', 'Hafen Brücke', 'Bezirk', 'note:Rückruf'];

describe('a damaged or outdated search index file', () => {
  const t = tempDir();
  const file = join(t.dir, INDEX_FILE);
  let lib: Library;
  let expected: number[][];
  let good: Uint8Array;
  const results = (l: Library) => QUERIES.map((q) => l.search(q, { limit: 500 }).hits.map((h) => h.id));

  beforeAll(async () => {
    lib = await openLibrary({ dir: t.dir });
    await lib.importPaths([join(fixturesDir, 'articles')]);
    await lib.importFiles(Array.from({ length: 60 }, (_, i) => ({ name: `m-${i}.txt`, bytes: new TextEncoder().encode(markedArticle(i)) })));
    lib.saveNote(lib.list()[0]!.id, 'Rückruf bei der Pressestelle');
    expected = results(lib);
    await lib.close();
    good = new Uint8Array(readFileSync(file));
    expect(expected.every((ids) => ids.length > 0)).toBe(true);
  });
  afterAll(() => t.cleanup());

  async function reopenWith(bytes: Uint8Array): Promise<'loaded' | 'rebuilt'> {
    writeFileSync(file, bytes);
    // In the background, as a big library would: the worker's rebuild must give the very same results.
    lib = await openLibrary({ dir: t.dir, indexRebuild: 'background' });
    try {
      await lib.whenIndexReady();
      expect(results(lib)).toEqual(expected);
      return lib.indexOrigin;
    } finally {
      await lib.close();
    }
  }

  test('the undamaged file is loaded, not rebuilt', async () => {
    expect(await reopenWith(good)).toBe('loaded');
  });

  test('a file cut short at any point is rebuilt with the same results', async () => {
    for (const at of [0, 5, 12, 100, Math.floor(good.length / 2), good.length - 9, good.length - 1]) {
      expect(await reopenWith(good.slice(0, at)), `cut at ${at}`).toBe('rebuilt');
    }
  });

  test('flipped bytes anywhere in the file are detected and rebuilt with the same results', async () => {
    const r = rng(11);
    for (let k = 0; k < 8; k++) {
      const bad = good.slice();
      const at = Math.floor(r() * bad.length);
      bad[at]! ^= 1 << Math.floor(r() * 8);
      expect(await reopenWith(bad), `byte ${at}`).toBe('rebuilt');
    }
  });

  test('a valid file from an older analyzer version is rebuilt, not used', async () => {
    const { header, sections } = readIndexFile(good, ANALYZER_VERSION);
    const older = writeIndexFile({ ...header, analyzerVersion: ANALYZER_VERSION - 1 }, sections);
    expect(() => readIndexFile(older, ANALYZER_VERSION)).toThrow(expect.objectContaining({ code: 'search/index-stale' }));
    expect(await reopenWith(older)).toBe('rebuilt');
    // The rebuilt index was saved with the current version and loads next time.
    lib = await openLibrary({ dir: t.dir });
    expect(lib.indexOrigin).toBe('loaded');
    await lib.close();
  });

  test('an index saved before later imports catches up from the change log', async () => {
    const old = good;
    lib = await openLibrary({ dir: t.dir });
    const r = await lib.importFiles([{ name: 'neu.txt', bytes: new TextEncoder().encode(markedArticle(777)) }]);
    const id = r.outcomes[0]!.articleId!;
    await lib.close();
    writeFileSync(file, old);
    lib = await openLibrary({ dir: t.dir });
    try {
      expect(lib.indexOrigin).toBe('loaded');
      expect(lib.search('kx777q').hits.map((h) => h.id)).toEqual([id]);
    } finally {
      await lib.close();
    }
  });
});
