// The migration runner on real SQLite files: contiguous numbering, data carried across versions, newer DBs refused.
import { afterEach, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate, schemaVersion } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'dossier-mig-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const latest = loadMigrations().length;

describe('migrations', () => {
  test('a new library is migrated to the newest schema and passes integrity and foreign-key checks', () => {
    const db = openDatabase(join(tempDir(), 'lib.sqlite'));
    expect(schemaVersion(db)).toBe(latest);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  test('articles written under schema 1 survive the move to schema 2 and gain near-duplicate columns', () => {
    const db = new Database(join(tempDir(), 'lib.sqlite'));
    migrate(db, { target: 1 });
    db.prepare(`INSERT INTO articles (content_hash, title, imported_at, language, format, file_name, text, word_count)
      VALUES ('h1', 'Kämpfe in Kursk', '2026-11-24T08:00:00Z', 'de', 'text', 'a.txt', 'Text über Kursk', 3)`).run();
    db.prepare(`INSERT INTO notes (article_id, body, updated_at) VALUES (1, 'Quelle prüfen', '2026-11-24T09:00:00Z')`).run();
    migrate(db);
    expect(schemaVersion(db)).toBe(latest);
    expect(db.prepare('SELECT title, minhash FROM articles').get()).toEqual({ title: 'Kämpfe in Kursk', minhash: null });
    expect(db.prepare('SELECT body FROM notes').pluck().get()).toBe('Quelle prüfen');
    db.prepare(`INSERT INTO article_bands (band, article_id) VALUES ('0:abc', 1)`).run();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  test('notes and tags from schema 5 survive the move to schema 6, which adds theme and briefing notes', () => {
    const db = new Database(join(tempDir(), 'lib.sqlite'));
    migrate(db, { target: 5 });
    db.prepare(`INSERT INTO articles (content_hash, title, imported_at, language, format, file_name, text, word_count)
      VALUES ('h1', 'Haushalt', '2026-11-24T08:00:00Z', 'de', 'text', 'a.txt', 'Text', 1)`).run();
    db.prepare(`INSERT INTO notes (article_id, body, updated_at) VALUES (1, 'Kämmerer anrufen', '2026-11-24T09:00:00Z')`).run();
    db.prepare(`INSERT INTO tags (target_kind, target_key, tag) VALUES ('theme', 't1', 'wien')`).run();
    migrate(db, { target: 6 });
    expect(db.prepare('SELECT body FROM notes').pluck().get()).toBe('Kämmerer anrufen');
    expect(db.prepare('SELECT tag FROM tags').pluck().get()).toBe('wien');
    const ins = db.prepare(`INSERT INTO target_notes (target_kind, target_key, label, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
    ins.run('theme', 't1', 'Haushalt Wien', 'Spur: Rücklagen', 'x', 'x');
    ins.run('briefing', '2026-11-24', '', 'Morgenrunde', 'x', 'x');
    expect(() => ins.run('article', '1', '', 'no', 'x', 'x')).toThrow(/CHECK/);
    expect(() => ins.run('theme', 't1', '', 'twice', 'x', 'x')).toThrow(/UNIQUE|PRIMARY/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  test('articles from schema 6 survive the move to schema 7, whose file records go when their article does', () => {
    const db = new Database(join(tempDir(), 'lib.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, { target: 6 });
    db.prepare(`INSERT INTO articles (content_hash, title, imported_at, language, format, file_name, text, word_count)
      VALUES ('h1', 'Haushalt', '2026-11-24T08:00:00Z', 'de', 'text', 'a.txt', 'Text', 1)`).run();
    migrate(db, { target: 7 });
    expect(db.prepare('SELECT title FROM articles').pluck().get()).toBe('Haushalt');
    db.prepare(`INSERT INTO file_digests (sha256, size, readers, article_id, content_hash, title) VALUES ('ab12', 4, 1, 1, 'h1', 'Haushalt')`).run();
    expect(() => db.prepare(`INSERT INTO file_digests (sha256, size, readers, article_id, content_hash, title) VALUES ('cd34', 4, 1, 99, 'h9', 'x')`).run())
      .toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM file_digests').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  test('a library from a newer Dossier is refused with a clear message and left untouched', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${latest + 5}`);
    db.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrowError(expect.objectContaining({ code: 'db/newer-than-app', message: expect.stringMatching(/newer version of Dossier/) }));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test('migration files must be numbered without gaps', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', '001_a.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    writeFileSync(join(dir, 'm', '003_c.sql'), 'CREATE TABLE c (x INTEGER) STRICT;');
    expect(() => loadMigrations(join(dir, 'm'))).toThrowError(expect.objectContaining({ code: 'db/migration-gap' }));
  });

  test('a failing migration leaves the database at the previous version', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', '001_a.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    writeFileSync(join(dir, 'm', '002_b.sql'), 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);');
    const db = new Database(join(dir, 'lib.sqlite'));
    expect(() => migrate(db, { dir: join(dir, 'm') })).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
    db.close();
  });
});
