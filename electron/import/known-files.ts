// Recognises a file dropped again unchanged (the same raw bytes as a file already imported) before it is parsed.
// The import worker looks up the recorded files of each file's size; the parse thread, which reads the file anyway,
// compares its digest with theirs before parsing it (parse-task.ts). So a file is read once, by its parse thread.
import type { Db } from '../../db/open.ts';
import { knownFilesOfSize, recordedSizes, stillKnown, type KnownFile } from '../../db/file-digests.ts';
import { READERS_VERSION } from './file-digest.ts';
import type { SameBytesItem } from './protocol.ts';

/** Up to this many files, an import looks each file's size up on its own; more, and it reads all recorded sizes once. */
const LOOK_UP_EACH = 64;

/**
 * The recorded files, by size. A big import reads the sizes recorded before it began once (an index-only scan, about
 * 25 ms for 100,000 files), so a file of a size never recorded costs a set look-up, not a query; files recorded
 * during the import are not among them (a copy of a file from the same drop is parsed and then found by its text,
 * as it always was). A small drop, into a big library, looks up each file's size instead.
 */
export class KnownFiles {
  private readonly sizes: Set<number> | null;

  constructor(private readonly db: Db, files: number) {
    this.sizes = files > LOOK_UP_EACH ? new Set(recordedSizes(db)) : null;
  }

  /** The recorded files of exactly this size, read by today's readers, whose article still has their text; usually none. */
  ofSize(size: number): KnownFile[] {
    if (size === 0 || (this.sizes && !this.sizes.has(size))) return [];
    return knownFilesOfSize(this.db, size, READERS_VERSION);
  }
}

/**
 * The store's item for a recognised file, checked again just before it is stored (earlier files of the same import
 * may have replaced its article by a newer version since it was recognised), or null: then it is parsed after all.
 */
export function sameBytesItem(db: Db, name: string, known: KnownFile): SameBytesItem | null {
  const article = stillKnown(db, known);
  return article ? { name, sameBytes: { duplicateOf: article, title: known.title } } : null;
}
