// Text analysis shared by indexing, querying, snippets and themes: tokenize with offsets, case and umlaut
// folding, Snowball stemming per language, stop words. Pure functions; the same code runs on both sides.
import { createRequire } from 'node:module';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stem as porter2 } from 'porter2';
import { isStopWordIn } from './stop-words.ts';
import { scannable, scanTokens } from './token-scan.ts';

/** Bump whenever the terms produced for a text change: saved indexes with another version are rebuilt. */
export const ANALYZER_VERSION = 2;

export interface Token {
  /** Lower-cased surface form ("nordkoreanischen", "f-16", "40000"). */
  term: string;
  /** UTF-16 offsets into the analyzed text. */
  start: number;
  end: number;
}

// Words with inner hyphens/apostrophes ("Jong-un", "F-16", "US-Militärhilfe", "16-jährige", "don't") and
// numbers with thousands separators or decimals ("40.000", "40,000", "3,5").
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*|[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*/gu;
const NUMBER = /^[\p{N}.,]+$/u;
const JOINERS = /[‐‑]/g;

function normalizeNumber(raw: string): string {
  // Groups of exactly three digits after a separator are thousands: 40.000 / 40,000 -> 40000.
  // "1.234" is therefore read as 1234 (German thousands), never as an English decimal.
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(raw)) return raw.replace(/[.,]/g, '');
  return raw.replace(',', '.');
}

/** The term of one token's raw text (see Token.term): numbers normalized, words lower-cased, joiners unified. */
export function termOf(raw: string): string {
  const first = raw.charCodeAt(0);
  if (first >= 48 && first <= 57 && NUMBER.test(raw)) return normalizeNumber(raw);
  let term = raw.toLowerCase();
  if (term.includes('’')) term = term.replace(/’/g, "'");
  if (term.includes('‐') || term.includes('‑')) term = term.replace(JOINERS, '-');
  return term;
}

/** Calls `visit` for each token of `text` (see tokenize), without building token objects: the indexing hot path. */
export function forEachToken(text: string, visit: (term: string, start: number, end: number) => void): void {
  if (scannable(text)) {
    // The hand-written scanner finds the same spans as TOKEN, several times faster.
    scanTokens(text, (start, end) => visit(termOf(text.slice(start, end)), start, end));
    return;
  }
  forEachTokenByRegex(text, visit);
}

/** Like forEachToken, by the TOKEN regex alone: used for astral text, and the oracle the scanner is tested against. */
export function forEachTokenByRegex(text: string, visit: (term: string, start: number, end: number) => void): void {
  const re = new RegExp(TOKEN); // own lastIndex: safe even if `visit` tokenizes too
  for (let m = re.exec(text); m !== null; m = re.exec(text)) visit(termOf(m[0]), m.index, m.index + m[0].length);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (term, start, end) => { tokens.push({ term, start, end }); });
  return tokens;
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Folds umlauts and their spellings so "Gütersloh", "Guetersloh" and "Gutersloh" meet, and "Straße" = "Strasse":
 * ä/ae -> a, ö/oe -> o, ü/ue -> u (not after q: "Quelle"), ß -> ss, other diacritics dropped (é -> e).
 * The price is a few harmless collisions ("Duell" and "dull"); strict mode (=dröge) tells umlauts apart.
 */
