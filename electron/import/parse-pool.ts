// A small pool of parse threads: files are parsed in parallel (the import worker only stores), and a file whose
// parse runs over the time limit fails alone: its thread is terminated and replaced, which is the only way to
// stop a synchronous parser stuck in a loop. Small files go in groups, one message per group each way, and each
// thread holds its next group too, so it goes on without sleeping and being woken (a wake-up costs more than a
// small parse). Which file a thread is on, and since when, it notes in shared memory. The import worker keeps
// its pool between jobs for a while (see worker.ts), so its threads are started and warmed up once.
import type { Worker } from 'node:worker_threads';
import type { DossierError } from '../errors.ts';
import { fail } from './failures.ts';
import { PROGRESS_ID, PROGRESS_SINCE, PROGRESS_SLOTS, type FromParser, type KeyedItem, type ParseAnswer, type ParseGroup, type ParseTask } from './protocol.ts';
import { spawnImportThread } from './spawn.ts';

export const DEFAULT_PARSE_TIMEOUT_MS = 30_000;
/** A group holds at most this many files and, beyond its first file, this many bytes (a big file goes alone). */
const GROUP_FILES = 8;
const GROUP_BYTES = 256 * 1024;

interface Job {
  task: ParseTask;
  resolve: (items: ParseAnswer) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Files sent and not answered yet, in the order the thread parses them: the group in hand, then the one ahead. */
  sent: Job[];
  /** Groups sent and not answered (at most two). */
  groups: number;
  /** When the thread was last answered or given work while idle: the clock of a file it has not noted yet. */
  since: number;
  progress: BigInt64Array;
  timer: NodeJS.Timeout | null;
}

const asItems = (name: string, e: DossierError): KeyedItem[] => [{ name, error: e.toData() }];

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  /** `size`: the most threads it starts; `timeoutMs`: the time limit per file. */
  constructor(private readonly size: number, readonly timeoutMs = DEFAULT_PARSE_TIMEOUT_MS) {}

  /** Parses one file in a pool thread; never rejects (a stuck or crashed parse becomes a failed item). */
  parse(task: Omit<ParseTask, 'id'>): Promise<ParseAnswer> {
    if (this.closed) return Promise.resolve([]);
    return new Promise((resolve) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve });
      // Threads start lazily: a one-file import starts one thread, not the whole pool. A thread still starting
      // takes the file once ready (a second thread would start no sooner, and would cost a core meanwhile).
      if (this.slots.length < this.size && !this.slots.some((s) => s.groups === 0)) this.slots.push(this.spawn());
      this.pump();
    });
  }

  /** Starts threads now for `files` files (up to the pool's size), instead of one per file as they come. */
  startThreads(files: number): void {
    while (!this.closed && this.slots.length < Math.min(this.size, files)) this.slots.push(this.spawn());
  }

  /** Stops every thread now; files still queued or being parsed resolve with no items (used on cancel and at the end). */
  async dispose(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve([]);
    await Promise.all(this.slots.splice(0).map((s) => {
      this.stopClock(s);
      for (const job of s.sent.splice(0)) job.resolve([]);
      return s.worker.terminate();
    }));
  }

  private spawn(): Slot {
    const progress = new BigInt64Array(new SharedArrayBuffer(PROGRESS_SLOTS * 8));
    progress[PROGRESS_ID] = -1n;
    const slot: Slot = { worker: spawnImportThread('parse-worker', { workerData: { progress } }), ready: false, sent: [], groups: 0,
      since: 0, progress, timer: null };
    slot.worker.on('message', (msg: FromParser) => {
      if (msg.type === 'ready') slot.ready = true;
      else this.answered(slot, msg.answers);
      this.pump();
    });
    // A thread that dies while parsing (out of memory, a crash in a library) fails only that file.
    const lost = () => (slot.ready ? this.replace(slot, (name) => asItems(name, fail.crashed(name))) : this.drop(slot));
    slot.worker.on('error', lost);
    slot.worker.on('exit', lost);
    return slot;
  }

  private answered(slot: Slot, answers: Array<{ id: number; items: ParseAnswer }>): void {
    slot.groups--;
    slot.since = Date.now();
    for (const { id, items } of answers) {
      // Answers come in the order the files were sent; anything else is a group the pool has given up on.
      if (slot.sent[0]?.task.id !== id) continue;
      slot.sent.shift()!.resolve(items);
    }
    if (slot.sent.length === 0) this.stopClock(slot);
  }

  /** The file the thread is on: the one it noted, else the first it was sent (it has not begun it yet). */
  private current(slot: Slot): { job: Job; since: number } | null {
    const id = Number(Atomics.load(slot.progress, PROGRESS_ID));
    const job = slot.sent.find((j) => j.task.id === id);
    if (job) return { job, since: Number(Atomics.load(slot.progress, PROGRESS_SINCE)) };
    return slot.sent[0] ? { job: slot.sent[0], since: slot.since } : null;
  }

  /** Fails the slot's current file with `why`, terminates its thread and starts a fresh one in its place. */
  private replace(slot: Slot, why: (name: string) => KeyedItem[]): void {
    const i = this.slots.indexOf(slot);
    if (i === -1 || this.closed) return;
    this.stopClock(slot);
    const culprit = this.current(slot)?.job;
    // The thread's other files go to another thread, in their order; those it had parsed but not yet sent are parsed again.
    const others = slot.sent.filter((j) => j !== culprit);
    slot.sent = [];
    culprit?.resolve(why(culprit.task.name));
    this.queue.unshift(...others);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    this.slots[i] = this.spawn();
    this.pump();
  }

  /**
   * Times the slot's files one after another: each may run for the time limit from when the thread began it. It never
   * counts the thread's start or loading the PDF reader (the thread restarts the clock then), so only a parse that is
   * really stuck runs into it.
   */
  private watch(slot: Slot, delay = this.timeoutMs): void {
    if (slot.timer) return;
    slot.timer = setTimeout(() => {
      slot.timer = null;
      const now = this.current(slot);
      if (!now) return;
      const left = now.since + this.timeoutMs - Date.now();
      if (left > 0) return this.watch(slot, left);
      const seconds = Math.round(this.timeoutMs / 100) / 10;
      this.replace(slot, (name) => asItems(name, fail.timeout(name, seconds)));
    }, delay);
  }

  private stopClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
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

  /** The next files from the queue that go together in one message. */
  private nextGroup(): Job[] {
    const group = [this.queue.shift()!];
    let bytes = group[0]!.task.size;
    while (group.length < GROUP_FILES && this.queue.length > 0 && bytes + this.queue[0]!.task.size <= GROUP_BYTES) {
      const job = this.queue.shift()!;
      bytes += job.task.size;
      group.push(job);
    }
    return group;
  }

  private send(slot: Slot): void {
    const group = this.nextGroup();
    if (slot.sent.length === 0) slot.since = Date.now();
    slot.sent.push(...group);
    slot.groups++;
    slot.worker.postMessage({ tasks: group.map((j) => j.task) } satisfies ParseGroup);
    this.watch(slot);
  }

  private pump(): void {
    // Idle threads first, then one group ahead for each busy one.
    for (const slot of this.slots) if (slot.ready && slot.groups === 0 && this.queue.length > 0) this.send(slot);
    for (const slot of this.slots) if (slot.ready && slot.groups === 1 && this.queue.length > 0) this.send(slot);
  }
}
