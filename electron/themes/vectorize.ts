// Term weighting for themes: each article becomes a sparse, unit-length TF-IDF vector over analyzed terms
// (stems from search/analyze.ts) and canonical entity keys ("@north korea", shared by German and English
// text), plus the surface forms and title phrases that labels are made of.
import { isStopWord, termKey, tokenize } from '../search/analyze.ts';
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

/** How one article writes one of its terms: what `Vocabulary.forms` gathers, for this article alone. */
interface FormUse { term: number; lower: number; cap: number; lowerForm: string | null; capForm: string | null }

/**
 * What one article contributes to any set of articles it is part of, independent of that set's vocabulary:
 * analysed once, then counted into each vocabulary (a full build, then each theme's details) by `featuresOf`.
 */
export interface ArticleTerms {
  /** Distinct index terms and entity keys ("@north korea"), in order of first use. */
  terms: string[];
  /** Weighted counts, parallel to `terms`. */
  tf: Float64Array;
  forms: FormUse[];
  /** Every title/lead bigram use, in order: two indexes into `terms` and the words as written. */
  phraseUses: Array<[number, number, string]>;
  entities: EntityCount[];
}

/** Analyses one article's title, lead and entities (tokenizing and stemming: most of a theme build's cost). */
export function articleTerms(input: ThemeInput): ArticleTerms {
  const lang = input.language;
  const index = new Map<string, number>();
  const terms: string[] = [];
  const tf: number[] = [];
  const forms: Array<FormUse | undefined> = [];
  const phraseUses: Array<[number, number, string]> = [];
  const termIndex = (t: string): number => {
    let k = index.get(t);
    if (k === undefined) { k = terms.length; index.set(t, k); terms.push(t); tf.push(0); }
    return k;
  };
  const scan = (text: string, weight: number, phraseChars: number): void => {
    let prev = -1;
    let prevStart = 0;
    let prevEnd = 0;
    for (const tok of tokenize(text)) {
      const words = indexTerms(tok.term, lang);
      if (words.length === 0) { prev = -1; continue; }
      let first = -1;
      for (let j = 0; j < words.length; j++) {
        const k = termIndex(words[j]!);
        tf[k]! += weight;
        if (j === 0) first = k;
      }
      let f = forms[first];
      if (!f) forms[first] = f = { term: first, lower: 0, cap: 0, lowerForm: null, capForm: null };
      // Titles and sentence starts capitalise any word: they count little towards its display form.
      const capital = text.charCodeAt(tok.start) !== tok.term.charCodeAt(0);
      if (capital) {
        f.cap += weight > 1 || sentenceStart(text, tok.start) ? 0.25 : 1;
        f.capForm ??= displayForm(text, tok.start, tok.end);
      } else {
        f.lower += 1;
        f.lowerForm ??= displayForm(text, tok.start, tok.end);
      }
      if (tok.start < phraseChars && prev >= 0 && prev !== first && spacesOnly(text, prevEnd, tok.start)) {
        phraseUses.push([prev, first, `${text.slice(prevStart, prevEnd)} ${text.slice(tok.start, tok.end)}`]);
      }
      prev = first;
      prevStart = tok.start;
      prevEnd = tok.end;
    }
  };
  // News puts what matters first: the opening of a long article is enough to place it (and twice as fast).
  const body = leadOf(input.text, ANALYSED_CHARS);
  scan(input.title, 2, Infinity);
  scan(body, 1, LEAD_CHARS);
  const entities = countEntities([...extractEntities(input.title, lang), ...extractEntities(body, lang)]);
  for (const e of entities) tf[termIndex(`@${e.key}`)]! += e.count * ENTITY_WEIGHT;
  return { terms, tf: Float64Array.from(tf), forms: forms.filter((f): f is FormUse => f !== undefined), phraseUses, entities };
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
  const ids = a.terms.map((t) => vocab.id(t));
  const tf = new Map<number, number>();
  ids.forEach((id, k) => {
    tf.set(id, a.tf[k]!);
    vocab.df[id]!++;
  });
  const forms = vocab.formsIn(input.language);
  for (const u of a.forms) {
    const id = ids[u.term]!;
    let f = forms[id];
    if (!f) forms[id] = f = { lower: 0, cap: 0, lowerForm: null, capForm: null };
    f.lower += u.lower;
    f.cap += u.cap;
    f.lowerForm ??= u.lowerForm;
    f.capForm ??= u.capForm;
  }
  const phrases = new Set<string>();
  for (const [x, y, surface] of a.phraseUses) {
    const key = `${ids[x]} ${ids[y]}`;
    phrases.add(key);
    let pf = vocab.phraseSurfaces.get(key);
    if (!pf) vocab.phraseSurfaces.set(key, pf = new Map());
    bump(pf, surface, 1, 4);
  }
  for (const e of a.entities) {
    const id = vocab.id(`@${e.key}`);
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
