// A small ZIP reader for archives, DOCX and ODT, built for hostile input: the central directory is
// checked against entry-count and total-size limits before anything is inflated, and inflation counts
// real output bytes in small steps, so a header that lies about its size cannot exhaust memory.
import { Inflate } from 'fflate';
import { fail } from './failures.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Uncompressed size as the archive declares it (checked while inflating). */
  size: number;
  localOffset: number;
  encrypted: boolean;
  isDirectory: boolean;
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of all declared uncompressed sizes. */
  maxTotalBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STEP = 16 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** True for the local-file-header magic that starts every ZIP (and DOCX, ODT, XLSX...). */
export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && u32(b, 0) === LOCAL || (b.length >= 22 && u32(b, 0) === EOCD);
}

/** What a damaged ZIP container was meant to be, for messages: DOCX and ODT are ZIPs too. */
export function zipKind(fileName: string): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'docx' || ext === 'docm') return 'a Word document (DOCX)';
  if (ext === 'odt' || ext === 'ott') return 'an OpenDocument text (ODT)';
  return 'a ZIP archive';
}

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

function entryName(raw: Uint8Array, utf8Flag: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: !utf8Flag }).decode(raw);
  } catch {
    return Buffer.from(raw).toString('latin1');
  }
}

/** Reads the central directory. Throws import/corrupt (truncated, not a zip) or import/zip-bomb (limits). */
export function listZip(b: Uint8Array, fileName: string, limits: ZipLimits, kind = zipKind(fileName)): ZipEntry[] {
  const eocd = findEocd(b);
  if (eocd < 0) throw fail.corrupt(fileName, kind, 'the file is cut off or not a complete archive');
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw fail.unsupported(fileName, 'a ZIP64 archive (over 4 GB or 65,535 files)');
  if (count > limits.maxEntries) throw fail.zipBomb(fileName, `it holds ${count} files, more than the limit of ${limits.maxEntries}`);
  if (cdOffset + cdSize > eocd) throw fail.corrupt(fileName, kind, 'its table of contents points outside the file');
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let p = cdOffset, i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) throw fail.corrupt(fileName, kind, 'its table of contents is damaged');
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const name = entryName(b.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    const entry: ZipEntry = {
      name, method: u16(b, p + 10), compressedSize: u32(b, p + 20), size: u32(b, p + 24), localOffset: u32(b, p + 42),
      encrypted: (flags & 1) !== 0, isDirectory: name.endsWith('/'),
    };
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw fail.zipBomb(fileName, `it would unpack to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB`);
    }
    entries.push(entry);
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

/**
 * Inflates one entry, refusing to produce more than `limit` bytes or more than the entry declares
 * (import/zip-bomb). Throws import/corrupt for damaged data and import/unsupported for other methods.
 */
export function readZipEntry(b: Uint8Array, e: ZipEntry, fileName: string, limit: number): Uint8Array {
  if (e.encrypted) throw fail.unsupported(`${fileName}/${e.name}`, 'password-protected');
  const p = e.localOffset;
  if (p + 30 > b.length || u32(b, p) !== LOCAL) throw fail.corrupt(fileName, 'a ZIP archive', `the entry ${e.name} is damaged`);
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw fail.corrupt(fileName, 'a ZIP archive', 'the file is cut off');
  const data = b.subarray(start, end);
  if (e.method === 0) return data;
  if (e.method !== 8) throw fail.unsupported(`${fileName}/${e.name}`, 'compressed with a method Dossier cannot unpack');
  const max = Math.min(limit, e.size);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > max) throw fail.zipBomb(fileName, `${e.name} unpacks to more than it claims or than the limit allows`);
    chunks.push(chunk);
  });
  try {
    for (let o = 0; o < data.length; o += STEP) inflate.push(data.subarray(o, Math.min(o + STEP, data.length)), o + STEP >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    if ((err as { code?: string }).code === 'import/zip-bomb') throw err;
    throw fail.corrupt(fileName, 'a ZIP archive', `the entry ${e.name} is damaged`);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(produced);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Reads one named entry (e.g. "word/document.xml"), or null when the archive has none. */
export function readNamed(b: Uint8Array, entries: ZipEntry[], name: string, fileName: string, limit: number): Uint8Array | null {
  const e = entries.find((x) => x.name === name);
  return e ? readZipEntry(b, e, fileName, limit) : null;
}
