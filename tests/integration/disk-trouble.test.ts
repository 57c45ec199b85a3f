// A full disk or a read-only library folder: a clear error (library/disk-full, library/not-writable), nothing
// corrupted, everything stored before intact. Simulated with a small tmpfs, which needs root and mount(8);
// elsewhere the tests skip and say why. (chmod does not stop root from writing, so it cannot simulate read-only.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary, DB_FILE, type Library } from '../../electron/library.ts';
import { createHandlers } from '../../electron/handlers.ts';
import { tempDir } from '../helpers.ts';
import { markedArticle } from '../fuzz/kill.ts';
import { junkBytes } from '../helpers.ts';

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const t = tempDir('dossier-mount-probe-');
  try {
    return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', t.dir]).status === 0
      && spawnSync('umount', [t.dir]).status === 0;
  } finally {
    t.cleanup();
  }
}
const mountable = canMount();
const why = mountable ? '' : ' (skipped: needs root and mount -t tmpfs to simulate a full or read-only disk)';

const text = (i: number) => ({ name: `m-${i}.txt`, bytes: new TextEncoder().encode(markedArticle(i)) });
/** Distinct, incompressible-ish articles (a text that is not a near-duplicate of any other). */
const bulky = (i: number) => ({ name: `gross-${i}.txt`, bytes: new TextEncoder().encode(`Langer Bericht ${i}\n\n${Array.from(junkBytes(150_000, i + 1), (b) => 'abcdefghijklmnopqrstuvwxyzäöü '[b % 30]).join('')}`) });

/** Checks a copy: a WAL database on a read-only disk cannot even be opened read-only (it needs its -shm file). */
function integrity(dir: string): { check: unknown; articles: number; ids: number[] } {
  const t = tempDir('dossier-check-');
  for (const f of [DB_FILE, `${DB_FILE}-wal`]) if (existsSync(join(dir, f))) copyFileSync(join(dir, f), join(t.dir, f));
  const db = new Database(join(t.dir, DB_FILE));
  try {
    return { check: db.pragma('integrity_check', { simple: true }), articles: db.prepare('SELECT count(*) FROM articles').pluck().get() as number,
      ids: db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[] };
  } finally {
    db.close();
    t.cleanup();
  }
}

describe.skipIf(!mountable)(`a library on a disk that fills up${why}`, () => {
  const t = tempDir();
  const mnt = join(t.dir, 'mnt');
  let lib: Library;
  beforeAll(() => {
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]);
  });
  afterAll(async () => {
    await lib?.close().catch(() => undefined);
    spawnSync('umount', [mnt]);
    t.cleanup();
  });

  test('an import that fills the disk fails with library/disk-full and earlier articles stay intact', async () => {
    lib = await openLibrary({ dir: mnt });
    const first = await lib.importFiles(Array.from({ length: 5 }, (_, i) => text(i)));
    expect(first.imported).toBe(5);
    const before = new Map(lib.list().map((a) => [a.id, Number(/Meldung (\d+)/.exec(a.title)![1])]));

    const big = Array.from({ length: 60 }, (_, i) => bulky(i)); // ~9 MB of text for a 4 MB disk
    await expect(lib.importFiles(big)).rejects.toMatchObject({ code: 'library/disk-full', message: expect.stringContaining('full') });

    // What was stored before is untouched and still found; the failed batch left nothing half-written.
    for (const [id, i] of before) {
      expect(lib.get(id).article.text).toContain(`Kennung kx${i}q.`);
      expect(lib.search(`kx${i}q`).hits.map((h) => h.id)).toEqual([id]);
    }
    const count = lib.info().articleCount;
    expect(count).toBeGreaterThanOrEqual(5);
    expect(readdirSync(mnt).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // The app's door says the same, as data. Batches it committed before the disk was full stay (a batch is
    // committed every 100 ms), so the count is taken again: what the library reports is what is on disk.
    const r = await createHandlers(lib)['articles.import']({ files: big });
    expect(r, JSON.stringify(r).slice(0, 600)).toMatchObject({ ok: false, error: { code: 'library/disk-full' } });
    const stored = lib.info().articleCount;
    expect(stored).toBeGreaterThanOrEqual(count);
    await lib.close();
    const after = integrity(mnt);
    expect(after.check).toBe('ok');
    expect(after.articles).toBe(stored);
    for (const id of before.keys()) expect(after.ids).toContain(id);

    // Reopening works and every stored article is whole.
    lib = await openLibrary({ dir: mnt });
    expect(lib.info().articleCount).toBe(stored);
    for (const a of lib.list({ limit: 1000 })) expect(lib.get(a.id).article.text.length).toBeGreaterThan(50);
  }, 120_000);
});

describe.skipIf(!mountable)(`a read-only library folder${why}`, () => {
  const t = tempDir();
  const mnt = join(t.dir, 'ro');
  const hash = () => createHash('sha256').update(readFileSync(join(mnt, DB_FILE))).digest('hex');
  beforeAll(async () => {
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mnt]);
    const lib = await openLibrary({ dir: mnt });
    await lib.importFiles([text(1), text(2)]);
    await lib.close();
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
  });
  afterAll(() => {
    spawnSync('umount', [mnt]);
    t.cleanup();
  });

  test('opening it fails with library/not-writable and leaves the database file as it was', async () => {
    const before = hash();
    await expect(openLibrary({ dir: mnt })).rejects.toMatchObject({ code: 'library/not-writable', message: expect.stringContaining(mnt) });
    expect(hash()).toBe(before);
    expect(integrity(mnt)).toMatchObject({ check: 'ok', articles: 2 });
  });

  test('the CLI says so in words, with a non-zero exit and no stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'list', '--library', mnt], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[library/not-writable]');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
