// Recognises a file dropped again unchanged (the same raw bytes as a file already imported) before it is parsed.
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/open.ts';
import { knownFilesOfSize, stillKnown, type KnownFile } from '../../db/file-digests.ts';
import { fileDigest, READERS_VERSION } from './file-digest.ts';
import type { ParseTask, SameBytesItem } from './protocol.ts';

/**
 * The recorded file with exactly these bytes whose article still has the text it gave, or null. A file of a size
 * never recorded costs one indexed lookup and is not read; only a size match reads and hashes it.
 */
export function recogniseFile(db: Db, source: ParseTask['source'], size: number): KnownFile | null {
  if (size === 0) return null;
  const candidates = knownFilesOfSize(db, size, READERS_VERSION);
  if (candidates.length === 0) return null;
  let bytes: Uint8Array;
  try {
    bytes = 'path' in source ? readFileSync(source.path) : source.bytes;
  } catch {
    return null; // the parse reports it as unreadable
  }
  if (bytes.byteLength !== size) return null;
  const { sha256 } = fileDigest(bytes);
  return candidates.find((c) => c.sha256 === sha256) ?? null;
}

/**
 * The store's item for a recognised file, checked again just before it is stored (earlier files of the same import
 * may have replaced its article by a newer version since it was recognised), or null: then it is parsed after all.
 */
export function sameBytesItem(db: Db, name: string, known: KnownFile): SameBytesItem | null {
  const article = stillKnown(db, known);
  return article ? { name, sameBytes: { duplicateOf: article, title: known.title } } : null;
}
