// Bytes -> string for text-based formats: byte-order marks, declared charsets, strict UTF-8, then
// statistical detection (chardet) for legacy 8-bit files. Detects, never guesses: binary junk and
// undecodable text are refused instead of being stored as mojibake.
import { isAscii as isAsciiBytes, isUtf8, transcode } from 'node:buffer';
import { createRequire } from 'node:module';
import { fail } from './failures.ts';

// The legacy-charset tools load on first use: every parse thread loads its modules afresh, and nearly every
// file is UTF-8 (or ASCII), which needs neither.
const requireCjs = createRequire(import.meta.url);
let chardetModule: typeof import('chardet') | null = null;
let iconvModule: typeof import('iconv-lite') | null = null;
const chardet = () => (chardetModule ??= requireCjs('chardet') as typeof import('chardet'));
const iconv = () => (iconvModule ??= requireCjs('iconv-lite') as typeof import('iconv-lite'));

export interface Decoded {
  text: string;
  /** The charset actually used, WHATWG/iconv label in lower case ('utf-8', 'windows-1252', ...). */
  charset: string;
}

const SAMPLE = 64 * 1024;

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** The charset announced by a byte-order mark, and how many bytes it takes. */
export function bomCharset(b: Uint8Array): { charset: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** UTF-16 without a BOM shows up as a NUL in every other byte of Latin text. */
export function utf16WithoutBom(b: Uint8Array): string | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control bytes no text file has: what looksBinary counts (tab, line breaks, form feed and escape are fine). */
const ODD_CONTROL = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/;

/** True when an 8-bit file holds control bytes no text file has (NUL, or more than 1% other controls). */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, SAMPLE);
  // Nearly every file has none: one native search of the sample (as Latin-1, byte for byte) settles it.
  if (!ODD_CONTROL.test(asBuffer(b).toString('latin1', 0, n))) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c >= 0x20 && c !== 0x7f) continue;
    if (c === 0) return true;
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x1b) continue;
    controls++;
  }
  return controls > n * 0.01;
}

/** A charset declared inside the document: `<meta charset>`, `http-equiv` content type, or the XML declaration. */
export function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

let icuTranscode = true;

/** Valid UTF-8 as a string: ICU's conversion to UTF-16 and a copy take half the time of V8's UTF-8 decoder. */
function utf8String(b: Uint8Array): string {
  if (icuTranscode) {
    try {
      return transcode(b, 'utf8', 'utf16le').toString('utf16le');
    } catch {
      icuTranscode = false; // a runtime built without ICU
    }
  }
  return asBuffer(b).toString('utf8');
}

/**
 * Strict UTF-8 (what TextDecoder with fatal: true accepts), or null: Node's native checks, then the fastest
 * decoding for the bytes (pure ASCII is copied as Latin-1). A news page took a millisecond with TextDecoder.
 */
function tryUtf8(b: Uint8Array): string | null {
  if (isAsciiBytes(b)) return asBuffer(b).toString('latin1');
  return isUtf8(b) ? utf8String(b) : null;
}

/** iconv-lite first: Node 20's TextDecoder decodes "windows-1252" as Latin-1 and loses €, „ “ and dashes. */
function decodeWith(b: Uint8Array, charset: string): string | null {
  if (iconv().encodingExists(charset)) return iconv().decode(asBuffer(b), charset, { stripBOM: false });
  try {
    return new TextDecoder(charset, { ignoreBOM: true }).decode(b);
  } catch {
    return null;
  }
}

/** ISO-8859-15 differs from -1 mainly in 0xA4: the euro sign, which sits next to digits. */
function euroSignLikely(b: Uint8Array): boolean {
  const n = Math.min(b.length, SAMPLE);
  const digit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0xa4) continue;
    if (digit(b[i - 1]) || digit(b[i - 2]) || digit(b[i + 1]) || digit(b[i + 2])) return true;
  }
  return false;
}

const LATIN_FAMILY = /^(iso-8859-(1|2|9|15)|windows-125[0248])$/;

/** Picks a legacy charset from chardet's ranking; Western European texts settle on windows-1252 or ISO-8859-15. */
function detectLegacy(b: Uint8Array): string | null {
  const ranked = chardet().analyse(b.subarray(0, SAMPLE))
    .map((m) => ({ name: m.name.toLowerCase(), confidence: m.confidence }))
    .filter((m) => !m.name.startsWith('utf'));
  const best = ranked[0];
  if (!best) return null;
  if (LATIN_FAMILY.test(best.name) || best.confidence < 50) {
    // chardet cannot tell the Western variants apart; the bytes can.
    if (best.name.endsWith('-2') || best.name === 'windows-1250') return best.confidence >= 50 ? best.name : 'windows-1252';
    return euroSignLikely(b) ? 'iso-8859-15' : 'windows-1252';
  }
  return best.name;
}

function replacementShare(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i !== -1; i = s.indexOf('\uFFFD', i + 1)) n++;
  return s.length === 0 ? 0 : n / s.length;
}

/**
 * Decodes a text file. Order: BOM, UTF-16 without BOM, binary check, declared charset (trusted only if
 * the bytes agree), strict UTF-8, then detection. Throws import/binary or import/encoding.
 */
export function decodeText(bytes: Uint8Array, name: string, declared?: string | null): Decoded {
  const bom = bomCharset(bytes);
  if (bom) {
    const text = new TextDecoder(bom.charset, { ignoreBOM: true }).decode(bytes.subarray(bom.skip));
    if (bom.charset !== 'utf-8' && replacementShare(text) > 0.01) throw fail.encoding(name);
    return { text, charset: bom.charset };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    if (replacementShare(text) > 0.01) throw fail.binary(name);
    return { text, charset: utf16 };
  }
  if (looksBinary(bytes)) throw fail.binary(name);
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  let charset: string | null = null;
  if (declared && !/^utf-?8$/.test(declared) && !declared.startsWith('utf-16')) charset = declared;
  charset ??= detectLegacy(bytes);
  if (!charset) throw fail.encoding(name);
  if (charset === 'iso-8859-1' || charset === 'us-ascii' || charset === 'latin1') charset = 'windows-1252';
  const text = decodeWith(bytes, charset);
  if (text === null || replacementShare(text) > 0.01) throw fail.encoding(name);
  return { text, charset };
}
