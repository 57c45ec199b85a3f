// A parse thread of the import's pool: parses one file at a time and answers with its items. The pool may
// terminate it at any moment (time limit, cancel); it holds no state worth keeping.
import { parentPort } from 'node:worker_threads';
import type { FromParser, ParseTask } from './protocol.ts';
import { runParseTask } from './parse-task.ts';

const port = parentPort!;
port.on('message', (task: ParseTask) => {
  const started = () => port.postMessage({ type: 'started', id: task.id } satisfies FromParser);
  void runParseTask(task, started).then((items) => port.postMessage({ type: 'parsed', id: task.id, items } satisfies FromParser));
});
port.postMessage({ type: 'ready' } satisfies FromParser);
