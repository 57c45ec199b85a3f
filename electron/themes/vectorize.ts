// Term weighting for themes: each article becomes a sparse, unit-length TF-IDF vector over analyzed terms
// (stems from search/analyze.ts) and canonical entity keys ("@north korea", shared by German and English
// text), plus the surface forms and title phrases that labels are made of.
import { forEachToken, isStopWord, termKey, termOf as tokenTerm } from '../search/analyze.ts';
import { foldUnit, scannable, SLOW, TokenCursor } from '../search/token-scan.ts';
import { TokenTable } from '../search/token-table.ts';
import { countEntities, extractEntities, type EntityCount } from './entities.ts';
import { articleTime, type ThemeInput } from './types.ts';

/** Sparse unit vector: parallel arrays of term ids and weights, heaviest first. */
export interface SparseVector { ids: Int32Array; w: Float64Array }

export interface DocFeatures {
  input: ThemeInput;
  time: number;
  /** Term id -> weighted count (title words count twice, entity keys 1.5×). */
  tf: Map<number, number>;
  /** Index-term bigrams from the title and lead ("kursk offensive"), as "id id". */
  phrases: string[];
  entities: EntityCount[];
}

/** How one term is written in one language: counts of lower-case and capitalised uses, first of each. */
interface Forms { lower: number; cap: number; lowerForm: string | null; capForm: string | null }

/** The terms, their document frequencies and display forms for one set of articles. */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  readonly df: number[] = [];
  /** Language -> term id -> how it is written (entity keys keep their display names in `names`). */
  readonly forms = new Map<string, Array<Forms | undefined>>();
  readonly names = new Map<number, Map<string, number>>();
  readonly phraseSurfaces = new Map<string, Map<string, number>>();
  docCount = 0;

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.df.push(0);
    }
    return id;
  }

  formsIn(language: string): Array<Forms | undefined> {
    let f = this.forms.get(language);
    if (!f) this.forms.set(language, f = []);
    return f;
  }

  /** The display form of a term ("Nordkorea" for "nordkorea"), from `language` when written there. */
  surface(id: number, language?: string): string {
    const names = this.names.get(id);
    if (names) return bestForm(names);
    const table = (language && this.forms.get(language)?.[id]) || [...this.forms.values()].map((m) => m[id]).find(Boolean);
    if (!table) return this.terms[id]?.replace(/^@/, '') ?? '';
    return (table.cap > table.lower ? table.capForm : table.lowerForm) ?? table.capForm ?? table.lowerForm ?? '';
  }

  phraseSurface(key: string): string {
    const forms = this.phraseSurfaces.get(key);
    return forms ? bestForm(forms) : key;
  }

  isEntity(id: number): boolean {
    return this.terms[id]?.startsWith('@') ?? false;
  }
}

function bestForm(forms: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [f, c] of forms) if (c > n || (c === n && f < best)) { best = f; n = c; }
  return best;
}

function bump<K>(m: Map<K, number>, k: K, by = 1, cap = Infinity): void {
  const v = m.get(k);
  if (v !== undefined) m.set(k, v + by);
  else if (m.size < cap) m.set(k, by);
}

// Each distinct word is analyzed once per language (stemming dominates the cost of a cold build). This
// follows analyzeText word by word: stop words dropped, a hyphenated word also yields its parts
// ("us-militärhilfe": usmilitarhilf, us, militarhilf).
const termCaches = new Map<string, Map<string, string[]>>();
function indexTerms(word: string, language: string): string[] {
  let cache = termCaches.get(language);
  if (!cache) termCaches.set(language, cache = new Map());
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const terms: string[] = [];
  if (!isStopWord(word, language)) {
    terms.push(termKey(word, language));
    if (word.includes('-')) for (const part of word.split('-')) if (part.length > 1 && !isStopWord(part, language)) terms.push(termKey(part, language));
  }
  const kept = terms.filter((t) => t.length > 1 && !/^\d/.test(t));
  if (cache.size > 300_000) cache.clear();
  cache.set(word, kept);
  return kept;
}

/** The index term of a display word ("Tories" and "Tory" both give "tori"), for telling repeats apart. */
export function stemOf(word: string, language: string): string {
  return indexTerms(word.toLowerCase(), language)[0] ?? word.toLowerCase();
}

