// Migration 004 (themes) on real SQLite: a library from before themes keeps its articles, gains strict theme
// tables, and gets its themes built the first time a briefing is asked for.
import { afterEach, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrate } from '../../db/migrate.ts';
import { DB_FILE, Library } from '../../electron/library.ts';
import { tempDir } from '../helpers.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

describe('the themes migration', () => {
  test('a library from before themes gets strict theme tables, and themes on its first briefing', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = new Database(join(dir, DB_FILE));
    migrate(db, { target: 2 });
    const insert = db.prepare(`INSERT INTO articles (content_hash, title, imported_at, language, format, file_name, text, word_count)
      VALUES (?, ?, '2026-11-24T08:00:00Z', ?, 'text', ?, ?, 20)`);
    insert.run('h1', 'GDL ruft zum Bahnstreik auf', 'de', 'a.txt', 'Die Lokführergewerkschaft GDL ruft zum Bahnstreik auf. Der Fernverkehr der Deutschen Bahn steht still.');
    insert.run('h2', 'Bahnstreik legt Fernverkehr lahm', 'de', 'b.txt', 'Der Bahnstreik der GDL legt den Fernverkehr der Deutschen Bahn lahm. Pendler warten.');
    db.close();

    const lib = Library.open({ dir });
    cleanups.push(() => lib.close());
    const b = lib.briefing({ since: 'all' });
    expect(b.articleCount).toBe(2);
    expect(b.themes.flatMap((t) => t.articles.map((a) => a.id)).sort()).toEqual([1, 2]);
    await lib.close();

    const check = new Database(join(dir, DB_FILE));
    expect(check.prepare('SELECT count(*) FROM theme_articles').pluck().get()).toBe(2);
    expect(() => check.prepare("INSERT INTO theme_articles (article_id, theme_id) VALUES ('x', 1)").run()).toThrow();
    check.pragma('foreign_keys = ON');
    check.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(check.prepare('SELECT article_id FROM theme_articles').pluck().all()).toEqual([2]);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.pragma('foreign_key_check')).toEqual([]);
    check.close();
  });
});