export function foldUmlauts(term: string): string {
  // ASCII has no ß, no marks and nothing NFD changes: only the spelled-out umlauts are left to fold.
  if (ASCII.test(term)) return term.includes('e') ? term.replace(/(?<!q)ue/g, 'u').replace(/ae/g, 'a').replace(/oe/g, 'o') : term;
  return term
    .replace(/ß/g, 'ss')
    .replace(/(?<!q)ue/g, 'u')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

type Stemmer = { stem(word: string): string };
// snowball-stemmers is one big CommonJS file (all languages): required on first use, not imported, so starting a
// process (the CLI, a worker) neither scans it for ES exports nor loads it before it stems a word.
const requireCjs = createRequire(import.meta.url);
let snowball: typeof import('snowball-stemmers') | null = null;
const newStemmer = (name: string) => (snowball ??= requireCjs('snowball-stemmers') as typeof import('snowball-stemmers')).newStemmer(name);
const SNOWBALL: Record<string, string> = { de: 'german', en: 'english', fr: 'french', es: 'spanish', it: 'italian', nl: 'dutch' };
/**
 * German and English, stemmed most, use two small packages implementing the same Snowball algorithms several times
 * faster (snowball-stemmers runs generated Java through an emulation layer): @orama/stemmers' German and porter2
 * (Snowball's "english", Porter2). tests/unit/search/stemmers.test.ts checks they stem as snowball-stemmers does.
 */
export const FAST_STEMMERS: Readonly<Record<string, Stemmer>> = { de: { stem: germanStemmer }, en: { stem: porter2 } };
const stemmers = new Map<string, Stemmer | null>(Object.entries(FAST_STEMMERS));

function stemmerFor(language: string): Stemmer | null {
  if (!stemmers.has(language)) {
    const name = SNOWBALL[language];
    stemmers.set(language, name ? (newStemmer(name) as Stemmer) : null);
  }
  return stemmers.get(language)!;
}

/** Snowball stem of a lower-cased term ('de', 'en', fr/es/it/nl); numbers, short terms and other languages pass through. */
export function stem(term: string, language: string): string {
  if (/\d/.test(term) || term.length < 3) return term;
  return stemmerFor(language)?.stem(term) ?? term;
}

export function isStopWord(term: string, language: string): boolean {
  return isStopWordIn(term, language);
}

// Word frequencies are Zipfian: a bounded memo per language saves most stemming work at index time.
const keyCache = new Map<string, Map<string, string>>();
const KEY_CACHE_LIMIT = 200_000;

/** The key a term is indexed and searched under: folded, then stemmed (folding first keeps spellings aligned). */
export function termKey(term: string, language: string): string {
  let cache = keyCache.get(language);
  if (!cache) keyCache.set(language, (cache = new Map()));
  let key = cache.get(term);
  if (key === undefined) {
    key = stem(foldUmlauts(term.replace(/['-]/g, '')), language);
    // Snowball keeps the genitive s of names ending in a vowel: "Nordkoreas", "Chinas", "Mexikos" -> nordkorea.
    if (language === 'de' && key.length >= 6 && /[ao]s$/.test(key)) key = key.slice(0, -1);
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(term, key);
  }
  return key;
}

const STRICT_UMLAUT = /[äöü]/;

/** True when a word is written with an umlaut, so a strict search can insist on it. */
export function hasUmlaut(term: string): boolean {
  return STRICT_UMLAUT.test(term);
}

/**
 * The strict key of a word written with an umlaut ("dröge" -> "!drog"): indexed beside the folded key, so
 * "=dröge" finds "dröge" but not "Droge". ß is not part of strictness: "Straße" and "Strasse" stay one word.
 */
export function strictKey(term: string, language: string): string | null {
  return hasUmlaut(term) ? `!${termKey(term, language)}` : null;
}

/** The pieces of a hyphenated or apostrophed word ("jong-un" -> jong, un; "trump's" -> trump). */
export function wordPieces(term: string): string[] {
  return /['-]/.test(term) ? term.replace(/'s$/, '').split(/['-]/) : [term];
}

/** The parts of a hyphenated or apostrophed word worth indexing on their own ("jong-un" -> jong, un). */
export function wordParts(term: string): string[] {
  const pieces = wordPieces(term);
  return pieces.length > 1 ? pieces.filter((p) => p.length > 1) : [];
}

/** How one word is indexed: skipped (stop word, or absurdly long), or its keys; `pieces` positions it takes. */
export interface WordAnalysis {
  skip: boolean; key: string; strict: string | null; pieces: number;
  /** Keys of hyphen parts (and of joined neighbours in longer chains), at position + offset. */
  parts: Array<{ key: string; offset: number }>;
}

/** Analyzes one token's term (see tokenize) for the index; pure, so callers may cache it per language. */
export function analyzeWord(term: string, language: string): WordAnalysis {
  const pieces = wordPieces(term);
  if (term.length > 64 || isStopWord(term, language)) return { skip: true, key: '', strict: null, pieces: pieces.length, parts: [] };
  const parts: WordAnalysis['parts'] = [];
  if (pieces.length > 1) {
    pieces.forEach((p, offset) => {
      if (p.length > 1 && !isStopWord(p, language)) parts.push({ key: termKey(p, language), offset });
      // In longer chains, neighbours joined too: "F-16-Piloten" is also found as "F16".
      const next = pieces[offset + 1];
      if (pieces.length > 2 && next !== undefined) parts.push({ key: termKey(p + next, language), offset });
    });
  }
  return { skip: false, key: termKey(term, language), strict: strictKey(term, language), pieces: pieces.length, parts };
}

/** One word's index terms: its key and strict key at `position`, its parts' keys at position + offset. */
export interface WordTerms {
  token: Token; key: string; strict: string | null; position: number;
  parts: Array<{ key: string; offset: number }>;
}

/**
 * The words of a text as indexed: stop words skipped but counted as positions (so a phrase "Haus am See"
 * needs the gap), hyphen parts on consecutive positions ("Kim Jong Un" finds "Kim Jong-un" as a phrase).
 */
export function indexWords(text: string, language: string): WordTerms[] {
  const out: WordTerms[] = [];
  let position = 0;
  for (const token of tokenize(text)) {
    const w = analyzeWord(token.term, language);
    if (!w.skip) out.push({ token, key: w.key, strict: w.strict, position, parts: w.parts });
    position += w.pieces;
  }
  return out;
}

/** Index terms for a text, in order: stop words removed, hyphenated words also by their parts. */
export function analyzeText(text: string, language: string): string[] {
  const out: string[] = [];
  for (const w of indexWords(text, language)) out.push(w.key, ...w.parts.map((p) => p.key));
  return out;
}