/** The id of a token's index term (`Token.term`) if the vocabulary knows it (no new ids are made). */
export function termOf(word: string, language: string, vocab: Vocabulary): number | undefined {
  const t = indexTerms(word, language)[0];
  return t === undefined ? undefined : vocab.ids.get(t);
}

// The same per language, looked up straight from a token's span in the text (see token-table.ts): most words
// of an article were seen before, and a hit then costs no substring, no lower-casing and no Map lookup.
const spanCaches = new Map<string, TokenTable<string[]>>();

/**
 * Calls `visit` for each token of `text` (as `tokenize` finds them) with its index terms (see indexTerms) and
 * whether it is written with a capital (its first char is not its term's).
 */
function forEachIndexedToken(text: string, language: string, visit: (start: number, end: number, terms: string[], capital: boolean) => void): void {
  if (!scannable(text)) {
    forEachToken(text, (term, start, end) => visit(start, end, indexTerms(term, language), text.charCodeAt(start) !== term.charCodeAt(0)));
    return;
  }
  let table = spanCaches.get(language);
  if (!table) spanCaches.set(language, table = new TokenTable(300_000));
  const cursor = new TokenCursor(text);
  while (cursor.next()) {
    const { start, end, hash } = cursor;
    let terms = hash === SLOW ? undefined : table.get(text, start, end, hash);
    let capital: boolean;
    if (terms === undefined) {
      const term = tokenTerm(text.slice(start, end));
      terms = indexTerms(term, language);
      if (hash !== SLOW) table.set(text, start, end, hash, terms);
      capital = text.charCodeAt(start) !== term.charCodeAt(0);
    } else {
      // A token that folds unit by unit starts with its term's first char folded (numbers start with a digit).
      const first = text.charCodeAt(start);
      capital = foldUnit(first) !== first;
    }
    visit(start, end, terms, capital);
  }
}

const LEAD_CHARS = 300;
/**
 * How much of an article's text grouping analyses (see `leadOf`). A text cut one character after this analyses
 * exactly as the whole text does, so a full build reads no more than that from the database.
 */
export const ANALYSED_CHARS = 3000;

/** The first `max` characters of a text, cut after a sentence or at least a word. */
function leadOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > max * 0.6 ? cut.slice(0, end + 1) : cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
}
const ENTITY_WEIGHT = 1.5;

/**
 * What one article contributes to any set of articles it is part of, independent of that set's vocabulary:
 * analysed once, then counted into each vocabulary (a full build, then each theme's details) by `featuresOf`.
 * How the article writes its terms (what `Vocabulary.forms` gathers) is kept in flat arrays parallel to
 * `terms`, with the first spellings as spans of the text: a set needs a spelling only for terms it has not
 * seen written yet, and a full build keeps every article's analysis alive.
 */
export interface ArticleTerms {
  /** Distinct index terms and entity keys ("@north korea"), in order of first use. */
  terms: string[];
  /** Weighted counts, parallel to `terms`. */
  tf: Float64Array;
  /** Lower-case and capitalised uses of each term as a word's first term (both 0: never one). */
  lower: Float64Array;
  cap: Float64Array;
  /** Per term, four offsets: the first lower-case use [start, end), then the first capitalised one (-1: none). */
  formSpans: Int32Array;
  /** What the offsets point into: the title, then the analysed body from offset `title.length`. */
  title: string;
  body: string;
  /** Every title/lead bigram use, in order: two indexes into `terms` and the words as written. */
  phraseUses: Array<[number, number, string]>;
  entities: EntityCount[];
  /** Index into `terms` of each entity's key ("@north korea"), parallel to `entities`. */
  entityTerms: Int32Array;
}

/** The spelling at a span of `formSpans` (see displayForm). */
function formAt(a: ArticleTerms, start: number, end: number): string {
  const offset = a.title.length;
  return start < offset ? displayForm(a.title, start, end) : displayForm(a.body, start - offset, end - offset);
}

