// Notes never lose a word: backup -> restore round trips, refusals that leave the library untouched,
// and exports in Markdown, HTML and JSON.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Library, openLibrary } from '../../electron/library.ts';
import { fixturesDir, tempDir } from '../helpers.ts';

describe('backup and restore', () => {
  const t = tempDir();
  const dir = join(t.dir, 'lib');
  let lib: Library;
  let ids: number[];
  beforeAll(async () => {
    lib = await openLibrary({ dir });
    await lib.importPaths([join(fixturesDir, 'articles')]);
    ids = lib.list().map((a) => a.id);
    lib.saveNote(ids[0]!, 'Erste Notiz: **Quelle** anrufen.');
    lib.saveNote(ids[1]!, 'Second note — check the figures.');
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('a backup restores the same articles and notes, and the library before the restore is kept as a copy', async () => {
    const file = join(t.dir, 'backup.sqlite');
    expect(await lib.backup(file)).toMatchObject({ articles: 3, notes: 2 });
    lib.saveNote(ids[0]!, 'overwritten by mistake');
    lib.saveNote(ids[1]!, '');
    await lib.close();

    const r = Library.restore(dir, file);
    expect(r).toMatchObject({ articles: 3, notes: 2 });
    expect(r.savedCopy && existsSync(r.savedCopy)).toBe(true);
    const before = new Database(r.savedCopy!, { readonly: true });
    expect(before.prepare('SELECT body FROM notes').pluck().all()).toEqual(['overwritten by mistake']);
    before.close();

    lib = await openLibrary({ dir });
    expect(lib.getNote(ids[0]!)?.body).toBe('Erste Notiz: **Quelle** anrufen.');
    expect(lib.getNote(ids[1]!)?.body).toBe('Second note — check the figures.');
    expect(lib.indexOrigin).toBe('rebuilt');
    expect(lib.search('figures').hits.map((h) => h.id)).toContain(ids[1]);
    expect(lib.search('overwritten').hits).toEqual([]);
  });

  test('a damaged backup is refused and the library is not touched', async () => {
    const bad = join(t.dir, 'bad.sqlite');
    writeFileSync(bad, 'SQLite format 3\0 but not really');
    await lib.close();
    const before = readFileSync(join(dir, 'library.sqlite'));
    expect(() => Library.restore(dir, bad)).toThrowError(expect.objectContaining({ code: 'db/backup-damaged', message: expect.stringContaining('bad.sqlite') }));
    expect(readFileSync(join(dir, 'library.sqlite')).equals(before)).toBe(true);
    lib = await openLibrary({ dir });
    expect(lib.info().articleCount).toBe(3);
  });

  test('a backup from a newer Dossier is refused with the reason', async () => {
    const newer = join(t.dir, 'newer.sqlite');
    await lib.backup(newer);
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    await lib.close();
    expect(() => Library.restore(dir, newer)).toThrowError(expect.objectContaining({ code: 'db/newer-than-app' }));
    lib = await openLibrary({ dir });
  });
});

describe('export', () => {
  const t = tempDir();
  let lib: Library;
  let id: number;
  beforeAll(async () => {
    lib = await openLibrary({ dir: join(t.dir, 'lib') });
    await lib.importPaths([join(fixturesDir, 'articles')]);
    id = lib.list().find((a) => a.title.startsWith('Klimagipfel'))!.id;
    lib.saveNote(id, 'Nachfragen beim **BMZ**.\n\n<script>alert(1)</script>');
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('Markdown: front matter, the article with its section headings, and my notes', () => {
    const [file] = lib.exportTo(join(t.dir, 'md'), { format: 'markdown' });
    expect(file).toMatch(/klimagipfel-einigt-sich-auf-fonds.*\.md$/);
    const md = readFileSync(file!, 'utf8');
    expect(md).toMatch(/^---\ntitle: "Klimagipfel einigt sich auf Fonds für Schäden und Verluste"\n/);
    expect(md).toContain(`dossier_id: ${id}`);
    expect(md).toContain('source_file: "articles/klimagipfel.md"');
    expect(md).toContain('# Klimagipfel einigt sich auf Fonds für Schäden und Verluste');
    expect(md).toContain('## Streit um die Finanzierung');
    expect(md).toContain('## My notes\n\nNachfragen beim **BMZ**.');
  });

  test('HTML: a standalone page in which nothing from the article or note can run', () => {
    const [file] = lib.exportTo(join(t.dir, 'html'), { format: 'html', articleId: id });
    const html = readFileSync(file!, 'utf8');
    expect(html).toContain('<h2>Streit um die Finanzierung</h2>');
    expect(html).toContain('<strong>BMZ</strong>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain("default-src 'none'");
  });

  test('JSON: every article of the library with its note, when asked for all', () => {
    const [file] = lib.exportTo(join(t.dir, 'json'), { format: 'json', all: true });
    const doc = JSON.parse(readFileSync(file!, 'utf8'));
    expect(doc.format).toBe('dossier-export/1');
    expect(doc.items).toHaveLength(3);
    expect(doc.items.find((i: { article: { id: number } }) => i.article.id === id).note.body).toContain('BMZ');
  });

  test('without a selection only articles with notes are exported', () => {
    expect(lib.exportTo(join(t.dir, 'notes-only'), { format: 'markdown' })).toHaveLength(1);
    expect(readdirSync(join(t.dir, 'notes-only'))).toHaveLength(1);
  });
});
