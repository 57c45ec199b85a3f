// A parse thread of the import's pool: parses one file at a time and answers with its items. The pool may
// terminate it at any moment (time limit, cancel); it holds no state worth keeping.
import { parentPort } from 'node:worker_threads';
import type { FromParser, KeyedItem, ParseTask } from './protocol.ts';
import { runParseTask } from './parse-task.ts';

const port = parentPort!;
// The pool sends the next file ahead of time: files are parsed strictly one after another (a PDF parse awaits).
let previous: Promise<void> = Promise.resolve();
port.on('message', (task: ParseTask) => {
  const started = () => port.postMessage({ type: 'started', id: task.id } satisfies FromParser);
  const answer = (items: KeyedItem[]) => port.postMessage({ type: 'parsed', id: task.id, items } satisfies FromParser);
  // runParseTask answers bad files with items; a rejection would be a bug, and must not stall the files behind it.
  previous = previous.then(() => runParseTask(task, started)).then(answer, (e: unknown) => answer([{ name: task.name,
    error: { code: 'import/internal', message: `${task.name} could not be imported: ${(e as Error).message}` } }]));
});
port.postMessage({ type: 'ready' } satisfies FromParser);