/** Analyses one article's title, lead and entities (tokenizing and stemming: most of a theme build's cost). */
export function articleTerms(input: ThemeInput): ArticleTerms {
  const lang = input.language;
  const index = new Map<string, number>();
  const terms: string[] = [];
  const tf: number[] = [];
  const lower: number[] = [];
  const cap: number[] = [];
  const spans: number[] = [];
  const phraseUses: Array<[number, number, string]> = [];
  const termIndex = (t: string): number => {
    let k = index.get(t);
    if (k === undefined) { k = terms.length; index.set(t, k); terms.push(t); tf.push(0); lower.push(0); cap.push(0); spans.push(-1, -1, -1, -1); }
    return k;
  };
  const scan = (text: string, offset: number, weight: number, phraseChars: number): void => {
    let prev = -1;
    let prevStart = 0;
    let prevEnd = 0;
    forEachIndexedToken(text, lang, (start, end, words, capital) => {
      if (words.length === 0) { prev = -1; return; }
      let first = -1;
      for (let j = 0; j < words.length; j++) {
        const k = termIndex(words[j]!);
        tf[k]! += weight;
        if (j === 0) first = k;
      }
      // Titles and sentence starts capitalise any word: they count little towards its display form.
      const at = 4 * first + (capital ? 2 : 0);
      if (capital) cap[first]! += weight > 1 || sentenceStart(text, start) ? 0.25 : 1;
      else lower[first]! += 1;
      if (spans[at] === -1) { spans[at] = offset + start; spans[at + 1] = offset + end; }
      if (start < phraseChars && prev >= 0 && prev !== first && spacesOnly(text, prevEnd, start)) {
        phraseUses.push([prev, first, `${text.slice(prevStart, prevEnd)} ${text.slice(start, end)}`]);
      }
      prev = first;
      prevStart = start;
      prevEnd = end;
    });
  };
  // News puts what matters first: the opening of a long article is enough to place it (and twice as fast).
  const body = leadOf(input.text, ANALYSED_CHARS);
  scan(input.title, 0, 2, Infinity);
  scan(body, input.title.length, 1, LEAD_CHARS);
  const entities = countEntities([...extractEntities(input.title, lang), ...extractEntities(body, lang)]);
  const entityTerms = Int32Array.from(entities, (e) => termIndex(`@${e.key}`));
  entities.forEach((e, i) => { tf[entityTerms[i]!]! += e.count * ENTITY_WEIGHT; });
  return { terms, tf: Float64Array.from(tf), lower: Float64Array.from(lower), cap: Float64Array.from(cap),
    formSpans: Int32Array.from(spans), title: input.title, body, phraseUses, entities, entityTerms };
}

/**
 * A session cache of `articleTerms` by article id: a full build analyses every article, and the briefing that
 * follows analyses the same articles again for each theme's details. Checked against the text, so an article
 * whose text changed is analysed afresh; cleared when it grows past a bound (at 100k it would not fit).
 */
const analysed = new Map<number, { title: string; lead: string; language: string; terms: ArticleTerms }>();
const ANALYSED_MAX = 25_000;

function cachedTerms(input: ThemeInput): ArticleTerms {
  const hit = analysed.get(input.id);
  // Compared on what analysis reads: a full build passes only the leads, a theme's details the whole texts.
  const lead = input.text.length > ANALYSED_CHARS + 1 ? input.text.slice(0, ANALYSED_CHARS + 1) : input.text;
  if (hit && hit.lead === lead && hit.title === input.title && hit.language === input.language) return hit.terms;
  const terms = articleTerms(input);
  if (analysed.size >= ANALYSED_MAX) analysed.clear();
  analysed.set(input.id, { title: input.title, lead, language: input.language, terms });
  return terms;
}

/** Counts terms, title phrases and entities of one article into `vocab`. */
export function featuresOf(input: ThemeInput, vocab: Vocabulary): DocFeatures {
  const a = cachedTerms(input);
  const ids = new Int32Array(a.terms.length);
  const tf = new Map<number, number>();
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] = vocab.id(a.terms[k]!);
    tf.set(id, a.tf[k]!);
    vocab.df[id]!++;
  }
  const forms = vocab.formsIn(input.language);
  const spans = a.formSpans;
  for (let k = 0; k < ids.length; k++) {
    if (a.lower[k] === 0 && a.cap[k] === 0) continue;
    const id = ids[k]!;
    let f = forms[id];
    if (!f) forms[id] = f = { lower: 0, cap: 0, lowerForm: null, capForm: null };
    f.lower += a.lower[k]!;
    f.cap += a.cap[k]!;
    if (f.lowerForm === null && spans[4 * k]! >= 0) f.lowerForm = formAt(a, spans[4 * k]!, spans[4 * k + 1]!);
    if (f.capForm === null && spans[4 * k + 2]! >= 0) f.capForm = formAt(a, spans[4 * k + 2]!, spans[4 * k + 3]!);
  }
  const phrases = new Set<string>();
  for (let p = 0; p < a.phraseUses.length; p++) {
    const [x, y, surface] = a.phraseUses[p]!;
    const key = `${ids[x]} ${ids[y]}`;
    phrases.add(key);
    let pf = vocab.phraseSurfaces.get(key);
    if (!pf) vocab.phraseSurfaces.set(key, pf = new Map());
    bump(pf, surface, 1, 4);
  }
  for (let i = 0; i < a.entities.length; i++) {
    const e = a.entities[i]!;
    const id = ids[a.entityTerms[i]!]!;
    let names = vocab.names.get(id);
    if (!names) vocab.names.set(id, names = new Map());
    bump(names, e.name, e.count, 8);
  }
  vocab.docCount++;
  return { input, time: articleTime(input), tf, phrases: [...phrases], entities: a.entities };
}

