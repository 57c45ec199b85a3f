// Recognises a file dropped again unchanged (the same raw bytes as a file already imported) before it is parsed.
// The import worker looks up the recorded files of each file's size; the parse thread, which reads the file anyway,
// compares its digest with theirs before parsing it (parse-task.ts). So a file is read once, by its parse thread.
import type { Db } from '../../db/open.ts';
import { knownFilesOfSize, recordedSizes, stillKnown, type KnownFile } from '../../db/file-digests.ts';
import { READERS_VERSION } from './file-digest.ts';
import type { SameBytesItem } from './protocol.ts';

/**
 * The files recorded before an import began, by size. A file of a size never recorded costs a set look-up, not a
 * query. Files recorded during the import are not among them: a copy of a file from the same drop is parsed and then
 * found by its text, as it always was.
 */
export class KnownFiles {
  private readonly sizes: Set<number>;

  constructor(private readonly db: Db) {
    this.sizes = new Set(recordedSizes(db, READERS_VERSION));
  }

  /** The recorded files of exactly this size whose article still has the text they gave; usually none. */
  ofSize(size: number): KnownFile[] {
    return size > 0 && this.sizes.has(size) ? knownFilesOfSize(this.db, size, READERS_VERSION) : [];
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
