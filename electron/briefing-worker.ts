// The briefing thread: builds briefings on its own SQLite connection, so that a full theme recompute (seconds
// at 10k articles, a minute at 100k) never blocks the main process: search, reading and notes go on meanwhile.
// It persists what it computes (theme state, assignments, details) like the main thread's LibraryThemes would;
// a revision stamp in theme_state tells the main thread that its copy is stale.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open.ts';
import { LibraryThemes } from './library-themes.ts';
import { isDossierError } from './errors.ts';

export type BriefingRequest = { id: number; from: string | null; to: string };
export type BriefingReply =
  | { id: number; ok: true; briefing: import('./article.ts').Briefing }
  | { id: number; ok: false; error: { code: string; message: string } };

const db = openDatabase((workerData as { dbFile: string }).dbFile, { migrate: false });
const themes = new LibraryThemes(db);

parentPort!.on('message', (m: BriefingRequest | 'close') => {
  if (m === 'close') { db.close(); process.exit(0); }
  let reply: BriefingReply;
  try {
    reply = { id: m.id, ok: true, briefing: themes.briefing({ from: m.from ? new Date(m.from) : null, to: new Date(m.to) }) };
  } catch (e) {
    // A DossierError keeps its code and message; anything else is a bug, reported as such by the main thread.
    reply = { id: m.id, ok: false, error: isDossierError(e) ? { code: e.code, message: e.message } : { code: 'internal', message: String((e as Error)?.stack ?? e) } };
  }
  parentPort!.postMessage(reply);
});
