// A power cut or crash during an import must cost nothing: kill the importing process at random points,
// then the database is intact, every article is whole (text, metadata, search entry) or absent, and
// importing the same folder again finishes the job without duplicates.
import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary } from '../../electron/library.ts';
import { repoRoot, tempDir } from '../helpers.ts';

const cli = join(repoRoot, 'dist/cli.mjs');
const COUNT = 1000;

const WORDS = 'Hafen Brücke Gericht Urteil Polizei Energie Strom Preis Miete Wohnung Kanzler Minister Partei Umfrage Hochwasser Dürre Ernte Export Zoll Fabrik Löhne Rente Pflege Krankenhaus'.split(' ');
function articleText(i: number): string {
  let x = i * 104729 + 3;
  const w = () => WORDS[(x = (x * 1103515245 + 12345) & 0x7fffffff) % WORDS.length];
  // Every sentence carries the article's own marker, so no two articles are near-duplicates of each other.
  return `Meldung ${i}: ${w()} und ${w()}\n\n${Array.from({ length: 10 }, (_, s) => `Der ${w()} folgt dem ${w()} in Bezirk ${i}-${s}.`).join(' ')} Kennung kx${i}q.`;
}

function storedCount(lib: string): number {
  try {
    const db = new Database(join(lib, 'library.sqlite'), { readonly: true, timeout: 1000 });
    try { return db.prepare('SELECT count(*) FROM articles').pluck().get() as number; } finally { db.close(); }
  } catch {
    return 0;
  }
}

/**
 * Starts an import and kills the process (SIGKILL: no cleanup, like a crash) after `ms`, or — with
 * `afterCommit` — as soon as more articles are stored than before, i.e. right after a batch committed.
 */
function importAndKill(dir: string, lib: string, ms: number, afterCommit = false): Promise<void> {
  return new Promise((resolve) => {
    const before = storedCount(lib);
    const child = spawn(process.execPath, [cli, 'import', dir, '--library', lib, '--json'], { stdio: 'ignore' });
    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(kill, ms);
    const poll = afterCommit ? setInterval(() => { if (storedCount(lib) > before) kill(); }, 10) : undefined;
    child.on('exit', () => { clearTimeout(timer); clearInterval(poll); resolve(); });
  });
}

describe('crashes during an import', () => {
  const t = tempDir();
  const drop = join(t.dir, 'drop');
  const lib = join(t.dir, 'lib');
  beforeAll(() => {
    if (!existsSync(cli)) execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: repoRoot });
    mkdirSync(drop);
    for (let i = 0; i < COUNT; i++) writeFileSync(join(drop, `meldung-${String(i).padStart(4, '0')}.txt`), articleText(i));
  });
  afterAll(() => t.cleanup());

  test('killing the process at random points never corrupts the library or half-writes an article', async () => {
    // Deterministic "random" kill times spread over the import's life (start-up, mid-batch, commit).
    await importAndKill(drop, lib, 60, false); // during start-up and migration of the new library
    await importAndKill(drop, lib, 30_000, true);
    // That kill came after a commit and before the end: the library now holds part of the folder.
    const partial = storedCount(lib);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(COUNT);
    for (const ms of [150, 300, 500, 800]) await importAndKill(drop, lib, ms);

    const db = new Database(join(lib, 'library.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db.prepare('SELECT id, title, text, content_hash FROM articles').all() as Array<{ id: number; title: string; text: string; content_hash: string }>;
    const bandless = db.prepare('SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_id = a.id)').pluck().get();
    const unlogged = db.prepare('SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_changes c WHERE c.article_id = a.id)').pluck().get();
    db.close();
    expect(rows.length).toBeGreaterThanOrEqual(partial);
    expect({ bandless, unlogged }).toEqual({ bandless: 0, unlogged: 0 });
    for (const r of rows) {
      const i = Number(/Meldung (\d+)/.exec(r.title)?.[1]);
      expect(r.text, r.title).toContain(`Kennung kx${i}q.`);
    }

    // Opening catches the search index up from the change log: every stored article is findable.
    const library = await openLibrary({ dir: lib });
    try {
      for (const r of rows.filter((_, k) => k % 25 === 0)) {
        const i = Number(/Meldung (\d+)/.exec(r.title)![1]);
        expect(library.search(`kx${i}q`).hits.map((h) => h.id), r.title).toContain(r.id);
      }
      const again = await library.importPaths([drop]);
      expect(again.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
      expect(again.duplicates).toBe(rows.length);
      expect(again.imported).toBe(COUNT - rows.length);
      expect(again.duplicates + again.imported).toBe(COUNT);
      expect(library.info().articleCount).toBe(COUNT);
    } finally {
      await library.close();
    }
  });
});
