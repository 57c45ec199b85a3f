// A small pool of parse threads for one import job: files are parsed in parallel (the import worker only
// stores), and a file whose parse runs over the time limit fails alone: its thread is terminated and replaced,
// which is the only way to stop a synchronous parser stuck in a loop. Each thread holds its next file too, so it
// goes from one file to the next without sleeping and being woken (that wake-up costs more than a small parse).
import type { Worker } from 'node:worker_threads';
import { fail } from './failures.ts';
import type { FromParser, KeyedItem, ParseTask } from './protocol.ts';
import { spawnImportThread } from './spawn.ts';

export const DEFAULT_PARSE_TIMEOUT_MS = 30_000;

interface Job {
  task: ParseTask;
  resolve: (items: KeyedItem[]) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The file being parsed; its time limit is running. */
  job: Job | null;
  /** The file sent ahead: the thread starts it when `job` is done (its clock starts then). */
  next: Job | null;
  timer: NodeJS.Timeout | null;
}

const asItems = (name: string, e: { code: string; message: string }): KeyedItem[] => [{ name, error: { code: e.code, message: e.message } }];

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly size: number, private readonly timeoutMs = DEFAULT_PARSE_TIMEOUT_MS) {}

  /** Parses one file in a pool thread; never rejects (a stuck or crashed parse becomes a failed item). */
  parse(task: Omit<ParseTask, 'id'>): Promise<KeyedItem[]> {
    if (this.closed) return Promise.resolve([]);
    return new Promise((resolve) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve });
      // Threads start lazily: a one-file import starts one thread, not the whole pool.
      if (this.slots.length < this.size && !this.slots.some((s) => !s.job && s.ready)) this.slots.push(this.spawn());
      this.pump();
    });
  }

  /** Starts every thread of the pool now (an import of many files), instead of one per file as they come. */
  startThreads(): void {
    while (!this.closed && this.slots.length < this.size) this.slots.push(this.spawn());
  }

  /** Stops every thread now; files still queued or being parsed resolve with no items (used on cancel and at the end). */
  async dispose(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve([]);
    await Promise.all(this.slots.splice(0).map((s) => {
      this.finish(s, []);
      s.next?.resolve([]);
      s.next = null;
      return s.worker.terminate();
    }));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: spawnImportThread('parse-worker'), ready: false, job: null, next: null, timer: null };
    slot.worker.on('message', (msg: FromParser) => {
      if (msg.type === 'ready') slot.ready = true;
      else if (slot.job?.task.id !== msg.id) return;
      else if (msg.type === 'started') this.startClock(slot);
      else {
        this.finish(slot, msg.items);
        // The thread moves on to the file sent ahead: from now on that one is timed.
        slot.job = slot.next;
        slot.next = null;
        if (slot.job) this.startClock(slot);
      }
      this.pump();
    });
    // A thread that dies while parsing (out of memory, a crash in a library) fails only that file.
    const lost = () => (slot.ready ? this.replace(slot, (name) => asItems(name, fail.crashed(name))) : this.drop(slot));
    slot.worker.on('error', lost);
    slot.worker.on('exit', lost);
    return slot;
  }

  private finish(slot: Slot, items: KeyedItem[]): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    job?.resolve(items);
  }

  /** Fails the slot's file with `why`, terminates its thread and starts a fresh one in its place. */
  private replace(slot: Slot, why: (name: string) => KeyedItem[]): void {
    const i = this.slots.indexOf(slot);
    if (i === -1 || this.closed) return;
    if (slot.job) this.finish(slot, why(slot.job.task.name));
    // The file sent ahead was never started: it goes to another thread.
    if (slot.next) this.queue.unshift(slot.next);
    slot.next = null;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    this.slots[i] = this.spawn();
    this.pump();
  }

  /**
   * (Re)starts the time limit of the slot's file. It never counts the thread's start or loading the PDF reader (the
   * other readers load in milliseconds), so only a parse that is really stuck runs into it.
   */
  private startClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      const seconds = Math.round(this.timeoutMs / 100) / 10;
      this.replace(slot, (name) => asItems(name, fail.timeout(name, seconds)));
    }, this.timeoutMs);
  }

  /** A thread that dies before it is ready is not restarted (that would loop); with none left, queued files fail. */
  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i === -1 || this.closed) return;
    this.slots.splice(i, 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    if (this.slots.length > 0) return;
    for (const job of this.queue.splice(0)) job.resolve(asItems(job.task.name, fail.readerFailed(job.task.name)));
  }

  private pump(): void {
    // Idle threads first, then one file ahead for each busy one.
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      // The clock covers reading the file (a hung disk) and the parse; for a PDF it restarts once its reader is loaded.
      this.startClock(slot);
      slot.worker.postMessage(job.task);
    }
    for (const slot of this.slots) {
      if (!slot.ready || !slot.job || slot.next || this.queue.length === 0) continue;
      slot.next = this.queue.shift()!;
      slot.worker.postMessage(slot.next.task);
    }
  }
}
