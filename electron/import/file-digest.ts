// A file's raw bytes as the import records them (SHA-256 and size): computed where the bytes already are.
import { createHash } from 'node:crypto';
import type { FileDigest } from '../../db/file-digests.ts';

/**
 * The readers' version. A recorded file counts only for the readers that read it: bump this when a reader gets
 * different text or metadata out of the same bytes (a better extractor, a fixed charset), and files dropped again
 * are read anew, once, by the new readers (and so update their articles where the text changed).
 */
export const READERS_VERSION = 2;

export function fileDigest(bytes: Uint8Array): FileDigest {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, readers: READERS_VERSION };
}
