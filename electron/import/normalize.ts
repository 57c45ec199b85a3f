// Text normalization shared by every format: Unicode NFC, invisible characters, whitespace, and the
// paragraph model (paragraphs separated by one blank line). Plain text gets its line structure read
// here: hard-wrapped lines are joined, one-paragraph-per-line files keep their lines.

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const CONTROLS = /[\x00-\x08\x0B\x0E-\x1F\x7F]/g;
const MESSY_SPACE = /\s\s|[^\S ]/;
const NON_ASCII = /[^\x00-\x7F]/;
const C1 = /[\u0080-\u009F]/g;
// C1 controls never occur in real text; they are Windows-1252 punctuation decoded as Latin-1 (Node's
// TextDecoder, and libraries built on it, do this for "windows-1252"). Map them back.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const fromC1 = (c: string) => {
  const mapped = CP1252[c.charCodeAt(0) - 0x80]!;
  return mapped.charCodeAt(0) < 0xa0 ? '' : mapped;
};

/** Cleans one paragraph or heading: NFC, no soft hyphens or zero-width characters, single spaces, trimmed. */
export function cleanInline(s: string): string {
  if (NON_ASCII.test(s)) s = s.replace(C1, fromC1).normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ');
  else if (s.includes('\t')) s = s.replace(/\t/g, ' ');
  // Most paragraphs are already clean: test before replacing, replacing always allocates.
  if (CONTROLS.test(s)) s = s.replace(CONTROLS, '');
  if (MESSY_SPACE.test(s)) s = s.replace(/\s+/g, ' ');
  return s.trim();
}

/** Paragraphs joined the way ArticleDraft.text stores them. */
export function joinParagraphs(paras: readonly string[]): string {
  return paras.join('\n\n');
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SURROGATE = /[\uD800-\uDFFF]/;
/** Per BMP code unit: 0 unknown, 1 not a letter or digit, 2 a letter or digit (filled in as met). */
const letterOrDigit = new Uint8Array(0x10000);

function isLetterOrDigit(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  let k = letterOrDigit[c]!;
  if (k === 0) letterOrDigit[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 2 : 1;
  return k === 2;
}

/** Counts words the same way the store does (letters/digits, with inner hyphens and apostrophes). */
export function wordCount(text: string): number {
  // The regex is the rule; the scan below counts the same matches without building them (astral text: regex).
  if (SURROGATE.test(text)) return (text.match(WORD) ?? []).length;
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isLetterOrDigit(text.charCodeAt(i))) { i++; continue; }
    count++;
    for (;;) {
      while (i < n && isLetterOrDigit(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if ((c === 0x2d || c === 0x27 || c === 0x2019) && i + 1 < n && isLetterOrDigit(text.charCodeAt(i + 1))) i++;
      else break;
    }
  }
  return count;
}

const LIST_ITEM = /^\s*(?:[-*•–·▪]|\d{1,3}[.)])\s+/;
const SENTENCE_END = /[.!?:;"“”»«'’)]$/;

/** Hard-wrapped text (e-mail style, ~72 columns) has most lines close to one width and short paragraph tails. */
function wrapWidth(lines: readonly string[]): number | null {
  const lens = lines.map((l) => l.length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lens.length < 4) return null;
  const p90 = lens[Math.floor(lens.length * 0.9)]!;
  if (p90 > 110 || p90 < 30) return null;
  const near = lens.filter((n) => n >= p90 * 0.6).length;
  return near >= lens.length * 0.6 ? p90 : null;
}

/** Joins one line onto the paragraph under construction, keeping hyphenated line breaks tight. */
function appendLine(para: string, line: string): string {
  if (para === '') return line;
  if (/\p{L}-$/u.test(para)) return para + line;
  return `${para} ${line}`;
}

/**
 * Splits raw plain text (any line ends) into clean paragraphs. Blank lines always separate paragraphs;
 * a single line break separates paragraphs too, unless the text is hard-wrapped.
 */
export function splitParagraphs(raw: string): string[] {
  const lines = raw.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').split('\n').map((l) => l.trimEnd());
  const width = wrapWidth(lines);
  const hasBlankLines = lines.some((l, i) => l.trim() === '' && i > 0 && i < lines.length - 1);
  const out: string[] = [];
  let para = '';
  const flush = () => {
    const clean = cleanInline(para);
    if (clean) out.push(clean);
    para = '';
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (width === null || LIST_ITEM.test(line)) {
      // One paragraph per line (or a list item): never glue it to its neighbour.
      flush();
      para = line.trim();
      flush();
      continue;
    }
    para = appendLine(para, line.trim());
    // Wrapped text without blank lines: a short line ending a sentence closes its paragraph.
    if (!hasBlankLines && line.length < width * 0.75 && SENTENCE_END.test(line)) flush();
  }
  flush();
  return out;
}
