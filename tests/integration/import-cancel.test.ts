// Cancelling an import: what was committed stays (and is searchable), nothing is half-written,
// and dropping the same files again finishes the job without duplicates.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openLibrary, type Library } from '../../electron/library.ts';
import { createHandlers } from '../../electron/handlers.ts';
import { tempDir } from '../helpers.ts';

const WORDS = ('Regierung Haushalt Schule Bahn Streik Wahl Klima Hafen Brücke Gericht Urteil Polizei Energie Strom Preis ' +
  'Miete Wohnung Kanzler Minister Partei Umfrage Hochwasser Dürre Ernte Export Zoll Fabrik Löhne Rente Pflege ' +
  'Krankenhaus Ärzte Impfung Forschung Universität Studenten Theater Museum Festival Fußball Trainer Verein Tor').split(' ');

function article(i: number): { name: string; bytes: Uint8Array } {
  let x = i * 7919 + 17;
  const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) % WORDS.length;
  const sentence = () => `Die ${WORDS[next()]} und der ${WORDS[next()]} bestimmen den ${WORDS[next()]} in der ${WORDS[next()]}.`;
  const text = `Bericht Nummer ${i} über ${WORDS[next()]}\n\n${Array.from({ length: 12 }, sentence).join(' ')}`;
  return { name: `bericht-${i}.txt`, bytes: new TextEncoder().encode(text) };
}

describe('cancelling an import', () => {
  const t = tempDir();
  let lib: Library;
  const files = Array.from({ length: 450 }, (_, i) => article(i));
  beforeAll(async () => {
    lib = await openLibrary({ dir: t.dir });
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('keeps what was committed, reports the job as cancelled, and a second drop finishes without duplicates', async () => {
    const abort = new AbortController();
    const progress: number[] = [];
    const report = await lib.importFiles(files, {
      signal: abort.signal,
      onProgress: (p) => progress.push(p.done),
      // The first outcomes arrive when the first batch commits: cancel right then.
      onOutcome: () => abort.abort(),
    });
    expect(report.cancelled).toBe(true);
    expect(report.imported).toBeGreaterThan(0);
    expect(report.imported).toBeLessThan(files.length);
    expect(progress.length).toBeGreaterThan(0);
    expect(lib.info().articleCount).toBe(report.imported);
    const committed = report.outcomes.filter((o) => o.status === 'imported');
    const one = committed[committed.length - 1]!;
    expect(lib.get(one.articleId!).article.title).toContain(`Bericht Nummer ${one.file.match(/\d+/)![0]} `);
    expect(lib.search(`"Bericht Nummer ${one.file.match(/\d+/)![0]}"`).hits.map((h) => h.id)).toContain(one.articleId);

    const again = await lib.importFiles(files);
    expect(again.cancelled).toBe(false);
    expect(again.duplicates).toBe(report.imported);
    expect(again.imported).toBe(files.length - report.imported);
    expect(lib.info().articleCount).toBe(files.length);
  });

  test('the app’s cancel call stops a running import and says how many jobs it cancelled', async () => {
    const handlers = createHandlers(lib);
    const more = Array.from({ length: 450 }, (_, i) => article(1000 + i));
    let answer: unknown;
    const report = await lib.importFiles(more, {
      onOutcome: () => { answer ??= handlers['import.cancel']({}); },
    });
    expect(await answer).toEqual({ ok: true, value: 1 });
    expect(report.cancelled).toBe(true);
    expect(report.imported).toBeLessThan(more.length);
    expect(await handlers['import.cancel']({})).toEqual({ ok: true, value: 0 });
  });
});
