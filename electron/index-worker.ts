// The index rebuild thread: reads every article through its own read-only SQLite connection (WAL lets it read
// beside the writer), builds the search index, saves it and hands the bytes back to the main thread.
import { parentPort } from 'node:worker_threads';
import { openDatabase, type Db } from '../db/open.ts';
import { buildIndex, writeIndexBytes } from './library-index.ts';
import type { FromIndexWorker, ToIndexWorker } from './index-build.ts';

const port = parentPort!;
const post = (msg: FromIndexWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

port.once('message', (msg: ToIndexWorker) => {
  let db: Db | undefined;
  try {
    db = openDatabase(msg.dbFile, { readonly: true, migrate: false });
    const { index, lastChangeId } = buildIndex(db, (done, total) => post({ type: 'progress', done, total }));
    const bytes = index.serialize({ lastChangeId });
    const saved = writeIndexBytes(msg.indexFile, bytes, `${msg.indexFile}.build.tmp`);
    post({ type: 'done', bytes, lastChangeId, saved }, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  } finally {
    db?.close();
  }
});
