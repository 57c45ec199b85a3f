// Migration highlights_and_tags: articles and notes from the schema before it survive, and the new tables enforce
// their rules (colours, cascade with the article, tags unique per target).
import { afterAll, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../db/migrate.ts';
import { tempDir } from '../helpers.ts';

const t = tempDir();
afterAll(() => t.cleanup());

test('notes written before highlights existed survive, and highlights follow their article', () => {
  const version = loadMigrations().find((m) => m.name === 'highlights_and_tags')!.version;
  const db = new Database(join(t.dir, 'lib.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, { target: version - 1 });
  db.prepare(`INSERT INTO articles (content_hash, title, imported_at, language, format, file_name, text, word_count)
    VALUES ('h1', 'Kämpfe in Kursk', '2026-11-24T08:00:00Z', 'de', 'text', 'a.txt', 'Text über Kursk', 3)`).run();
  db.prepare(`INSERT INTO notes (article_id, body, updated_at) VALUES (1, 'Quelle prüfen', '2026-11-24T09:00:00Z')`).run();
  migrate(db, { target: version });
  expect(db.prepare('SELECT body FROM notes').pluck().get()).toBe('Quelle prüfen');
  const add = db.prepare(`INSERT INTO highlights (article_id, color, quote, start_offset, end_offset, created_at, updated_at)
    VALUES (1, ?, 'Kursk', 10, 15, 'now', 'now')`);
  add.run('yellow');
  expect(() => add.run('purple')).toThrow(/CHECK/);
  db.prepare(`INSERT INTO tags (target_kind, target_key, tag) VALUES ('article', '1', 'ukraine')`).run();
  expect(() => db.prepare(`INSERT INTO tags (target_kind, target_key, tag) VALUES ('article', '1', 'ukraine')`).run()).toThrow(/UNIQUE/);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.prepare('DELETE FROM articles WHERE id = 1').run();
  expect(db.prepare('SELECT count(*) FROM highlights').pluck().get()).toBe(0);
  db.close();
});
