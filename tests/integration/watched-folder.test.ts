// The watched folder imports what is saved into it, once, and only after the file has finished writing.
import { afterEach, describe, expect, test } from 'vitest';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../electron/library.ts';
import { watchFolder, isTransientName } from '../../electron/desktop/watched-folder.ts';
import type { ImportReport } from '../../electron/article.ts';
import { tempDir } from '../helpers.ts';

const until = async (cond: () => boolean, what: string, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
};

const article = (title: string) => `${title}\n\nBerlin, 24. November 2026. Die Bundesregierung hat am Montag ein neues Gesetz zur Pressefreiheit vorgestellt, das Quellen von Journalistinnen und Journalisten besser schützen soll.\n`;

describe('the watched folder', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup() {
    const t = tempDir('dossier-watch-');
    cleanups.push(t.cleanup);
    const folder = join(t.dir, 'inbox');
    mkdirSync(folder);
    writeFileSync(join(folder, 'already-there.txt'), article('Schon vorher da'));
    const library: Library = await openLibrary({ dir: join(t.dir, 'lib') });
    cleanups.push(() => library.close());
    const reports: ImportReport[] = [];
    const dispose = watchFolder(folder, library, { debounceMs: 100, stableMs: 300, onImported: (r) => void reports.push(r) });
    cleanups.push(dispose);
    return { folder, library, reports };
  }

  test('a file saved into it is imported once; files that were there before are left alone', async () => {
    const { folder, library, reports } = await setup();
    writeFileSync(join(folder, 'neu.txt'), article('Neues Gesetz zur Pressefreiheit'));
    await until(() => reports.length > 0, 'the import');
    expect(reports.flatMap((r) => r.outcomes.map((o) => o.status))).toEqual(['imported']);
    expect(library.list({}).map((a) => a.title)).toEqual(['Neues Gesetz zur Pressefreiheit']);
    await new Promise((ok) => setTimeout(ok, 800));
    expect(reports).toHaveLength(1);
  });

  test('a file still being written is imported whole, after it stopped growing', async () => {
    const { folder, library, reports } = await setup();
    const file = join(folder, 'langsam.txt');
    writeFileSync(file, 'Langsam geschrieben\n\n');
    for (let i = 0; i < 6; i++) {
      await new Promise((ok) => setTimeout(ok, 120));
      appendFileSync(file, `Absatz ${i}: Die Ministerin kündigte weitere Schritte zum Schutz von Quellen an. `);
    }
    await until(() => reports.length > 0, 'the import');
    await new Promise((ok) => setTimeout(ok, 800));
    const stored = library.list({});
    expect(stored).toHaveLength(1);
    expect(library.get(stored[0]!.id).article.text).toContain('Absatz 5');
  });

  test('partial downloads and lock files are never imported', async () => {
    expect(['bericht.pdf.crdownload', 'x.part', '~$brief.docx', '.DS_Store', 'a.tmp'].every(isTransientName)).toBe(true);
    expect(isTransientName('bericht.pdf')).toBe(false);
    const { folder, library, reports } = await setup();
    writeFileSync(join(folder, 'bericht.txt.crdownload'), article('Halb geladen'));
    writeFileSync(join(folder, 'fertig.txt'), article('Fertig geladen'));
    await until(() => reports.length > 0, 'the import');
    expect(library.list({}).map((a) => a.title)).toEqual(['Fertig geladen']);
  });
});
