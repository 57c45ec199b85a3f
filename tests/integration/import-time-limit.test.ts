// The per-file time limit: a file whose parse hangs is stopped (its parse thread is terminated and replaced),
// fails alone with a reason, and the files around it import. Cancel also stops a parse that is stuck.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openLibrary, type Library } from '../../electron/library.ts';
import { tempDir } from '../helpers.ts';

const text = (name: string, title: string) => ({
  name,
  bytes: new TextEncoder().encode(`${title}\n\nDer Stadtrat hat am Dienstag über den neuen Haushalt für ${title} beraten. `
    + 'Die Opposition kritisierte die geplanten Kürzungen bei Schulen und Bibliotheken scharf.'),
});

describe('a file that takes too long to read', () => {
  const t = tempDir();
  let lib: Library;
  beforeAll(async () => {
    // The hanging parse is injected by name (test-only option); it spins synchronously, like a pathological file.
    lib = await openLibrary({ dir: t.dir, parseTimeoutMs: 2000, hangOnNamesForTests: ['stuck.txt'] });
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('fails alone with "took too long to read" and the rest of the batch imports', async () => {
    const files = [text('erste.txt', 'Bonn'), text('stuck.txt', 'Köln'), text('zweite.txt', 'Aachen'), text('dritte.txt', 'Essen')];
    const report = await lib.importFiles(files);
    expect(report.outcomes.map((o) => [o.file, o.status])).toEqual([
      ['erste.txt', 'imported'], ['stuck.txt', 'failed'], ['zweite.txt', 'imported'], ['dritte.txt', 'imported'],
    ]);
    const stuck = report.outcomes[1]!;
    expect(stuck.error?.code).toBe('import/timeout');
    expect(stuck.error?.message).toContain('stuck.txt took too long to read (over 2 s)');
    expect(lib.info().articleCount).toBe(3);
    expect(lib.search('Aachen').hits).toHaveLength(1);
  }, 30_000);

  test('cancel stops a stuck parse at once instead of waiting for the time limit', async () => {
    const slow = await openLibrary({ dir: tempDir().dir, parseTimeoutMs: 600_000, hangOnNamesForTests: ['stuck.txt'] });
    const abort = new AbortController();
    const report = await slow.importFiles([text('stuck.txt', 'Köln')], {
      signal: abort.signal,
      onProgress: (p) => { if (p.current === 'stuck.txt') abort.abort(); },
    });
    expect(report.cancelled).toBe(true);
    expect(report.imported).toBe(0);
    await slow.close();
  }, 30_000);
});
