// The import worker dying mid-import (terminated at random moments, as if it crashed): the import reports
// import/worker-crashed, the library stays intact, every article whole or absent, and dropping the same files
// again finishes the job without duplicates. (Killing the whole process is crash-recovery.test.ts.)
import { afterAll, describe, expect, test, vi } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary } from '../../electron/library.ts';
import { tempDir } from '../helpers.ts';
import { markedArticle } from '../fuzz/kill.ts';
import { rng } from '../fuzz/inputs.ts';

const workers = vi.hoisted(() => [] as Array<{ terminate(): Promise<number> }>);
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      workers.push(this);
    }
  }
  return { ...real, Worker: RecordedWorker, default: { ...real, Worker: RecordedWorker } };
});

const COUNT = 700;
const files = Array.from({ length: COUNT }, (_, i) => ({ name: `w-${i}.txt`, bytes: new TextEncoder().encode(markedArticle(50_000 + i)) }));

describe('the import worker crashing', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  test('terminating the worker at random points never half-writes an article; a re-import completes the job', async () => {
    const lib = await openLibrary({ dir: t.dir });
    const r = rng(2026);
    let crashed = 0;
    let leftUnfinished = 0; // crashes after which part of the batch was still missing
    try {
      for (let k = 0; k < 6; k++) {
        const before = workers.length;
        // Half the kills right after a batch committed (first outcome), half after a random delay.
        const delay = k % 2 === 0 ? null : 20 + Math.floor(r() * 300);
        let timer: NodeJS.Timeout | undefined;
        const job = lib.importFiles(files, {
          onOutcome: () => { if (delay === null) void workers[before]?.terminate(); },
        });
        if (delay !== null) timer = setTimeout(() => void workers[before]?.terminate(), delay);
        try {
          await job;
        } catch (e) {
          crashed++;
          expect(e).toMatchObject({ code: 'import/worker-crashed', message: expect.stringMatching(/stopped unexpectedly/) });
          if (lib.info().articleCount < COUNT) leftUnfinished++;
        } finally {
          clearTimeout(timer);
        }
      }
      expect(crashed).toBeGreaterThan(0);
      const stored = lib.list({ limit: 10_000 });
      expect(stored.length).toBeGreaterThan(0);
      // Each attempt re-imports the same files, so the attempts together may finish the job; a crash must not.
      expect(leftUnfinished).toBeGreaterThan(0);
      for (const a of stored) {
        const i = Number(/Meldung (\d+)/.exec(a.title)![1]);
        expect(lib.get(a.id).article.text, a.title).toContain(`Kennung kx${i}q.`);
      }
      for (const a of stored.filter((_, n) => n % 20 === 0)) {
        const i = Number(/Meldung (\d+)/.exec(a.title)![1]);
        expect(lib.search(`kx${i}q`).hits.map((h) => h.id)).toEqual([a.id]);
      }
      const again = await lib.importFiles(files);
      expect(again.failed).toBe(0);
      expect(again.duplicates).toBe(stored.length);
      expect(again.imported).toBe(COUNT - stored.length);
      expect(lib.info().articleCount).toBe(COUNT);
    } finally {
      await lib.close();
    }
    const db = new Database(join(t.dir, 'library.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_changes c WHERE c.article_id = a.id)').pluck().get()).toBe(0);
    db.close();
  }, 120_000);
});
