// Anchors a highlight in an article's text and places it again after the text changed (W3C TextQuoteSelector +
// TextPositionSelector idea): exact offsets first, then the quote nearest its old place, then a fuzzy match between
// the remembered context. Pure: no SQLite, no DOM, so it is table-tested and shared by every caller.

export interface TextAnchor {
  quote: string;
  /** Up to CONTEXT characters before and after the quote when it was made. */
  prefix: string;
  suffix: string;
  /** [start, end) UTF-16 offsets where the quote was last placed. */
  start: number;
  end: number;
}

export type PlacementMethod = 'exact' | 'quote' | 'fuzzy';
export interface Placement { start: number; end: number; method: PlacementMethod }

export const CONTEXT = 32;
/** How alike (0..1, bigram Dice) a changed passage must be to the quote to still count as it. */
const MIN_FUZZY_SIMILARITY = 0.6;

/** The anchor of the selection [start, end) of `text`. */
export function anchorFor(text: string, start: number, end: number): TextAnchor {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start, end,
  };
}

/** Where the anchor sits in `text` now, or null when it cannot be placed (the highlight is then "detached"). */
export function placeAnchor(text: string, a: TextAnchor): Placement | null {
  if (a.quote === '') return null;
  if (text.slice(a.start, a.end) === a.quote) return { start: a.start, end: a.end, method: 'exact' };
  const byQuote = bestQuoteMatch(text, a);
  if (byQuote !== null) return { start: byQuote, end: byQuote + a.quote.length, method: 'quote' };
  const fuzzy = fuzzyMatch(text, a);
  return fuzzy ? { ...fuzzy, method: 'fuzzy' } : null;
}

/** Every occurrence of the quote, scored by how much of its old context surrounds it, then by closeness. */
function bestQuoteMatch(text: string, a: TextAnchor): number | null {
  let best: { at: number; score: number } | null = null;
  for (let at = text.indexOf(a.quote); at !== -1; at = text.indexOf(a.quote, at + 1)) {
    const context = commonSuffix(text.slice(Math.max(0, at - a.prefix.length), at), a.prefix)
      + commonPrefix(text.slice(at + a.quote.length, at + a.quote.length + a.suffix.length), a.suffix);
    const score = context * 1000 - Math.abs(at - a.start) / (text.length + 1);
    if (!best || score > best.score) best = { at, score };
  }
  return best?.at ?? null;
}

/** The quote was edited: look between where its old prefix and suffix are found now, and accept it if alike enough. */
function fuzzyMatch(text: string, a: TextAnchor): { start: number; end: number } | null {
  const candidates: Array<{ start: number; end: number }> = [];
  const prefixes = a.prefix.length >= 8 ? occurrences(text, a.prefix).map((p) => p + a.prefix.length) : [];
  const suffixes = a.suffix.length >= 8 ? occurrences(text, a.suffix) : [];
  for (const s of prefixes) {
    const e = suffixes.find((x) => x >= s && x - s <= a.quote.length * 2 + 16);
    candidates.push({ start: s, end: e ?? Math.min(text.length, s + a.quote.length) });
  }
  for (const e of suffixes) candidates.push({ start: Math.max(0, e - a.quote.length), end: e });
  let best: { start: number; end: number; sim: number } | null = null;
  for (const c of candidates) {
    const sim = similarity(text.slice(c.start, c.end), a.quote);
    if (sim >= MIN_FUZZY_SIMILARITY && (!best || sim > best.sim)) best = { ...c, sim };
  }
  return best ? { start: best.start, end: best.end } : null;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at !== -1 && out.length < 50; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** Dice coefficient over character bigrams (whitespace collapsed, case folded): 1 for equal strings. */
export function similarity(x: string, y: string): number {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const a = norm(x), b = norm(y);
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) grams.set(a.slice(i, i + 2), (grams.get(a.slice(i, i + 2)) ?? 0) + 1);
  let common = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2), n = grams.get(g) ?? 0;
    if (n > 0) { common++; grams.set(g, n - 1); }
  }
  return (2 * common) / (a.length + b.length - 2);
}
