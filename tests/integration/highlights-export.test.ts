// Highlights, tags and notes never lose a word: they re-attach after the text changes, are searchable, and come
// back unchanged from an export (into a new library, without duplicates) and from a backup.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Library, openLibrary } from '../../electron/library.ts';
import { fixturesDir, tempDir } from '../helpers.ts';

const t = tempDir();
let lib: Library;
let id: number;
let text: string;
const passage = (s: string) => { const at = text.indexOf(s); expect(at).toBeGreaterThanOrEqual(0); return { start: at, end: at + s.length }; };

beforeAll(async () => {
  lib = await openLibrary({ dir: join(t.dir, 'lib') });
  await lib.importPaths([join(fixturesDir, 'articles')]);
  id = lib.list()[0]!.id;
  text = lib.get(id).article.text;
});
afterAll(async () => {
  await lib.close();
  t.cleanup();
});

/** What a journalist would compare: quotes, comments, colours, note, tags. */
function annotationsOf(l: Library, articleId: number) {
  const d = l.get(articleId);
  return {
    note: d.note?.body ?? null, tags: d.tags,
    highlights: d.highlights.map((h) => ({ quote: h.quote, comment: h.comment, color: h.color, detached: h.detached })),
  };
}

describe('highlights', () => {
  test('a highlight keeps its quote, colour and comment, and its comment is searchable as a note', () => {
    const words = text.split(/\s+/).slice(3, 9).join(' ');
    const h = lib.addHighlight({ articleId: id, ...passage(words), color: 'green', comment: 'Zahlen beim Ministerium gegenprüfen' });
    expect(h).toMatchObject({ quote: words, color: 'green', detached: false });
    expect(lib.get(id).highlights.map((x) => x.quote)).toContain(words);
    expect(lib.search('note:gegenprüfen').hits.map((x) => x.id)).toEqual([id]);
    expect(lib.search('has:note').hits.map((x) => x.id)).toContain(id);
    const edited = lib.updateHighlight(h.id, { color: 'pink', comment: 'erledigt' });
    expect(edited).toMatchObject({ color: 'pink', comment: 'erledigt' });
    expect(lib.search('note:gegenprüfen').hits).toEqual([]);
    lib.deleteHighlight(h.id);
    expect(lib.get(id).highlights.find((x) => x.id === h.id)).toBeUndefined();
  });

  test('an empty selection is refused with a message', () => {
    expect(() => lib.addHighlight({ articleId: id, start: 5, end: 5, color: 'yellow' }))
      .toThrowError(expect.objectContaining({ code: 'highlights/bad-range' }));
  });

  test('after the text is re-extracted, highlights re-attach; one whose passage is gone is detached, not dropped', () => {
    const paragraphs = text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    const kept = paragraphs[1]!.slice(0, 40);
    const gone = paragraphs[2]!.slice(0, 40);
    const a = lib.addHighlight({ articleId: id, ...passage(kept), color: 'yellow', comment: 'bleibt' });
    const b = lib.addHighlight({ articleId: id, ...passage(gone), color: 'blue', comment: 'weg' });
    // A re-extraction: a line added at the top, the third paragraph removed.
    const changed = ['Aktualisiert am Abend.', paragraphs[0], paragraphs[1], ...paragraphs.slice(3)].join('\n\n');
    const raw = new Database(join(t.dir, 'lib', 'library.sqlite'));
    raw.prepare('UPDATE articles SET text = ? WHERE id = ?').run(changed, id);
    raw.close();
    const hs = lib.get(id).highlights;
    const ha = hs.find((h) => h.id === a.id)!, hb = hs.find((h) => h.id === b.id)!;
    expect(changed.slice(ha.start, ha.end)).toBe(kept);
    expect(ha.detached).toBe(false);
    expect(hb).toMatchObject({ detached: true, quote: gone, comment: 'weg' });
    // Putting the text back re-attaches the detached one.
    const raw2 = new Database(join(t.dir, 'lib', 'library.sqlite'));
    raw2.prepare('UPDATE articles SET text = ? WHERE id = ?').run(text, id);
    raw2.close();
    expect(lib.get(id).highlights.find((h) => h.id === b.id)).toMatchObject({ detached: false, start: text.indexOf(gone) });
  });
});

