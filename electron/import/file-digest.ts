// A file's raw bytes as the import records them (SHA-256 and size): computed where the bytes already are.
import { createHash } from 'node:crypto';
import type { FileDigest } from '../../db/file-digests.ts';

export function fileDigest(bytes: Uint8Array): FileDigest {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength };
}
