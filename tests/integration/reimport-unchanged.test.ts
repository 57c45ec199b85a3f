// Re-dropping files already imported: a file with exactly the bytes of an imported one is a duplicate of its article
// without being parsed; anything else (changed bytes, article gone or replaced, mailboxes, feeds, archives) is parsed.
// "Not parsed" is proven without timing: the re-import runs with every file's parser set to hang (test-only option),
// so a file that is parsed fails with import/timeout, while a recognised one comes back as a duplicate.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { ImportOutcome } from '../../electron/article.ts';
import { DB_FILE, openLibrary, type Library } from '../../electron/library.ts';
import { openDatabase } from '../../db/open.ts';
import { logChange } from '../../db/changes.ts';
import { fixturesDir, junkBytes, tempDir } from '../helpers.ts';
import { version } from '../fixtures/article-versions.ts';

const FIXTURES = join(fixturesDir, 'import');
/** Fixtures that hold several articles (or an archive of files): never recorded by their bytes, always parsed. */
const SEVERAL = ['archiv.zip', 'briefe.mbox', 'feed.atom', 'feed.json', 'feed.rss'];
const TIME_LIMIT_MS = 400;

const temps: Array<() => void> = [];
afterAll(() => temps.forEach((c) => c()));

/** A library folder with a folder `mappe` holding every import fixture. */
function setUp(): { dir: string; folder: string; names: string[] } {
  const t = tempDir();
  temps.push(t.cleanup);
  const folder = join(t.dir, 'mappe');
  mkdirSync(folder);
  const files = readdirSync(FIXTURES).sort();
  for (const f of files) copyFileSync(join(FIXTURES, f), join(folder, f));
  return { dir: t.dir, folder, names: files.map((f) => `mappe/${f}`) };
}

/** Runs `fn` with a library on `dir` (hanging parsers for the given names, if any) and closes it. */
async function withLibrary<T>(dir: string, hang: string[] | null, fn: (lib: Library) => Promise<T>): Promise<T> {
  const lib = await openLibrary(hang ? { dir, parseTimeoutMs: TIME_LIMIT_MS, hangOnNamesForTests: hang } : { dir });
  try {
    return await fn(lib);
  } finally {
    await lib.close();
  }
}

