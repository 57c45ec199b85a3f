// Which format a file is, by content first: magic bytes for binary formats, then the opening of the
// decoded text (markup, feed roots, mail headers). The extension only breaks ties between text formats.
import { bomCharset, utf16WithoutBom } from './charset.ts';
import { isZip } from './zip-reader.ts';

/** True when text starts like an RFC 822 message (header lines, including a typical mail header). */
export function looksLikeEmail(head: string): boolean {
  const headers = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const lines = headers.split(/\r?\n/).filter((l) => l && !/^[ \t]/.test(l));
  if (lines.length < 2 || lines.filter((l) => /^[!-9;-~]+:/.test(l)).length < lines.length * 0.8) return false;
  return /^(?:from|date|subject|message-id|received|return-path|mime-version|to|delivered-to):/im.test(headers);
}

export type BinarySniff = { kind: 'pdf' } | { kind: 'zip' } | { kind: 'unsupported'; what: string } | { kind: 'text' };
export type TextKind = 'html' | 'mhtml' | 'feed' | 'json-feed' | 'json' | 'xml' | 'email' | 'mbox' | 'markdown' | 'text';

const ascii = (b: Uint8Array, at: number, s: string) => {
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

const MAGIC: Array<[(b: Uint8Array) => boolean, string]> = [
  [(b) => b[0] === 0x89 && ascii(b, 1, 'PNG'), 'a PNG image, not a text document'],
  [(b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, 'a JPEG image, not a text document'],
  [(b) => ascii(b, 0, 'GIF8'), 'a GIF image, not a text document'],
  [(b) => ascii(b, 0, 'II*\0') || ascii(b, 0, 'MM\0*'), 'a TIFF image (a scan?); run it through text recognition (OCR) and import the result'],
  [(b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'), 'a WebP image, not a text document'],
  [(b) => ascii(b, 0, 'RIFF'), 'an audio or video file, not a text document'],
  [(b) => ascii(b, 4, 'ftyp') || ascii(b, 0, 'ID3') || ascii(b, 0, 'OggS') || ascii(b, 0, 'fLaC'), 'an audio or video file, not a text document'],
  [(b) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0, 'an old-style Office document (.doc/.xls); save it as DOCX or PDF and import that'],
  [(b) => ascii(b, 0, '{\\rtf'), 'a Rich Text (RTF) document; save it as DOCX or PDF and import that'],
  [(b) => b[0] === 0x1f && b[1] === 0x8b, 'a gzip archive; unpack it, or pack the files as .zip'],
  [(b) => ascii(b, 0, '7z') && b[2] === 0xbc, 'a 7-Zip archive; unpack it, or pack the files as .zip'],
  [(b) => ascii(b, 0, 'Rar!'), 'a RAR archive; unpack it, or pack the files as .zip'],
  [(b) => ascii(b, 0, 'SQLite format 3'), 'a database file, not a text document'],
  [(b) => ascii(b, 0, '\x7fELF'), 'a program, not a text document'],
  [(b) => ascii(b, 0, '%!PS'), 'a PostScript file; print it to PDF and import that'],
];

/** Binary formats by their magic bytes; everything else is handed on as (possibly) text. */
export function sniffBinary(b: Uint8Array): BinarySniff {
  // Some PDF writers put junk before the header; readers accept it within the first kilobyte.
  const start = Math.min(b.length, 1024);
  for (let i = 0; i + 5 <= start; i++) if (b[i] === 0x25 && ascii(b, i, '%PDF-')) return { kind: 'pdf' };
  if (isZip(b)) return { kind: 'zip' };
  for (const [test, what] of MAGIC) if (test(b)) return { kind: 'unsupported', what };
  return { kind: 'text' };
}

/** The first few kilobytes as text, good enough to look for markers (ASCII in every charset we accept). */
export function headText(b: Uint8Array, size = 4096): string {
  const bom = bomCharset(b);
  const charset = bom?.charset ?? utf16WithoutBom(b);
  if (charset && charset !== 'utf-8') return new TextDecoder(charset).decode(b.subarray(bom?.skip ?? 0, size * 2));
  return Buffer.from(b.buffer, b.byteOffset + (bom?.skip ?? 0), Math.min(size, b.length - (bom?.skip ?? 0))).toString('latin1');
}

export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The name of the first element, past the XML declaration, comments and doctype. */
function rootElement(t: string): string | null {
  const m = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>))*\s*<([A-Za-z][\w:.-]*)/i.exec(t);
  return m ? m[1]!.toLowerCase() : null;
}

/** Text formats by their opening; `head` comes from headText. */
export function sniffText(head: string, name: string): TextKind {
  const ext = extensionOf(name);
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (/^From \S[^\n]*\n/.test(t) && looksLikeEmail(t.slice(t.indexOf('\n') + 1))) return 'mbox';
  if (t.startsWith('<')) {
    const root = rootElement(t);
    if (root === 'rss' || root === 'rdf:rdf' || root === 'feed') return 'feed';
    if (root === 'html' || /^<!doctype html/i.test(t) || ['head', 'body', 'meta', 'title', 'div', 'p', 'article'].includes(root ?? '')) return 'html';
    if (['html', 'htm', 'xhtml'].includes(ext)) return 'html';
    if (root) return 'xml';
  }
  if (t.startsWith('{') || t.startsWith('[')) {
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(t) ? 'json-feed' : 'json';
  }
  if (looksLikeEmail(t)) {
    return /^content-type:\s*multipart\/related/im.test(t) && (ext === 'mht' || ext === 'mhtml' || /text\/html/i.test(t)) ? 'mhtml' : 'email';
  }
  if (['md', 'markdown', 'mdown', 'mkd', 'mdx'].includes(ext)) return 'markdown';
  if (/^#{1,6} \S/.test(t) || (t.match(/^#{1,6} \S/gm)?.length ?? 0) >= 2 || /^---\r?\n(?:\w+:.*\r?\n)+---\r?\n/.test(t)) return 'markdown';
  if (['html', 'htm', 'xhtml'].includes(ext) && /<(?:p|div|br|h[1-6])\b/i.test(t)) return 'html';
  return 'text';
}
