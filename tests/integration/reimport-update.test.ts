// Re-importing an edited version of an article (same file name, near-duplicate text) updates it in place: same id,
// note and tags kept, highlights re-attached at their new offsets or detached with their quote, search on the new text.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openLibrary, type Library } from '../../electron/library.ts';
import { renderImportReport } from '../../electron/cli-format.ts';
import { tempDir } from '../helpers.ts';
import { PASSAGES, version } from '../fixtures/article-versions.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('re-importing a newer version of an article', () => {
  const t = tempDir();
  let lib: Library;
  let id: number;
  // As stored (the title line becomes the title): offsets are into these.
  let original = '';
  let edited = '';
  beforeAll(async () => {
    lib = await openLibrary({ dir: t.dir });
    const r = await lib.importFiles([{ name: 'haushalt.txt', bytes: bytes(version(false)) }]);
    id = r.outcomes[0]!.articleId!;
    original = lib.get(id).article.text;
    PASSAGES.forEach((p, i) => {
      const start = original.indexOf(p);
      lib.addHighlight({ articleId: id, start, end: start + p.length, color: 'yellow', comment: `Kommentar ${i + 1}` });
    });
    lib.saveNote(id, 'Mit dem Kämmerer sprechen');
    lib.setTags(id, ['haushalt']);
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('the same article is updated: same id, highlights re-attached at their new offsets, the deleted one detached', async () => {
    const r = await lib.importFiles([{ name: 'haushalt.txt', bytes: bytes(version(true)) }]);
    expect(r.outcomes).toEqual([expect.objectContaining({ status: 'updated', articleId: id, update: { textChanged: true, reattached: 2, detached: 1 } })]);
    expect(r).toMatchObject({ imported: 0, duplicates: 0, updated: 1 });
    expect(renderImportReport(r)).toContain('text changed, 2 highlights re-attached, 1 detached');
    expect(lib.info().articleCount).toBe(1);

    const d = lib.get(id);
    edited = d.article.text;
    expect(edited).toContain('Nachtragsetat');
    expect(edited).not.toContain(PASSAGES[1]);
    expect(d.note?.body).toBe('Mit dem Kämmerer sprechen');
    expect(d.tags).toEqual(['haushalt']);
    const [first, third, second] = d.highlights; // detached ones come last
    for (const [h, p] of [[first, PASSAGES[0]], [third, PASSAGES[2]]] as const) {
      expect(h!.detached).toBe(false);
      expect(h!.start).toBe(edited.indexOf(p!));
      expect(edited.slice(h!.start, h!.end)).toBe(p);
      expect(h!.start).not.toBe(original.indexOf(p!)); // it really moved
    }
    expect(second).toMatchObject({ detached: true, quote: PASSAGES[1], comment: 'Kommentar 2' });
  });

  test('the placements are stored, so they hold after reopening the library', async () => {
    await lib.close();
    lib = await openLibrary({ dir: t.dir });
    const hs = lib.annotations({ articleIds: [id] })[0]!.highlights;
    expect(hs.map((h) => [h.quote, h.detached, h.start])).toEqual([
      [PASSAGES[0], false, edited.indexOf(PASSAGES[0]!)],
      [PASSAGES[2], false, edited.indexOf(PASSAGES[2]!)],
      [PASSAGES[1], true, expect.any(Number)],
    ]);
  });

  test('search finds the new text and no longer the removed passage', () => {
    expect(lib.search('Nachtragsetat').hits.map((h) => h.id)).toEqual([id]);
    expect(lib.search('text:Quellenschutz').hits).toEqual([]);
  });

  test('the same text again is a duplicate; a near-duplicate from another file and outlet stays a duplicate', async () => {
    expect((await lib.importFiles([{ name: 'haushalt.txt', bytes: bytes(version(true)) }])).outcomes[0]!.status).toBe('duplicate');
    const copy = `${version(true)}\n\nZusatz der Agentur.`;
    const r = await lib.importFiles([{ name: 'agentur-kopie.txt', bytes: bytes(copy.replace('Haushalt der Stadt unter Druck', 'Stadt ringt um Etat')) }]);
    expect(r.outcomes[0]).toMatchObject({ status: 'duplicate', duplicateOf: { id } });
    expect(lib.get(id).article.text).toBe(edited);
  });
});
