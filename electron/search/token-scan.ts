// A hand-written scanner for the token rule of analyze.ts (TOKEN): the same spans as the regex, found with
// char-code tests instead of a Unicode-property regex, plus a hash of each token's lower-cased form, so the
// indexer can find a repeated word in its cache without building a string for it. Indexing scans every word.

/** Lower-cased form hashes (non-negative) for tokens of "fast" chars; this for tokens that need toLowerCase. */
export const SLOW = -1;

// Per BMP code unit: 0 = not yet known, then CLASS_KNOWN | CLASS_WORD (\p{L}\p{M}\p{N}) | CLASS_NUMBER (\p{N})
// | CLASS_LETTER (\p{L}).
const CLASS_KNOWN = 1;
const CLASS_WORD = 2;
const CLASS_NUMBER = 4;
const CLASS_LETTER = 8;
const classes = new Uint8Array(0x10000);
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
const NUMBER_RE = /^\p{N}$/u;
const LETTER_RE = /^\p{L}$/u;

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  // Lone surrogates are no word characters for the /u regex; texts with surrogates never reach the scanner.
  const k = CLASS_KNOWN | (WORD_RE.test(ch) ? CLASS_WORD : 0) | (NUMBER_RE.test(ch) ? CLASS_NUMBER : 0)
    | (LETTER_RE.test(ch) ? CLASS_LETTER : 0);
  classes[c] = k;
  return k;
}
for (let c = 0; c < 0x250; c++) classify(c);

function classOf(c: number): number {
  const k = classes[c]!;
  return k === 0 ? classify(c) : k;
}

/** \p{L}\p{M}\p{N}, \p{N} and \p{L} for a BMP code unit (a lone surrogate is none of them). */
export const isWord = (c: number) => (classOf(c) & CLASS_WORD) !== 0;
export const isNumber = (c: number) => (classOf(c) & CLASS_NUMBER) !== 0;
export const isLetter = (c: number) => (classOf(c) & CLASS_LETTER) !== 0;
/** [-‐‑'’]: joiners inside a word. */
const isJoiner = (c: number) => c === 0x2d || c === 0x27 || c === 0x2010 || c === 0x2011 || c === 0x2019;

/**
 * A code unit as it appears in the token's term: lower-cased for ASCII and Latin-1 (where toLowerCase is one
 * char to one char and context-free), ’ -> ', ‐‑ -> -; -1 for anything else (Greek final sigma, İ, ...).
 */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  if (c < 0x100) return c >= 0xc0 && c <= 0xde && c !== 0xd7 ? c + 0x20 : c;
  if (c === 0x2019) return 0x27;
  if (c === 0x2010 || c === 0x2011) return 0x2d;
  return -1;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** True when `scanTokens` can scan the text; texts with astral characters (surrogate pairs) need the regex. */
export function scannable(text: string): boolean {
  return !SURROGATE.test(text);
}

/** End of a run of chars matching `test`, from `i`. */
export function runEnd(text: string, i: number, test: (c: number) => boolean): number {
  while (i < text.length && test(text.charCodeAt(i))) i++;
  return i;
}

/** End of the token starting at word char `start` (see TOKEN in analyze.ts: the number form first, then words). */
function tokenEnd(text: string, start: number): number {
  const n = text.length;
  let i: number;
  if (isNumber(text.charCodeAt(start))) {
    i = runEnd(text, start + 1, isNumber);
    // (?:[.,]\p{N}+)*
    for (;;) {
      const c = text.charCodeAt(i);
      if ((c !== 0x2e && c !== 0x2c) || i + 1 >= n || !isNumber(text.charCodeAt(i + 1))) break;
      i = runEnd(text, i + 2, isNumber);
    }
  } else {
    i = runEnd(text, start + 1, isWord);
  }
  // (?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*
  while (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWord(text.charCodeAt(i + 1))) i = runEnd(text, i + 2, isWord);
  return i;
}

/**
 * Steps through the tokens of a scannable text, in order: exactly the spans TOKEN matches. A cursor rather
 * than a callback, so the indexer's loop keeps its state in locals. `hash` is a non-negative hash of the
 * folded units (see foldUnit), or SLOW when a unit does not fold.
 */
export class TokenCursor {
  start = 0;
  end = 0;
  hash = 0;

  constructor(private text: string) {}

  /** Moves to the next token; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      // ASCII non-word chars (spaces, punctuation) are most of what lies between tokens.
      if (c < 0x80 ? (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) : isWord(c)) break;
    }
    if (i >= n) { this.start = this.end = n; return false; }
    const end = tokenEnd(text, i);
    let h = 0x811c9dc5 | 0;
    for (let j = i; j < end; j++) {
      const f = foldUnit(text.charCodeAt(j));
      if (f < 0) { h = SLOW; break; }
      h = Math.imul(h ^ f, 0x01000193);
    }
    this.start = i;
    this.end = end;
    // FNV's low bits mix poorly, and the table indexes by low bits: one xor-shift spreads the high ones down.
    this.hash = h === SLOW ? SLOW : (h ^ (h >>> 15)) & 0x7fffffff;
    return true;
  }
}

/** Calls `visit(start, end, hash)` for each token of a scannable text (see TokenCursor). */
export function scanTokens(text: string, visit: (start: number, end: number, hash: number) => void): void {
  const cursor = new TokenCursor(text);
  while (cursor.next()) visit(cursor.start, cursor.end, cursor.hash);
}

/** True when text[start, end) folds (see foldUnit) to exactly `key`. */
export function foldsTo(text: string, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let j = 0; j < key.length; j++) if (foldUnit(text.charCodeAt(start + j)) !== key.charCodeAt(j)) return false;
  return true;
}

/** The folded form of text[start, end) of a token whose hash is not SLOW. */
export function foldedSlice(text: string, start: number, end: number): string {
  let s = '';
  for (let j = start; j < end; j++) s += String.fromCharCode(foldUnit(text.charCodeAt(j)));
  return s;
}