function displayForm(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  return s.endsWith('s') ? s.replace(/['’]s$/, '') : s;
}

function sentenceStart(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 10) return true;
    if (c !== 32 && c !== 0x201e && c !== 0x201c && c !== 34) return false;
  }
  return at < 4;
}

function spacesOnly(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) { const c = text.charCodeAt(k); if (c !== 32 && c !== 0xa0) return false; }
  return true;
}

export interface WeightOptions {
  /** Keep only this many heaviest terms. */
  topK?: number;
  /** Drop terms seen in a single article (they can never link two articles). */
  dropRare?: boolean;
}

/** Inverse document frequency; smoothed so a lone article still ranks its terms by frequency. */
export function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 0.5));
}

function unit(top: Array<[number, number]>): SparseVector {
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return { ids: Int32Array.from(top, ([id]) => id), w: Float64Array.from(top, ([, w]) => w / norm) };
}

/** TF-IDF weights of an article's terms, heaviest first; terms in more than a fifth of a big set are noise. */
function weighted(tf: Map<number, number>, df: ArrayLike<number>, n: number): Array<[number, number]> {
  const common = n >= 20 ? Math.max(4, n * 0.2) : Infinity;
  const entries: Array<[number, number]> = [];
  for (const [id, c] of tf) {
    const d = df[id] ?? 1;
    if (d <= common) entries.push([id, (1 + Math.log(c)) * idf(d, n)]);
  }
  return entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** The TF-IDF vector of an article, unit length, heaviest `topK` terms. */
export function weigh(tf: Map<number, number>, df: ArrayLike<number>, n: number, opts: WeightOptions = {}): SparseVector {
  const { topK = 60, dropRare = false } = opts;
  const entries = weighted(tf, df, n);
  return unit((dropRare ? entries.filter(([id]) => (df[id] ?? 1) >= 2) : entries).slice(0, topK));
}

const LABEL_TERMS = 30;

/** Document frequencies of a whole library (ThemeState keeps them), to weigh a subset of its articles. */
export interface CorpusStats { df: Record<string, number>; docCount: number }

/**
 * Vectorizes a set of articles against their own term statistics: clustering vectors (60 terms, none
 * that only one article has) and label vectors (30 terms, an article's own names included).
 */
export function vectorize(articles: readonly ThemeInput[], stats?: CorpusStats):
  { vocab: Vocabulary; docs: DocFeatures[]; vectors: SparseVector[]; labelVectors: SparseVector[] } {
  const vocab = new Vocabulary();
  const docs = articles.map((a) => featuresOf(a, vocab));
  if (stats) {
    // A part of a bigger library (one theme) is weighed against the whole library's statistics.
    vocab.terms.forEach((t, id) => { vocab.df[id] = Math.max(vocab.df[id]!, stats.df[t] ?? 0); });
    vocab.docCount = Math.max(vocab.docCount, stats.docCount);
  }
  const dropRare = docs.length >= 20;
  const vectors: SparseVector[] = [];
  const labelVectors: SparseVector[] = [];
  for (const d of docs) {
    const entries = weighted(d.tf, vocab.df, vocab.docCount);
    labelVectors.push(unit(entries.slice(0, LABEL_TERMS)));
    vectors.push(unit((dropRare ? entries.filter(([id]) => vocab.df[id]! >= 2) : entries).slice(0, 60)));
  }
  return { vocab, docs, vectors, labelVectors };
}
