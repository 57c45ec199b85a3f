// Migration 003 (saved searches): a library from schema 2 keeps its articles and gains the alert tables,
// whose rows go with the article or the saved search they belong to.
import { afterAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrate } from '../../db/migrate.ts';
import { listSavedSearches, insertSavedSearch, recordMatches, markMatchesSeen } from '../../db/saved-searches.ts';
import { tempDir } from '../helpers.ts';

describe('migration 003_saved_searches', () => {
  const t = tempDir('dossier-mig3-');
  afterAll(() => t.cleanup());

  test('articles from schema 2 survive; saved searches and their matches follow their article and search', () => {
    const db = new Database(join(t.dir, 'lib.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, { target: 2 });
    const insert = db.prepare(`INSERT INTO articles (content_hash, title, imported_at, language, format, file_name, text, word_count)
      VALUES (?, ?, '2026-11-24T08:00:00Z', 'de', 'text', ?, 'Text', 1)`);
    insert.run('h1', 'Streumunition im Donbass', 'a.txt');
    insert.run('h2', 'Cluster munitions to Kyiv', 'b.txt');
    migrate(db);
    expect(db.prepare('SELECT title FROM articles ORDER BY id').pluck().all()).toEqual(['Streumunition im Donbass', 'Cluster munitions to Kyiv']);

    const id = insertSavedSearch(db, { name: 'Streumunition', query: 'Streumunition', strictUmlauts: false, now: '2026-11-25T08:00:00Z' });
    expect(recordMatches(db, id, [1, 2], '2026-11-25T09:00:00Z')).toBe(2);
    expect(recordMatches(db, id, [2], '2026-11-25T10:00:00Z')).toBe(0); // already recorded: stays as it was
    expect(listSavedSearches(db)[0]).toMatchObject({ name: 'Streumunition', unseen: 2, seen_at: null });
    db.prepare('DELETE FROM articles WHERE id = 2').run();
    expect(listSavedSearches(db)[0]!.unseen).toBe(1);
    markMatchesSeen(db, id, '2026-11-25T11:00:00Z');
    expect(listSavedSearches(db)[0]).toMatchObject({ unseen: 0, seen_at: '2026-11-25T11:00:00Z' });
    db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM saved_search_matches').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare(`INSERT INTO saved_searches (name, query, strict_umlauts, created_at) VALUES ('x', 'y', 2, 'z')`).run()).toThrow();
    db.close();
  });
});
