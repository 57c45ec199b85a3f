// A parse thread of the import's pool: parses the files of each group it is sent in turn and answers once per group.
// Before each file it notes in shared memory which file it is on and since when, so the pool can time every file
// without a message per file. The pool may terminate it at any moment (time limit, cancel); it holds no state worth keeping.
import { parentPort, workerData } from 'node:worker_threads';
import { PROGRESS_ID, PROGRESS_SINCE, type FromParser, type ParseAnswer, type ParseGroup, type ParseTask } from './protocol.ts';
import { fail } from './failures.ts';
import { runParseTask } from './parse-task.ts';

const port = parentPort!;
const progress = (workerData as { progress: BigInt64Array }).progress;

/** Starts the clock of file `id` (again, once a PDF's reader is loaded); the time first, so a new id never has an old time. */
function clock(id: number): void {
  Atomics.store(progress, PROGRESS_SINCE, BigInt(Date.now()));
  Atomics.store(progress, PROGRESS_ID, BigInt(id));
}

async function parseOne(task: ParseTask): Promise<ParseAnswer> {
  clock(task.id);
  try {
    return await runParseTask(task, () => clock(task.id));
  } catch (e) {
    // runParseTask answers bad files with items; a rejection would be a bug, and must not stall the files behind it.
    return [{ name: task.name, error: fail.internal(task.name, (e as Error).message).toData() }];
  }
}

// The pool sends the next group ahead of time: groups, and files in them, are parsed strictly one after another.
let previous: Promise<void> = Promise.resolve();
port.on('message', (group: ParseGroup) => {
  previous = previous.then(async () => {
    const answers: Array<{ id: number; items: ParseAnswer }> = [];
    for (const task of group.tasks) answers.push({ id: task.id, items: await parseOne(task) });
    port.postMessage({ type: 'parsed', answers } satisfies FromParser);
  }).catch(() => undefined); // an answer that cannot be sent: its files run into the time limit; the next group still goes
});
port.postMessage({ type: 'ready' } satisfies FromParser);
