// Text analysis shared by indexing, querying, snippets and themes: tokenize with offsets, case and umlaut
// folding, Snowball stemming per language, stop words. Pure functions; the same code runs on both sides.
import { newStemmer } from 'snowball-stemmers';
import { isStopWordIn } from './stop-words.ts';

/** Bump whenever the terms produced for a text change: saved indexes with another version are rebuilt. */
export const ANALYZER_VERSION = 1;

export interface Token {
  /** Lower-cased surface form ("nordkoreanischen", "f-16", "40000"). */
  term: string;
  /** UTF-16 offsets into the analyzed text. */
  start: number;
  end: number;
}

// Words with inner hyphens/apostrophes ("Jong-un", "F-16", "US-Militärhilfe", "don't") and numbers with
// thousands separators or decimals ("40.000", "40,000", "3,5").
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;

function normalizeNumber(raw: string): string {
  // Groups of exactly three digits after a separator are thousands: 40.000 / 40,000 -> 40000.
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(raw)) return raw.replace(/[.,]/g, '');
  return raw.replace(',', '.');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index;
    const term = /^\p{N}/u.test(raw) && /^[\p{N}.,]+$/u.test(raw) ? normalizeNumber(raw) : raw.toLowerCase().replace(/’/g, "'");
    tokens.push({ term, start, end: start + raw.length });
  }
  return tokens;
}

/**
 * Folds umlauts and their spellings so "Gütersloh", "Guetersloh" and "Gutersloh" meet, and "Straße" = "Strasse":
 * ä/ae -> a, ö/oe -> o, ü/ue -> u (not after q: "Quelle"), ß -> ss, other diacritics dropped (é -> e).
 */
export function foldUmlauts(term: string): string {
  return term
    .replace(/ß/g, 'ss')
    .replace(/(?<!q)ue/g, 'u')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

type Stemmer = { stem(word: string): string };
const stemmers = new Map<string, Stemmer | null>();
const SNOWBALL: Record<string, string> = { de: 'german', en: 'english', fr: 'french', es: 'spanish', it: 'italian', nl: 'dutch' };

function stemmerFor(language: string): Stemmer | null {
  if (!stemmers.has(language)) {
    const name = SNOWBALL[language];
    stemmers.set(language, name ? (newStemmer(name) as Stemmer) : null);
  }
  return stemmers.get(language)!;
}

/** Snowball stem of a lower-cased term; numbers and terms with digits pass through. */
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
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(term, key);
  }
  return key;
}

/** Index terms for a text, in order: stop words removed, hyphenated words also by their parts. */
export function analyzeText(text: string, language: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (isStopWord(t.term, language)) continue;
    out.push(termKey(t.term, language));
    if (t.term.includes('-')) {
      for (const part of t.term.split('-')) if (part.length > 1 && !isStopWord(part, language)) out.push(termKey(part, language));
    }
  }
  return out;
}
