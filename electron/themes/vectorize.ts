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
  /** Language -> token -> term ids: each distinct word is looked up once per set. */
  readonly wordIds = new Map<string, Map<string, number[]>>();
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

  /** Token -> term ids for one language (the map is filled lazily by `idsOf`). */
  wordsIn(language: string): Map<string, number[]> {
    let cache = this.wordIds.get(language);
    if (!cache) this.wordIds.set(language, cache = new Map());
    return cache;
  }

  idsOf(word: string, language: string, cache = this.wordsIn(language)): number[] {
    let ids = cache.get(word);
    if (ids === undefined) {
      ids = indexTerms(word, language).map((t) => this.id(t));
      cache.set(word, ids);
    }
    return ids;
  }

  formsIn(language: string): Array<Forms | undefined> {
    let f = this.forms.get(language);
    if (!f) this.forms.set(language, f = []);
    return f;
  }

  /** Per-article term counts are gathered in one reusable array instead of a map per token. */
  readonly scratch: { counts: Float64Array; touched: number[] } = { counts: new Float64Array(1024), touched: [] };

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
const BODY_CHARS = 3000;

/** The first `max` characters of a text, cut after a sentence or at least a word. */
function leadOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > max * 0.6 ? cut.slice(0, end + 1) : cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
}
const ENTITY_WEIGHT = 1.5;

/** Counts terms, title phrases and entities of one article into `vocab`. */
export function featuresOf(input: ThemeInput, vocab: Vocabulary): DocFeatures {
  const phrases = new Set<string>();
  const lang = input.language;
  const forms = vocab.formsIn(lang);
  const words = vocab.wordsIn(lang);
  const scratch = vocab.scratch;
  const count = (id: number, by: number): void => {
    if (id >= scratch.counts.length) {
      const grown = new Float64Array(Math.max(id + 1, scratch.counts.length * 2));
      grown.set(scratch.counts);
      scratch.counts = grown;
    }
    if (scratch.counts[id] === 0) scratch.touched.push(id);
    scratch.counts[id]! += by;
  };
  const scan = (text: string, weight: number, phraseChars: number): void => {
    let prevId = -1;
    let prevStart = 0;
    let prevEnd = 0;
    for (const tok of tokenize(text)) {
      const ids = vocab.idsOf(tok.term, lang, words);
      if (ids.length === 0) { prevId = -1; continue; }
      for (let k = 0; k < ids.length; k++) count(ids[k]!, weight);
      const id = ids[0]!;
      let f = forms[id];
      if (!f) forms[id] = f = { lower: 0, cap: 0, lowerForm: null, capForm: null };
      // Titles and sentence starts capitalise any word: they count little towards its display form.
      const capital = text.charCodeAt(tok.start) !== tok.term.charCodeAt(0);
      if (capital) {
        f.cap += weight > 1 || sentenceStart(text, tok.start) ? 0.25 : 1;
        f.capForm ??= displayForm(text, tok.start, tok.end);
      } else {
        f.lower += 1;
        f.lowerForm ??= displayForm(text, tok.start, tok.end);
      }
      if (tok.start < phraseChars && prevId >= 0 && prevId !== id && spacesOnly(text, prevEnd, tok.start)) {
        const key = `${prevId} ${id}`;
        phrases.add(key);
        let pf = vocab.phraseSurfaces.get(key);
        if (!pf) vocab.phraseSurfaces.set(key, pf = new Map());
        bump(pf, `${text.slice(prevStart, prevEnd)} ${text.slice(tok.start, tok.end)}`, 1, 4);
      }
      prevId = id;
      prevStart = tok.start;
      prevEnd = tok.end;
    }
  };
  // News puts what matters first: the opening of a long article is enough to place it (and twice as fast).
  const body = leadOf(input.text, BODY_CHARS);
  scan(input.title, 2, Infinity);
  scan(body, 1, LEAD_CHARS);
  const entities = countEntities([...extractEntities(input.title, lang), ...extractEntities(body, lang)]);
  for (const e of entities) {
    const id = vocab.id(`@${e.key}`);
    count(id, e.count * ENTITY_WEIGHT);
    let names = vocab.names.get(id);
    if (!names) vocab.names.set(id, names = new Map());
    bump(names, e.name, e.count, 8);
  }
  const tf = new Map<number, number>();
  for (const id of scratch.touched) {
    tf.set(id, scratch.counts[id]!);
    scratch.counts[id] = 0;
    vocab.df[id]!++;
  }
  scratch.touched.length = 0;
  vocab.docCount++;
  return { input, time: articleTime(input), tf, phrases: [...phrases], entities };
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
