// The main thread's side of the briefing thread (briefing-worker.ts): one long-lived worker, started on the
// first briefing, answering requests in order. If the thread fails, the caller falls back to the main thread.
import type { Worker } from 'node:worker_threads';
import type { Briefing } from './article.ts';
import type { BriefingReply, BriefingRequest } from './briefing-worker.ts';
import { DossierError } from './errors.ts';
import type { Period } from './period.ts';
import { spawnThread } from './threads.ts';

export class BriefingThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (b: Briefing) => void; reject: (e: Error) => void }>();

  constructor(private readonly dbFile: string) {}

  /** The briefing of `period`, built off the main thread. Rejects with the thread's DossierError, or `internal`. */
  build(period: Period): Promise<Briefing> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const req: BriefingRequest = { id, from: period.from ? period.from.toISOString() : null, to: period.to.toISOString() };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // keep a CLI process alive while a briefing is being built
      worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    const worker = spawnThread('briefing-worker.mjs', new URL('./briefing-worker.ts', import.meta.url), { workerData: { dbFile: this.dbFile } });
    worker.on('message', (m: BriefingReply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (!p) return;
      if (m.ok) p.resolve(m.briefing);
      else p.reject(new DossierError(m.error.code, m.error.message));
    });
    const fail = (e: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(new DossierError('internal', `The briefing thread stopped: ${e.message}`));
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
