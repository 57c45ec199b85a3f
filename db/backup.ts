// Whole-library backups: SQLite's online backup API (consistent while the library is in use), checked with
// integrity_check before it is trusted, written beside the target and renamed so a failed backup leaves no file.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import type { Db } from './open.ts';
import { assertNotNewer } from './migrate.ts';
import { DossierError } from '../electron/errors.ts';

/** Throws db/backup-damaged unless `file` is a readable SQLite database that passes integrity_check. */
export function verifyDatabaseFile(file: string): { articles: number; notes: number; version: number } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(String(ok));
    assertNotNewer(db);
    const count = (t: string) => db!.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return { articles: count('articles'), notes: count('notes'), version: db.pragma('user_version', { simple: true }) as number };
  } catch (e) {
    if ((e as { code?: string }).code === 'db/newer-than-app') throw e;
    throw new DossierError('db/backup-damaged', `${file} is not a usable Dossier backup (${(e as Error).message}).`);
  } finally {
    db?.close();
  }
}

/** Writes a consistent copy of the open database to `file` and verifies it. */
export async function backupDatabase(db: Db, file: string): Promise<{ articles: number; notes: number }> {
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  try {
    await db.backup(tmp);
    const counts = verifyDatabaseFile(tmp);
    renameSync(tmp, file);
    return counts;
  } catch (e) {
    rmSync(tmp, { force: true });
    if ((e as { code?: string }).code?.startsWith('db/')) throw e;
    throw new DossierError('db/backup-failed', `The backup could not be written to ${file}: ${(e as Error).message}`);
  }
}

/**
 * Replaces the database file `target` by the verified backup `source`. The current file is first copied to
 * `<target>.before-restore-<time>`; that path is returned so nothing is ever overwritten without a copy.
 * The library must be closed while this runs.
 */
export function restoreDatabase(source: string, target: string, now = new Date()): { savedCopy: string | null; articles: number; notes: number } {
  const counts = verifyDatabaseFile(source);
  let savedCopy: string | null = null;
  if (existsSync(target)) {
    savedCopy = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const current = new Database(target, { fileMustExist: true });
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
    copyFileSync(target, savedCopy);
  }
  const tmp = `${target}.restoring`;
  copyFileSync(source, tmp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(tmp, target);
  return { savedCopy, ...counts };
}
