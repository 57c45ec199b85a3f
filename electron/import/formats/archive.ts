// .zip archives of articles: every entry is parsed like a dropped file and named "a.zip/inner/b.txt".
// Limits: entry count and declared total size before unpacking, real bytes while unpacking (shared by
// nested archives), nesting depth. A breach fails the archive it happens in as import/zip-bomb.
import type { DossierError } from '../../errors.ts';
import { fail } from '../failures.ts';
import { listZip, readZipEntry, type ZipEntry } from '../zip-reader.ts';

export interface ArchiveLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxDepth: number;
}

/** Bytes still allowed to be unpacked, shared across nested archives of one dropped file. */
export interface Budget {
  remaining: number;
}

const SKIPPED = /(?:^|\/)(?:__MACOSX|\.[^/]*|Thumbs\.db|desktop\.ini)(?:\/|$)/i;

/** Entries worth importing: files, not folders, OS metadata or hidden files. */
export function importableEntries(entries: ZipEntry[]): ZipEntry[] {
  return entries.filter((e) => !e.isDirectory && !SKIPPED.test(e.name));
}

/**
 * Unpacks an archive and parses every entry with `parseInner`; entries that are too large or
 * password-protected fail alone. Throws import/zip-bomb / import/corrupt for the archive as a whole.
 */
export async function parseArchive<T>(
  bytes: Uint8Array, fileName: string, depth: number, limits: ArchiveLimits, budget: Budget,
  parseInner: (name: string, data: Uint8Array, depth: number) => Promise<T[]>,
  failed: (name: string, error: DossierError) => T,
): Promise<T[]> {
  if (depth >= limits.maxDepth) throw fail.zipBomb(fileName, `it is an archive nested ${depth + 1} levels deep inside other archives`);
  const entries = importableEntries(listZip(bytes, fileName, { maxEntries: limits.maxEntries, maxTotalBytes: budget.remaining }));
  if (entries.length === 0) throw fail.noText(fileName, 'archive');
  const out: T[] = [];
  for (const e of entries) {
    const name = `${fileName}/${e.name}`;
    if (e.size > limits.maxEntryBytes) {
      out.push(failed(name, fail.tooLarge(name, e.size, limits.maxEntryBytes)));
      continue;
    }
    if (e.encrypted) {
      out.push(failed(name, fail.unsupported(name, 'password-protected inside its archive')));
      continue;
    }
    let data: Uint8Array;
    try {
      data = readZipEntry(bytes, e, fileName, Math.min(limits.maxEntryBytes, budget.remaining));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'import/zip-bomb') throw err;
      out.push(failed(name, err as DossierError));
      continue;
    }
    budget.remaining -= data.length;
    out.push(...await parseInner(name, data, depth + 1));
  }
  return out;
}