function withDb<T>(dir: string, fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(join(dir, DB_FILE));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const digestCount = (dir: string) => withDb(dir, (db) => db.prepare('SELECT count(*) FROM file_digests').pluck().get() as number);
const parsed = (o: ImportOutcome) => o.status === 'failed' && o.error?.code === 'import/timeout';
const brief = (outcomes: ImportOutcome[]) => outcomes.map((o) => ({ file: o.file, status: o.status, duplicateOf: o.duplicateOf, title: o.title }));

describe('re-dropping files already imported', () => {
  test('an unchanged folder gives the outcomes a full parse gives, without parsing its single-article files', async () => {
    // Reference: the same folder imported twice where nothing is known by its bytes (the digests are deleted), so
    // everything is parsed the second time, as before this change.
    const ref = setUp();
    await withLibrary(ref.dir, null, (lib) => lib.importPaths([ref.folder]));
    withDb(ref.dir, (db) => db.prepare('DELETE FROM file_digests').run());
    const full = (await withLibrary(ref.dir, null, (lib) => lib.importPaths([ref.folder]))).outcomes;

    const s = setUp();
    const first = await withLibrary(s.dir, null, (lib) => lib.importPaths([s.folder]));
    const ofSeveral = (file: string) => SEVERAL.some((f) => file.startsWith(`mappe/${f}`));
    // Single-article files that gave an article of their own (some fixtures repeat another's text: those are duplicates).
    const single = first.outcomes.filter((o) => !ofSeveral(o.file) && o.status === 'imported').map((o) => o.file);
    expect(single.length).toBeGreaterThanOrEqual(6);
    const recorded = digestCount(s.dir);
    expect(recorded).toBeGreaterThanOrEqual(single.length);

    const again = await withLibrary(s.dir, s.names, (lib) => lib.importPaths([s.folder]));
    // Mailboxes, feeds and archives are parsed (their parse hangs and runs into the time limit); the rest are not.
    for (const o of again.outcomes.filter((x) => ofSeveral(x.file))) expect(parsed(o), o.file).toBe(true);
    expect(brief(again.outcomes.filter((o) => single.includes(o.file)))).toEqual(brief(full.filter((o) => single.includes(o.file))));
    expect(brief(again.outcomes.filter((o) => single.includes(o.file))).every((o) => o.status === 'duplicate')).toBe(true);
    expect(digestCount(s.dir)).toBe(recorded); // failed files are never recorded
  }, 60_000);

  test('a copy under another name, dropped as a path or as bytes, is a duplicate without parsing', async () => {
    const s = setUp();
    const first = await withLibrary(s.dir, null, (lib) => lib.importPaths([s.folder]));
    const docx = first.outcomes.find((o) => o.file === 'mappe/stahlgipfel.docx')!;
    const pdf = first.outcomes.find((o) => o.file === 'mappe/brueckensperre.pdf')!;
    const copies = join(s.dir, 'kopien');
    mkdirSync(copies);
    copyFileSync(join(s.folder, 'stahlgipfel.docx'), join(copies, 'anderer-name.docx'));
    const bytes = new Uint8Array(readFileSync(join(s.folder, 'brueckensperre.pdf')));
    const hang = ['kopien/anderer-name.docx', 'gezogen.pdf'];
    const [byPath, byBytes] = await withLibrary(s.dir, hang, async (lib) =>
      [await lib.importPaths([copies]), await lib.importFiles([{ name: 'gezogen.pdf', bytes }])]);
    expect(byPath.outcomes).toEqual([{ file: 'kopien/anderer-name.docx', status: 'duplicate',
      duplicateOf: { id: docx.articleId, title: docx.title }, title: docx.title }]);
    expect(byBytes.outcomes).toEqual([{ file: 'gezogen.pdf', status: 'duplicate',
      duplicateOf: { id: pdf.articleId, title: pdf.title }, title: pdf.title }]);
  }, 60_000);

  test('files recorded by an earlier version of the readers are read anew, and then known again', async () => {
    const s = setUp();
    await withLibrary(s.dir, null, (lib) => lib.importPaths([s.folder]));
    withDb(s.dir, (db) => db.prepare('UPDATE file_digests SET readers = readers - 1').run());
    const docx = 'mappe/stahlgipfel.docx';
    const outcome = (r: { outcomes: ImportOutcome[] }) => r.outcomes.find((o) => o.file === docx)!;
    const stale = await withLibrary(s.dir, [docx], (lib) => lib.importPaths([s.folder]));
    expect(parsed(outcome(stale))).toBe(true);
    await withLibrary(s.dir, null, (lib) => lib.importPaths([s.folder])); // read by today's readers, recorded again
    const known = await withLibrary(s.dir, [docx], (lib) => lib.importPaths([s.folder]));
    expect(outcome(known).status).toBe('duplicate');
  }, 60_000);

  test('a file replaced by different bytes of the same size is parsed again', async () => {
    const s = setUp();
    await withLibrary(s.dir, null, (lib) => lib.importPaths([s.folder]));
    const file = join(s.folder, 'klimabericht.md');
    const before = readFileSync(file);
    const changed = Buffer.from(before);
    const at = changed.indexOf('e'.charCodeAt(0));
    changed[at] = 'a'.charCodeAt(0);
    expect(changed.length).toBe(before.length);
    expect(changed.equals(before)).toBe(false);
    writeFileSync(file, changed);
    const r = await withLibrary(s.dir, ['klimabericht.md'], (lib) => lib.importPaths([file]));
    expect(parsed(r.outcomes[0]!)).toBe(true);
  }, 60_000);

  test('a file whose article was deleted is imported again, and its article\'s record goes with it', async () => {
    const s = setUp();
    const file = join(s.folder, 'seite.html');
    const first = await withLibrary(s.dir, null, (lib) => lib.importPaths([file]));
    expect(digestCount(s.dir)).toBe(1);
    withDb(s.dir, (db) => db.transaction(() => {
      const id = first.outcomes[0]!.articleId!;
      db.prepare('DELETE FROM articles WHERE id = ?').run(id);
      logChange(db, id, 'delete');
    })());
    expect(digestCount(s.dir)).toBe(0);
    const r = await withLibrary(s.dir, null, (lib) => lib.importPaths([file]));
    expect(r.outcomes).toEqual([expect.objectContaining({ file: 'seite.html', status: 'imported', title: first.outcomes[0]!.title })]);
  }, 60_000);

  test('a file whose article another file has replaced by a newer version is parsed again, and updates it back as before', async () => {
    const t = tempDir();
    temps.push(t.cleanup);
    for (const [sub, edited] of [['alt', false], ['neu', true]] as const) {
      mkdirSync(join(t.dir, sub));
      writeFileSync(join(t.dir, sub, 'haushalt.txt'), version(edited));
    }
    const old = join(t.dir, 'alt', 'haushalt.txt');
    const edited = join(t.dir, 'neu', 'haushalt.txt');
    const first = await withLibrary(t.dir, null, async (lib) => [await lib.importPaths([old]), await lib.importPaths([edited])]);
    expect(first.map((r) => r.outcomes[0]!.status)).toEqual(['imported', 'updated']);
    const hanging = await withLibrary(t.dir, ['haushalt.txt'], (lib) => lib.importPaths([old]));
    expect(parsed(hanging.outcomes[0]!)).toBe(true);
    const back = await withLibrary(t.dir, null, (lib) => lib.importPaths([old]));
    expect(back.outcomes[0]).toMatchObject({ status: 'updated', articleId: first[0]!.outcomes[0]!.articleId });
  }, 60_000);

  test('two versions of one article dropped together again both update it, as a full parse does', async () => {
    const t = tempDir();
    temps.push(t.cleanup);
    const folder = join(t.dir, 'versionen');
    for (const [sub, edited] of [['a', false], ['b', true]] as const) {
      mkdirSync(join(folder, sub), { recursive: true });
      writeFileSync(join(folder, sub, 'haushalt.txt'), version(edited));
    }
    const runs = await withLibrary(t.dir, null, async (lib) => [await lib.importPaths([folder]), await lib.importPaths([folder])]);
    // The newer version (b) was recorded when it updated the article, but the older one (a) puts the old text back
    // first in the same import: b is recognised by its bytes, then found replaced in its turn, and parsed.
    expect(runs.map((r) => r.outcomes.map((o) => o.status))).toEqual([['imported', 'updated'], ['updated', 'updated']]);
  }, 60_000);

  test('a failed file is not recorded, so dropping it again reads it again', async () => {
    const t = tempDir();
    temps.push(t.cleanup);
    const junk = { name: 'kaputt.pdf', bytes: new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...junkBytes(4000)]) };
    const first = await withLibrary(t.dir, null, (lib) => lib.importFiles([junk]));
    expect(first.outcomes[0]!.status).toBe('failed');
    expect(digestCount(t.dir)).toBe(0);
  }, 60_000);

  test('a big folder dropped again (sizes read once, not looked up per file) is recognised; its new files are parsed', async () => {
    const t = tempDir();
    temps.push(t.cleanup);
    const folder = join(t.dir, 'meldungen');
    mkdirSync(folder);
    const write = (i: number) => writeFileSync(join(folder, `meldung-${i}.txt`), `Meldung ${i}\n\n`
      + `Der Stadtrat beriet am Dienstag zum ${i}. Mal über den Haushalt, die Kürzungen bei Schulen und die Zukunft der Bibliothek Nummer ${i}.`);
    for (let i = 0; i < 90; i++) write(i);
    const first = await withLibrary(t.dir, null, (lib) => lib.importPaths([folder]));
    expect(first.imported).toBe(90);
    write(90);
    write(91);
    const names = [...Array(92).keys()].map((i) => `meldungen/meldung-${i}.txt`);
    const again = await withLibrary(t.dir, names, (lib) => lib.importPaths([folder]));
    const byFile = new Map(again.outcomes.map((o) => [o.file, o]));
    for (const o of first.outcomes) expect(byFile.get(o.file), o.file).toEqual({ file: o.file, status: 'duplicate', duplicateOf: { id: o.articleId, title: o.title }, title: o.title });
    // The two new files are parsed (their parse hangs and runs into the time limit).
    expect(parsed(byFile.get('meldungen/meldung-90.txt')!) && parsed(byFile.get('meldungen/meldung-91.txt')!)).toBe(true);
  }, 60_000);
});
