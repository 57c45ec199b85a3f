// The full-text index: MiniSearch over pre-analyzed terms (each document stemmed in its own language),
// no text in stored fields, persisted with format and analyzer versions so a stale file is rebuilt.
import MiniSearch, { type Query } from 'minisearch';
import { DossierError } from '../errors.ts';
import { ANALYZER_VERSION, isStopWord, stem, termKey, tokenize } from './analyze.ts';
import { describeQuery, parseQuery, type Clause } from './query.ts';

export const INDEX_FORMAT = 'dossier-index/1';
const FIELDS = ['title', 'text', 'note'] as const;
type Field = (typeof FIELDS)[number];
const QUERY_LANGUAGES = ['de', 'en'];
const UMLAUT = /[äöüß]/;

export interface IndexDoc {
  id: number; title: string; text: string; note: string; outlet: string | null;
  language: string; publishedAt: string | null; importedAt: string; tags: string[]; themeIds: string[];
}

/** What matched, for highlighting: index keys of matched words, and phrases. */
export interface MatchInfo { keys: string[]; strictKeys: string[]; phrases: string[] }

export interface IndexHit { id: number; score: number; matchedIn: Field[]; match: MatchInfo }
export interface IndexSearchResult { understood: string; total: number; hits: IndexHit[] }

/** Index terms of a field: folded stems, plus "!"-prefixed unfolded stems for words with umlauts (strict mode). */
function indexTerms(text: string, language: string): string {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (isStopWord(t.term, language)) continue;
    out.push(termKey(t.term, language));
    if (UMLAUT.test(t.term)) out.push(`!${stem(t.term.replace(/ß/g, 'ss'), language)}`);
    if (t.term.includes('-')) for (const p of t.term.split('-')) if (p.length > 1) out.push(termKey(p, language));
  }
  return out.join(' ');
}

function options() {
  return {
    fields: [...FIELDS],
    storeFields: [] as string[],
    extractField: (doc: Record<string, unknown>, field: string) =>
      FIELDS.includes(field as Field) ? indexTerms(String(doc[field] ?? ''), String(doc.language ?? 'und')) : doc[field],
    tokenize: (s: string) => s.split(' ').filter(Boolean),
    processTerm: (t: string) => t,
  };
}

/** The keys a query word may match: its stem in each query language (the query's language is unknown). */
export function wordKeys(word: string, strict: boolean): string[] {
  const lower = word.toLowerCase();
  if (strict && UMLAUT.test(lower)) return [...new Set(QUERY_LANGUAGES.map((l) => `!${stem(lower.replace(/ß/g, 'ss'), l)}`))];
  const keys = new Set<string>();
  for (const t of tokenize(lower)) for (const l of QUERY_LANGUAGES) keys.add(termKey(t.term, l));
  return [...keys];
}

function clauseQuery(c: Clause, strict: boolean): Query | null {
  const words = c.kind === 'phrase' ? tokenize(c.text).map((t) => t.term) : [c.text];
  const parts = words.map((w) => {
    const keys = wordKeys(w, c.kind === 'word' && (c.strict || strict));
    return { combineWith: 'OR', queries: keys, prefix: c.kind === 'word' && c.prefix } as Query;
  });
  if (parts.length === 0) return null;
  return { combineWith: 'AND', queries: parts } as Query;
}

export class SearchIndex {
  private constructor(private readonly ms: MiniSearch) {}

  static empty(): SearchIndex {
    return new SearchIndex(new MiniSearch(options()));
  }

  add(doc: IndexDoc): void { this.ms.add(doc); }
  remove(id: number): void { this.ms.discard(id); }
  has(id: number): boolean { return this.ms.has(id); }
  get size(): number { return this.ms.documentCount; }

  search(query: string, opts: { limit?: number; strictUmlauts?: boolean; now?: Date } = {}): IndexSearchResult {
    const parsed = parseQuery(query);
    const understood = describeQuery(parsed);
    const strict = opts.strictUmlauts ?? false;
    const alternatives = parsed.any.map((clauses) => clauses.map((c) => clauseQuery(c, strict)).filter((q): q is Query => !!q))
      .filter((qs) => qs.length > 0).map((queries) => ({ combineWith: 'AND', queries }) as Query);
    if (alternatives.length === 0) return { understood, total: 0, hits: [] };
    const excluded = new Set<number>();
    for (const c of parsed.exclude) {
      const q = clauseQuery(c, strict);
      if (q) for (const r of this.ms.search(q)) excluded.add(r.id as number);
    }
    const results = this.ms.search({ combineWith: 'OR', queries: alternatives } as Query, { boost: { title: 3, note: 1.5 } })
      .filter((r) => !excluded.has(r.id as number));
    const phrases = parsed.any.flat().filter((c) => c.kind === 'phrase').map((c) => c.text);
    const hits = results.slice(0, opts.limit ?? 50).map((r) => {
      const matchedIn = new Set<Field>();
      for (const fields of Object.values(r.match)) for (const f of fields) matchedIn.add(f as Field);
      const keys = r.terms.filter((t) => !t.startsWith('!'));
      return { id: r.id as number, score: r.score, matchedIn: FIELDS.filter((f) => matchedIn.has(f)),
        match: { keys, strictKeys: r.terms.filter((t) => t.startsWith('!')), phrases } };
    });
    return { understood, total: results.length, hits };
  }

  serialize(meta: { lastChangeId: number }): string {
    return JSON.stringify({ format: INDEX_FORMAT, analyzerVersion: ANALYZER_VERSION, lastChangeId: meta.lastChangeId, index: this.ms });
  }

  static deserialize(data: string): { index: SearchIndex; meta: { lastChangeId: number } } {
    let parsed: { format?: unknown; analyzerVersion?: unknown; lastChangeId?: unknown; index?: unknown };
    try {
      parsed = JSON.parse(data);
    } catch {
      throw new DossierError('search/index-corrupt', 'The saved search index is damaged; it will be rebuilt.');
    }
    if (parsed.format !== INDEX_FORMAT || parsed.analyzerVersion !== ANALYZER_VERSION) {
      throw new DossierError('search/index-stale', 'The saved search index was made by another version; it will be rebuilt.');
    }
    if (typeof parsed.lastChangeId !== 'number' || !parsed.index) {
      throw new DossierError('search/index-corrupt', 'The saved search index is damaged; it will be rebuilt.');
    }
    try {
      const ms = MiniSearch.loadJS(parsed.index as never, options());
      return { index: new SearchIndex(ms), meta: { lastChangeId: parsed.lastChangeId } };
    } catch {
      throw new DossierError('search/index-corrupt', 'The saved search index is damaged; it will be rebuilt.');
    }
  }
}

