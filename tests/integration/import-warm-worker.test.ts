// Drops in a row on one library run on the same import worker and parse threads (started and warmed up once);
// a cancelled or crashed import's worker is never reused, and closing the library stops the idle one. A worker
// started ahead of a drop (files dragged over the window, `dossier import` starting) is the one the drop runs on.
import { afterAll, describe, expect, test, vi } from 'vitest';
import { openLibrary } from '../../electron/library.ts';
import { createHandlers } from '../../electron/handlers.ts';
import { prepareImportWorker } from '../../electron/import/worker-host.ts';
import { tempDir } from '../helpers.ts';

type RecordedWorker = { terminate(): Promise<number>; once(event: 'exit', f: () => void): void; threadId: number };
const importWorkers = vi.hoisted(() => [] as RecordedWorker[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class Recorded extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      // From sources the thread boots from a data: URL that names the entry module.
      if (decodeURIComponent(String(args[0])).includes('import/worker.ts')) importWorkers.push(this);
    }
  }
  return { ...real, Worker: Recorded, default: { ...real, Worker: Recorded } };
});

const file = (i: number, words = 30) => ({
  name: `meldung-${i}.txt`,
  bytes: new TextEncoder().encode(`Meldung ${i} aus dem Rathaus\n\n${Array.from({ length: words }, (_, k) => `Der Rat beschließt Punkt ${i}-${k} der Tagesordnung.`).join(' ')}`),
});
const exited = (w: RecordedWorker) => new Promise<void>((resolve) => w.once('exit', resolve));

describe('the import worker between drops', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  test('a second and third drop reuse the first drop\'s worker, with the same outcomes as a fresh one', async () => {
    const lib = await openLibrary({ dir: t.dir });
    try {
      const first = await lib.importFiles([file(1), file(2)]);
      expect(first.imported).toBe(2);
      expect(importWorkers).toHaveLength(1);
      const second = await lib.importFiles([file(3), file(1)]);
      expect(second.outcomes.map((o) => o.status)).toEqual(['imported', 'duplicate']);
      const third = await lib.importFiles(Array.from({ length: 40 }, (_, i) => file(10 + i)));
      expect(third.imported).toBe(40);
      expect(importWorkers).toHaveLength(1);
      expect(lib.search('Tagesordnung').total).toBe(43);
    } finally {
      await lib.close();
    }
  });

  test('closing the library stops its idle worker; the next open starts a new one', async () => {
    const lib = await openLibrary({ dir: t.dir });
    const before = importWorkers.length;
    await lib.importFiles([file(100)]);
    expect(importWorkers).toHaveLength(before + 1);
    const gone = exited(importWorkers.at(-1)!);
    await lib.close();
    await gone;
    const again = await openLibrary({ dir: t.dir });
    try {
      expect((await again.importFiles([file(100)])).duplicates).toBe(1);
      expect(importWorkers).toHaveLength(before + 2);
    } finally {
      await again.close();
    }
  });

  test('after a cancelled import and after an idle worker dies, the next drop starts a fresh worker and imports', async () => {
    const lib = await openLibrary({ dir: t.dir });
    try {
      const before = importWorkers.length;
      const abort = new AbortController();
      const cancelled = await lib.importFiles(Array.from({ length: 400 }, (_, i) => file(1000 + i, 60)), {
        signal: abort.signal, onOutcome: () => abort.abort(),
      });
      expect(cancelled.cancelled).toBe(true);
      const next = await lib.importFiles([file(5000)]);
      expect(next.imported).toBe(1);
      expect(importWorkers).toHaveLength(before + 2);

      // The worker now idle dies (as if it crashed): the library notices, and the next drop does not hang on it.
      const idle = importWorkers.at(-1)!;
      const gone = exited(idle);
      await idle.terminate();
      await gone;
      const after = await lib.importFiles([file(5001)]);
      expect(after.imported).toBe(1);
      expect(importWorkers).toHaveLength(before + 3);
    } finally {
      await lib.close();
    }
  });

  test('files dragged over the window start the worker ahead; the drop runs on it, and a second hint starts nothing', async () => {
    const lib = await openLibrary({ dir: t.dir });
    try {
      const before = importWorkers.length;
      const handlers = createHandlers(lib, () => undefined);
      expect(await handlers['import.prepare']({})).toEqual({ ok: true, value: null });
      lib.prepareImport();
      expect(importWorkers).toHaveLength(before + 1);
      const report = await lib.importFiles([file(7000), file(7001), file(7000)]);
      expect(report.outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'duplicate']);
      expect(importWorkers).toHaveLength(before + 1);
      expect(lib.search('7001').total).toBe(1);
    } finally {
      await lib.close();
    }
  });

  test('a hint during an import starts nothing; a prepared worker never used is stopped when the library closes', async () => {
    const lib = await openLibrary({ dir: t.dir });
    const before = importWorkers.length;
    const running = lib.importFiles(Array.from({ length: 30 }, (_, i) => file(8000 + i)));
    lib.prepareImport();
    expect((await running).imported).toBe(30);
    expect(importWorkers).toHaveLength(before + 1);
    await lib.close();

    const other = await openLibrary({ dir: t.dir });
    other.prepareImport();
    expect(importWorkers).toHaveLength(before + 2);
    const gone = exited(importWorkers.at(-1)!);
    await other.close();
    await gone;
    other.prepareImport(); // closed: nothing starts
    expect(importWorkers).toHaveLength(before + 2);
  });

  test('a worker started before any library is open (the CLI starting up) is taken by the first import', async () => {
    const before = importWorkers.length;
    prepareImportWorker(null);
    expect(importWorkers).toHaveLength(before + 1);
    const lib = await openLibrary({ dir: t.dir });
    try {
      lib.prepareImport(); // one is waiting already
      expect((await lib.importFiles([file(9000)])).imported).toBe(1);
      expect(importWorkers).toHaveLength(before + 1);
    } finally {
      await lib.close();
    }
  });
});