describe('tags', () => {
  test('tags on an article and #hashtags in its note are found with tag: and listed', () => {
    const other = lib.list()[1]!.id;
    expect(lib.setTags(id, ['Ukraine', ' #Recherche ', 'ukraine'])).toEqual(['recherche', 'ukraine']);
    lib.saveNote(other, 'Später anrufen #Rückruf');
    expect(lib.search('tag:ukraine').hits.map((h) => h.id)).toEqual([id]);
    expect(lib.search('tag:rückruf').hits.map((h) => h.id)).toEqual([other]);
    expect(lib.get(other).noteTags).toEqual(['rückruf']);
    expect(lib.get(other).tags).toEqual([]);
    expect(lib.tags()).toEqual([{ tag: 'recherche', count: 1 }, { tag: 'rückruf', count: 1 }, { tag: 'ukraine', count: 1 }]);
    expect(lib.annotations({ tag: 'ukraine' }).map((a) => a.articleId)).toEqual([id]);
    expect(lib.annotations({ q: 'note:anrufen' }).map((a) => a.articleId)).toEqual([other]);
  });
});

describe('export and import back', () => {
  test('note + highlights + tags → JSON export → a new library → the same, and importing twice adds nothing', async () => {
    lib.saveNote(id, 'Meine Notiz mit **Fett** und einem Link <https://example.org>.');
    const words = text.split(/\s+/).slice(10, 16).join(' ');
    lib.addHighlight({ articleId: id, ...passage(words), color: 'pink', comment: 'Zitat für den Aufmacher' });
    const [file] = lib.exportTo(join(t.dir, 'out'), { format: 'json' });
    const before = annotationsOf(lib, id);

    const other = await openLibrary({ dir: join(t.dir, 'lib2') });
    try {
      const r1 = other.importExportFile(file!);
      expect(r1.articlesAdded).toBeGreaterThanOrEqual(2);
      const newId = other.list().find((a) => a.title === lib.get(id).article.title)!.id;
      expect(annotationsOf(other, newId)).toEqual(before);
      const r2 = other.importExportFile(file!);
      expect(r2).toMatchObject({ articlesAdded: 0, notesAdded: 0, notesMerged: 0, highlightsAdded: 0, tagsAdded: 0 });
      expect(annotationsOf(other, newId)).toEqual(before);
      expect(other.info().articleCount).toBe(r1.articlesAdded);
      expect(other.search('note:aufmacher').hits.map((h) => h.id)).toEqual([newId]);
    } finally {
      await other.close();
    }
  });

  test('Markdown export has front matter with tags, > quote blocks with their comment, and the source', () => {
    const [file] = lib.exportTo(join(t.dir, 'md'), { format: 'markdown', articleId: id });
    const md = readFileSync(file!, 'utf8');
    const h = lib.get(id).highlights.find((x) => x.comment === 'Zitat für den Aufmacher')!;
    expect(md).toMatch(/^---\n[\s\S]*tags: \["recherche", "ukraine"\][\s\S]*\n---\n/);
    expect(md).toContain(`> ${h.quote}\n> — pink\n\nZitat für den Aufmacher`);
    expect(md).toContain(`Source: \`${lib.get(id).article.fileName}\``);
    expect(md).toContain('## My notes\n\nMeine Notiz');
  });

  test('the export of all notes lists every annotated article with its highlights', () => {
    const f = lib.renderExport({ format: 'markdown' });
    expect(f.fileName).toBe('dossier-notes.md');
    for (const a of lib.annotations()) expect(f.content).toContain(`## ${a.title}`);
    expect(f.content).toContain('> — pink');
    const html = lib.renderExport({ articleId: id, format: 'html' }).content;
    expect(html).toContain('<section class="highlights">');
    expect(html).toContain('Zitat für den Aufmacher');
  });

  test('backup → restore brings back the same notes, highlights and tags', async () => {
    const before = annotationsOf(lib, id);
    const file = join(t.dir, 'backup.sqlite');
    await lib.backup(file);
    lib.setTags(id, []);
    for (const h of lib.get(id).highlights) lib.deleteHighlight(h.id);
    await lib.close();
    Library.restore(join(t.dir, 'lib'), file);
    lib = await openLibrary({ dir: join(t.dir, 'lib') });
    expect(annotationsOf(lib, id)).toEqual(before);
    expect(lib.search('tag:ukraine').hits.map((h) => h.id)).toEqual([id]);
  });
});
