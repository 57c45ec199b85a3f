// The saved index file: a binary container of named, 8-byte-aligned sections behind a small JSON header,
// with a checksum. Typed arrays load as views on the file's bytes (no parsing), which is what makes a
// 100k-article index open in well under a second.
import { DossierError } from '../errors.ts';

const MAGIC = 'DOSSIDX\n';
export const INDEX_FORMAT = 'dossier-index/2';

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;
const KINDS = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array, f64: Float64Array } as const;
type Kind = keyof typeof KINDS;

export interface Header {
  format: string;
  analyzerVersion: number;
  lastChangeId: number;
  /** Small structured data (interned names, counts). */
  meta: Record<string, unknown>;
}

interface SectionEntry { name: string; kind: Kind; offset: number; length: number }

const corrupt = (why: string): DossierError => new DossierError('search/index-corrupt', `The saved search index is damaged (${why}); it will be rebuilt.`);
const stale = (): DossierError => new DossierError('search/index-stale', 'The saved search index was made by another version of Dossier; it will be rebuilt.');

function kindOf(a: Typed): Kind {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  return 'f64';
}

function checksum(bytes: Uint8Array, end: number): number {
  // FNV-1a over 32-bit words (the payload is 8-byte aligned): fast enough for 100 MB at load.
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, end / 4);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 16777619);
  return h >>> 0;
}

const align8 = (n: number): number => (n + 7) & ~7;

export function writeIndexFile(header: Header, sections: Record<string, Typed>): Uint8Array {
  const entries: SectionEntry[] = [];
  let offset = 0;
  for (const [name, a] of Object.entries(sections)) {
    entries.push({ name, kind: kindOf(a), offset, length: a.length });
    offset = align8(offset + a.byteLength);
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, sections: entries }));
  const dataStart = align8(MAGIC.length + 4 + headerBytes.length);
  const total = dataStart + offset + 8;
  const out = new Uint8Array(total);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length, true);
  out.set(headerBytes, MAGIC.length + 4);
  for (const e of entries) {
    const a = sections[e.name]!;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + e.offset);
  }
  new DataView(out.buffer).setUint32(total - 8, checksum(out, total - 8), true);
  return out;
}

/** Reads a file written by writeIndexFile; a file from another format or analyzer version is stale, anything else off is corrupt. */
export function readIndexFile(data: Uint8Array | string, analyzerVersion: number): { header: Header; sections: Record<string, Typed> } {
  if (typeof data === 'string') {
    // An index saved as JSON by an earlier version, or binary read as text: either way not ours to load.
    if (data.startsWith('{')) throw stale();
    throw corrupt('read as text; pass the file bytes');
  }
  let bytes = data;
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  if (bytes.length < MAGIC.length + 12 || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) {
    if (bytes[0] === 0x7b) throw stale();
    throw corrupt('not an index file');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  if (MAGIC.length + 4 + headerLength > bytes.length) throw corrupt('truncated header');
  let parsed: Header & { sections?: SectionEntry[] };
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)));
  } catch {
    throw corrupt('unreadable header');
  }
  if (parsed.format !== INDEX_FORMAT || parsed.analyzerVersion !== analyzerVersion) throw stale();
  if (bytes.length % 8 !== 0 || (bytes.length - 8) % 4 !== 0) throw corrupt('truncated');
  if (view.getUint32(bytes.length - 8, true) !== checksum(bytes, bytes.length - 8)) throw corrupt('checksum mismatch');
  const dataStart = align8(MAGIC.length + 4 + headerLength);
  const sections: Record<string, Typed> = {};
  for (const e of parsed.sections ?? []) {
    const Ctor = KINDS[e.kind];
    if (!Ctor) throw corrupt(`unknown section type ${e.kind}`);
    const start = dataStart + e.offset;
    if (start + e.length * Ctor.BYTES_PER_ELEMENT > bytes.length - 8) throw corrupt(`section ${e.name} out of bounds`);
    sections[e.name] = new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset + start, e.length);
  }
  const { sections: _omit, ...header } = parsed;
  void _omit;
  return { header, sections };
}
