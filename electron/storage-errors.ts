// Turns the disk's and SQLite's low-level failures (disk full, read-only folder, I/O errors) into
// DossierErrors a journalist can act on. SQLite rolls back the failed transaction, so the library stays as it was.
import { DossierError } from './errors.ts';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const READ_ONLY = new Set(['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'EROFS', 'EACCES', 'EPERM']);

/** A DossierError for a storage failure, or null when `e` is something else. */
export function storageError(e: unknown): DossierError | null {
  const code = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '';
  if (FULL.has(code)) {
    return new DossierError('library/disk-full',
      'The disk holding your library is full, so Dossier stopped writing. Everything stored before is intact; free some space and try again.');
  }
  if (READ_ONLY.has(code) || code.startsWith('SQLITE_READONLY')) {
    return new DossierError('library/not-writable',
      'Dossier may not write to the library folder (it is read-only or access was denied). Nothing was changed; check the folder and try again.');
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new DossierError('library/io-error',
      'The disk reported an error while Dossier was writing. The last step was undone and your library is intact; check the disk and try again.');
  }
  return null;
}
