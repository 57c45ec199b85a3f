// Opens a library database file with the pragmas every connection needs, and migrates it.
import Database from 'better-sqlite3';
import { assertNotNewer, migrate } from './migrate.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Apply pending migrations (the main connection does; the import worker's connection only checks). */
  migrate?: boolean;
  readonly?: boolean;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: opts.readonly ?? false });
  try {
    // Before anything writes to the file: a library from a newer Dossier must be left exactly as it is.
    assertNotNewer(db);
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // WAL makes NORMAL durable against application crashes; a power cut may lose the last commit, never corrupt.
    db.pragma('synchronous = NORMAL');
    if (opts.migrate !== false) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
