// Hostile input for every importer, a bounded run (`npm run fuzz` runs longer): no crash, no exception, each
// bad file fails alone with a readable reason, and after importing good and bad files together the library
// holds exactly the good ones and passes integrity_check.
import { afterAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseFile } from '../../electron/import/parse-file.ts';
import { openLibrary } from '../../electron/library.ts';
import { corporaDir, hasCorpora, needsCorpora, tempDir } from '../helpers.ts';
import { corpusSamples, FAMILIES, makeCase, rng, zipBomb, type FuzzCase } from '../fuzz/inputs.ts';
import { problemsOfCase } from '../fuzz/check.ts';
import { markedArticle } from '../fuzz/kill.ts';

const samples = corpusSamples(corporaDir);
/** Cases per family in the suite; mutated real files get the most because they find the most. */
const PER_FAMILY: Record<string, number> = { mutated: 40, random: 20, 'huge-line': 1, 'nested-html': 3, 'zip-bomb': 4,
  'broken-mime': 10, entity: 6, pdf: 6, docx: 8 };

async function outcome(c: FuzzCase): Promise<string[]> {
  return (await problemsOfCase(c)).map((p) => `${c.family} ${c.name}: ${p}`);
}

describe('hostile files given to the importers', () => {
  for (const family of FAMILIES) {
    const needs = family === 'mutated' || family === 'pdf';
    test.skipIf(needs && !hasCorpora)(`${family}: every file is imported or fails alone with a clear reason${needs ? needsCorpora : ''}`, async () => {
      const problems: string[] = [];
      for (let i = 0; i < PER_FAMILY[family]!; i++) problems.push(...await outcome(makeCase(family, rng(4242 + i * 31), samples)));
      expect(problems).toEqual([]);
    }, 60_000);
  }

  test('a zip bomb is refused as one, with the archive named; a high-ratio archive yields no article', async () => {
    for (const kind of [1, 2, 3]) {
      const c = zipBomb(rng(kind), kind);
      const items = await parseFile({ name: c.name, bytes: c.bytes });
      expect(items.some((it) => 'draft' in it), c.name).toBe(false);
      const errors = items.flatMap((it) => ('error' in it ? [it.error] : []));
      expect(errors.map((e) => e.code), c.name).toContain('import/zip-bomb');
      expect(errors.some((e) => e.code === 'import/zip-bomb' && e.message.includes(c.name)), c.name).toBe(true);
    }
    const ratio = zipBomb(rng(0), 0);
    const items = await parseFile({ name: ratio.name, bytes: ratio.bytes });
    expect(items.map((it) => ('error' in it ? it.error.code : 'imported'))).toEqual(['import/binary']);
  }, 60_000);

  test('a feed with a billion-laughs entity bomb does not expand it', async () => {
    for (let i = 0; i < 6; i++) {
      const c = makeCase('entity', rng(i), samples);
      const items = await parseFile({ name: c.name, bytes: c.bytes });
      for (const it of items) if ('draft' in it) expect(it.draft.text.length, c.name).toBeLessThan(1_000_000);
      for (const it of items) if ('draft' in it) expect(it.draft.text, c.name).not.toContain('root:');
    }
  });
});

describe('good and hostile files dropped together', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  test('the library afterwards holds exactly the good files, intact and searchable', async () => {
    const lib = await openLibrary({ dir: t.dir });
    const good = Array.from({ length: 12 }, (_, i) => ({ name: `gut-${i}.txt`, bytes: new TextEncoder().encode(markedArticle(90_000 + i)) }));
    const bad: FuzzCase[] = [];
    for (const family of ['random', 'nested-html', 'zip-bomb', 'broken-mime', 'entity', 'docx'] as const) {
      bad.push(makeCase(family, rng(99), samples));
    }
    // Mix the hostile files between the good ones.
    const files = [...good.slice(0, 6), ...bad.map((c, i) => ({ name: `boese-${i}-${c.name}`, bytes: c.bytes })), ...good.slice(6)];
    try {
      const report = await lib.importFiles(files);
      const byFile = new Map(report.outcomes.map((o) => [o.file, o]));
      for (const g of good) expect(byFile.get(g.name)?.status, g.name).toBe('imported');
      for (const o of report.outcomes.filter((x) => x.status === 'failed')) {
        expect(o.error?.message.length).toBeGreaterThan(10);
        expect(o.error?.code).toMatch(/^import\//);
      }
      const importedIds = report.outcomes.filter((o) => o.status === 'imported').map((o) => o.articleId);
      expect(lib.info().articleCount).toBe(importedIds.length);
      for (const [i, g] of good.entries()) {
        const id = byFile.get(g.name)!.articleId!;
        expect(lib.get(id).article.text).toContain(`Kennung kx${90_000 + i}q.`);
        expect(lib.search(`kx${90_000 + i}q`).hits.map((h) => h.id)).toEqual([id]);
      }
    } finally {
      await lib.close();
    }
    const db = new Database(join(t.dir, 'library.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  }, 60_000);
});
