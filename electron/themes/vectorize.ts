// Term weighting for themes: each article becomes a sparse, unit-length TF-IDF vector over analyzed terms
// (stems from search/analyze.ts) and canonical entity keys ("@north korea", shared by German and English
// text), plus the surface forms and title phrases that labels are made of.
import { analyzeText, tokenize } from '../search/analyze.ts';
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

/** The terms, their document frequencies and display forms for one set of articles. */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  readonly df: number[] = [];
  /** Term id -> surface form -> count; entity keys hold their display names. */
  readonly surfaces = new Map<number, Map<string, number>>();
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

  /** The most used display form of a term ("Nordkorea" for "nordkorea"). */
  surface(id: number): string {
    const forms = this.surfaces.get(id);
    if (!forms) return this.terms[id]?.replace(/^@/, '') ?? '';
    return bestForm(forms);
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

// Analyzing each distinct word once per language keeps vectorizing 10k articles within a few seconds.
// A hyphenated word yields the compound and its parts ("US-Militärhilfe": usmilitarhilf, us, militarhilf).
const termCaches = new Map<string, Map<string, string[]>>();
function indexTerms(surface: string, language: string): string[] {
  let cache = termCaches.get(language);
  if (!cache) termCaches.set(language, cache = new Map());
  const cached = cache.get(surface);
  if (cached !== undefined) return cached;
  const terms = analyzeText(surface, language).filter((t) => t.length > 1 && !/^\d/.test(t));
  if (cache.size > 300_000) cache.clear();
  cache.set(surface, terms);
  return terms;
}

/** The id of a word's index term if the vocabulary knows it (no new ids are made). */
export function termOf(surface: string, language: string, vocab: Vocabulary): number | undefined {
  const t = indexTerms(surface, language)[0];
  return t === undefined ? undefined : vocab.ids.get(t);
}

const LEAD_CHARS = 300;
const ENTITY_WEIGHT = 1.5;

/** Counts terms, title phrases and entities of one article into `vocab`. */
export function featuresOf(input: ThemeInput, vocab: Vocabulary): DocFeatures {
  const tf = new Map<number, number>();
  const phrases = new Set<string>();
  const lang = input.language;
  const scan = (text: string, weight: number, phraseChars: number): void => {
    let prev: { id: number; end: number; surface: string } | null = null;
    for (const tok of tokenize(text)) {
      const surface = text.slice(tok.start, tok.end);
      const terms = indexTerms(surface, lang);
      if (terms.length === 0) { prev = null; continue; }
      for (let k = 1; k < terms.length; k++) bump(tf, vocab.id(terms[k]!), weight);
      const id = vocab.id(terms[0]!);
      bump(tf, id, weight);
      let forms = vocab.surfaces.get(id);
      if (!forms) vocab.surfaces.set(id, forms = new Map());
      bump(forms, surface, 1, 6);
      if (tok.start < phraseChars && prev && /^[ \u00a0]+$/.test(text.slice(prev.end, tok.start)) && prev.id !== id) {
        const key = `${prev.id} ${id}`;
        phrases.add(key);
        let pf = vocab.phraseSurfaces.get(key);
        if (!pf) vocab.phraseSurfaces.set(key, pf = new Map());
        bump(pf, `${prev.surface} ${surface}`, 1, 4);
      }
      prev = { id, end: tok.end, surface };
    }
  };
  scan(input.title, 2, Infinity);
  scan(input.text, 1, LEAD_CHARS);
  const entities = countEntities([...extractEntities(input.title, lang), ...extractEntities(input.text, lang)]);
  for (const e of entities) {
    const id = vocab.id(`@${e.key}`);
    bump(tf, id, e.count * ENTITY_WEIGHT);
    let forms = vocab.surfaces.get(id);
    if (!forms) vocab.surfaces.set(id, forms = new Map());
    bump(forms, e.name, e.count, 6);
  }
  for (const id of tf.keys()) vocab.df[id]!++;
  vocab.docCount++;
  return { input, time: articleTime(input), tf, phrases: [...phrases], entities };
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

/** The TF-IDF vector of an article, unit length, heaviest `topK` terms. */
export function weigh(tf: Map<number, number>, df: ArrayLike<number>, n: number, opts: WeightOptions = {}): SparseVector {
  const { topK = 40, dropRare = false } = opts;
  const common = n >= 20 ? Math.max(4, n * 0.2) : Infinity;
  const entries: Array<[number, number]> = [];
  for (const [id, c] of tf) {
    const d = df[id] ?? 1;
    if ((dropRare && d < 2) || d > common) continue;
    entries.push([id, (1 + Math.log(c)) * idf(d, n)]);
  }
  entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const top = entries.slice(0, topK);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return { ids: Int32Array.from(top, ([id]) => id), w: Float64Array.from(top, ([, w]) => w / norm) };
}

/** Vectorizes a set of articles against their own term statistics. */
export function vectorize(articles: readonly ThemeInput[], opts: WeightOptions = {}):
  { vocab: Vocabulary; docs: DocFeatures[]; vectors: SparseVector[] } {
  const vocab = new Vocabulary();
  const docs = articles.map((a) => featuresOf(a, vocab));
  const vectors = docs.map((d) => weigh(d.tf, vocab.df, vocab.docCount, { dropRare: docs.length >= 20, ...opts }));
  return { vocab, docs, vectors };
}
