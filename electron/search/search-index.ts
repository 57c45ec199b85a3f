// The full-text index: our own compact positional postings (see postings.ts) with MiniSearch's radix tree
// (SearchableMap) for prefix and fuzzy term lookup, a per-document table for filters, and a binary file
// format that loads as typed-array views. Holds no article text: snippets are cut from SQLite's copy.
import SearchableMap from 'minisearch/SearchableMap';
import { DossierError, isDossierError } from '../errors.ts';
import { ANALYZER_VERSION, analyzeWord, forEachToken, termOf } from './analyze.ts';
import { scannable, SLOW, TokenCursor } from './token-scan.ts';
import { TokenTable } from './token-table.ts';
import { CompoundFinder, type Vocabulary } from './compounds.ts';
import { DocTable } from './doc-table.ts';
import { evaluate, type Dictionary, type EvalContext, type MatchInfo } from './evaluate.ts';
import { readIndexFile, writeIndexFile, INDEX_FORMAT } from './index-file.ts';
import { Scratch, type Matches } from './leaves.ts';
import { compactPostings, MAX_POSITION, packOccurrence, PostingsStore, TERM_SHIFT, termOfPacked } from './postings.ts';
import { parseQuery } from './query.ts';
import { queryError } from './query-errors.ts';
import { describeQuery, describeWords, type DescribeLocale } from './query-describe.ts';
import { countFacets, rankPage, type Facets, type SortOrder } from './rank.ts';
import { restoreDocs, saveDocs } from './doc-table-file.ts';

export { INDEX_FORMAT };
export type { MatchInfo, Facets };

export interface IndexDoc {
  id: number; title: string; text: string; note: string; outlet: string | null;
  language: string; publishedAt: string | null; importedAt: string; tags: string[]; themeIds: string[];
}

export interface IndexHit {
  id: number; score: number; matchedIn: Array<'title' | 'text' | 'note'>;
  /** Whatever snippets() needs to highlight exactly what matched (terms, phrases, compound parts). */
  match: MatchInfo;
}

export interface IndexSearchResult {
  understood: string; total: number; hits: IndexHit[];
  /** Counts per outlet, language, theme and month over all matches; only when asked for (opts.facets). */
  facets?: Facets;
}

export interface SearchOptions {
  limit?: number; offset?: number; strictUmlauts?: boolean; now?: Date;
  /** The language "understood as" is written in (the UI's). */
  locale?: DescribeLocale;
  /** Newest first instead of by relevance (the query can also say sort:date). */
  sort?: SortOrder; facets?: boolean;
  /** Only these article ids can match (saved-search alerts check just the newly imported articles). */
  onlyIds?: Iterable<number>;
}

const FIELD_NAMES = ['title', 'text', 'note'] as const;
const COMPOUND_LANGUAGES = ['de', 'und'];
/** Removed documents stay as tombstones until they are this share of all slots. */
const COMPACT_RATIO = 0.2;
const WORD_CACHE_LIMIT = 300_000;

/** A word's term ids as [id, position offset] pairs (key, strict key, parts), and the positions it takes. */
interface WordEntry { ids: number[]; pieces: number }

export class SearchIndex {
  private docs = new DocTable();
  private postings = new PostingsStore();
  private terms: string[] = [];
  private termIds = new Map<string, number>();
  private tree: SearchableMap<number> | null = null;
  private compounds: CompoundFinder;
  private readonly scratch = new Scratch();
  private wordCache = new Map<string, Map<string, WordEntry>>();
  /** The same entries found straight from a token's span, per language (see token-table.ts). */
  private tokenCache = new Map<string, TokenTable<WordEntry>>();
  /** Reused buffer of one field's word entries while adding a document. */
  private entries: WordEntry[] = [];
  /** Reused buffer of packed occurrences while adding a document. */
  private codes = new Float64Array(4096);

  private constructor() {
    this.compounds = new CompoundFinder(this.vocabulary());
  }

  static empty(): SearchIndex { return new SearchIndex(); }

  /** The live view of the term list the compound finder scans (terms are only appended between compactions). */
  private vocabulary(): Vocabulary {
    const self = this;
    return { get termCount() { return self.terms.length; }, term: (id) => self.terms[id]!, has: (t) => self.termIds.has(t) };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.addTerm();
      this.terms.push(term);
      this.termIds.set(term, id);
      this.tree?.set(term, id);
    }
    return id;
  }

  /** A word's analysis with term ids, memoized per language (word frequencies are Zipfian). */
  private wordEntry(term: string, language: string): WordEntry {
    let cache = this.wordCache.get(language);
    if (!cache) this.wordCache.set(language, (cache = new Map()));
    let e = cache.get(term);
    if (e === undefined) {
      e = this.newEntry(term, language);
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      cache.set(term, e);
    }
    return e;
  }

  private newEntry(term: string, language: string): WordEntry {
    const w = analyzeWord(term, language);
    const ids: number[] = [];
    if (!w.skip) {
      ids.push(this.termId(w.key), 0);
      if (w.strict) ids.push(this.termId(w.strict), 0);
      for (const p of w.parts) ids.push(this.termId(p.key), p.offset);
    }
    return { ids, pieces: w.pieces };
  }

  /**
   * The entry of each word of `text`, in order, into `this.entries` from index 0; returns how many. Repeated
   * words are found straight from their span in the text, without building a string (see token-table.ts).
   */
  private collectEntries(text: string, language: string): number {
    const out = this.entries;
    let n = 0;
    if (!scannable(text)) {
      forEachToken(text, (term) => { out[n++] = this.wordEntry(term, language); });
      return n;
    }
    let table = this.tokenCache.get(language);
    if (!table) this.tokenCache.set(language, (table = new TokenTable(WORD_CACHE_LIMIT)));
    const cursor = new TokenCursor(text);
    while (cursor.next()) {
      const { start, end, hash } = cursor;
      let e = hash === SLOW ? undefined : table.get(text, start, end, hash);
      if (e === undefined) {
        const term = termOf(text.slice(start, end));
        if (hash === SLOW) e = this.wordEntry(term, language);
        else table.set(text, start, end, hash, (e = this.newEntry(term, language)));
      }
      out[n++] = e;
    }
    return n;
  }

  add(doc: IndexDoc): void {
    if (this.has(doc.id)) this.remove(doc.id);
    const language = doc.language || 'und';
    const lengths: [number, number, number] = [0, 0, 0];
    const entries = this.entries;
    let codes = this.codes;
    let n = 0;
    for (let field = 0; field < 3; field++) {
      const count = this.collectEntries((field === 0 ? doc.title : field === 1 ? doc.text : doc.note) ?? '', language);
      let position = 0;
      let indexed = 0;
      for (let k = 0; k < count; k++) {
        const e = entries[k]!;
        const ids = e.ids;
        if (ids.length > 0 && position <= MAX_POSITION - 16) {
          indexed++;
          if (n + ids.length > codes.length) { const bigger = new Float64Array(codes.length * 2 + ids.length); bigger.set(codes); codes = bigger; }
          for (let i = 0; i < ids.length; i += 2) codes[n++] = packOccurrence(ids[i]!, field, position + ids[i + 1]!);
        }
        position += e.pieces;
      }
      lengths[field] = indexed;
    }
    this.codes = codes.length > 1 << 20 ? new Float64Array(4096) : codes;
    const slot = this.docs.add({
      id: doc.id, language, outlet: doc.outlet, publishedAt: doc.publishedAt, importedAt: doc.importedAt,
      hasNote: (doc.note ?? '').trim() !== '', tags: doc.tags ?? [], themeIds: doc.themeIds ?? [], lengths,
    });
    const sorted = codes.subarray(0, n).sort();
    let from = 0;
    while (from < n) {
      const term = termOfPacked(sorted[from]!);
      // Codes of one term lie below the next term's first code.
      const next = (term + 1) * TERM_SHIFT;
      let i = from + 1;
      while (i < n && sorted[i]! < next) i++;
      // The same term twice at one position (a part equal to its word) counts once.
      let to = from + 1;
      for (let j = from + 1; j < i; j++) if (sorted[j] !== sorted[to - 1]) sorted[to++] = sorted[j]!;
      this.postings.appendPacked(term, slot, sorted, from, to);
      from = i;
    }
    if (this.postings.wantsMerge) this.postings.merge();
  }

  remove(id: number): void {
    this.docs.remove(id);
  }

  /** Sets a document's themes without re-analysing its text; true if they changed. */
  setThemes(id: number, themeIds: readonly string[]): boolean {
    return this.docs.setThemes(id, themeIds);
  }

  /** The ids of the indexed articles. */
  ids(): IterableIterator<number> { return this.docs.liveIds(); }

  has(id: number): boolean { return this.docs.slot(id) !== undefined; }
  get size(): number { return this.docs.liveCount; }

  private dictionary(): Dictionary {
    const tree = () => (this.tree ??= SearchableMap.from(this.terms.map((t, i) => [t, i] as [string, number])));
    return {
      id: (t) => this.termIds.get(t),
      term: (id) => this.terms[id]!,
      prefix: (p, limit) => {
        const ids: number[] = [];
        for (const [t, id] of tree().atPrefix(p)) if (!t.startsWith('!')) ids.push(id);
        return ids.sort((a, b) => this.postings.docCount[b]! - this.postings.docCount[a]!).slice(0, limit);
      },
      fuzzy: (t, distance, limit) => [...tree().fuzzyGet(t, distance)]
        .filter(([k]) => !k.startsWith('!') && !/\d/.test(k))
        .map(([, [id, d]]) => ({ id, distance: d })).sort((a, b) => a.distance - b.distance).slice(0, limit),
      compounds: (key, word) => this.compounds.find(key, word),
    };
  }

  /** Throws DossierError('search/bad-query', helpful message) for malformed queries. */
  search(query: string, opts: SearchOptions = {}): IndexSearchResult {
    let parsed;
    try {
      parsed = parseQuery(query, opts.now ?? new Date());
    } catch (e) {
      if (isDossierError(e)) throw e;
      throw queryError('unreadable');
    }
    const languages = new Set(['de', 'en', 'und', ...this.docs.languages.values]);
    const ctx: EvalContext = {
      docs: this.docs, postings: this.postings, scratch: this.scratch, dict: this.dictionary(),
      compoundLanguages: new Set(COMPOUND_LANGUAGES.map((l) => this.docs.languages.find(l)).filter((x): x is number => x !== undefined)),
      languages: [...languages], strictUmlauts: opts.strictUmlauts ?? false,
      keys: new Set(), parts: new Map(), phrases: [], ignored: new Set(), feminine: false, termsOf: new Map(), within: null,
    };
    const only = opts.onlyIds ? this.slotMask(opts.onlyIds) : null;
    ctx.within = only;
    let matches = parsed.root ? evaluate(ctx, parsed.root) : null;
    // Not every node narrows by `within`; filtering the result keeps the restriction exact.
    if (matches && only) matches = keepSlots(matches, only);
    const words = describeWords(opts.locale);
    let understood = describeQuery(parsed, opts.locale);
    if (ctx.feminine) understood += ctx.parts.size > 0 ? words.feminineAndCompounds : words.feminine;
    else if (ctx.parts.size > 0) understood += words.compounds;
    if (ctx.ignored.size > 0) understood += words.stopWords([...ctx.ignored].join(', '));
    if (!matches) {
      if (!parsed.root) return { understood: words.nothingYet, total: 0, hits: [] };
      return { understood, total: 0, hits: [] };
    }
    const sort = opts.sort ?? parsed.sort;
    const page = rankPage(matches, this.docs, sort, opts.offset ?? 0, opts.limit ?? 50);
    const shared = { keys: [...ctx.keys], parts: [...ctx.parts.values()], phrases: ctx.phrases };
    const hits = page.map((i): IndexHit => {
      const slot = matches.slots[i]!;
      const bits = matches.fields[i]!;
      return {
        id: this.docs.ids[slot]!, score: matches.scores[i]!,
        matchedIn: FIELD_NAMES.filter((_, f) => bits & (1 << f)),
        match: { language: this.docs.languages.values[this.docs.langs[slot]!]!, ...shared },
      };
    });
    return { understood, total: matches.slots.length, hits, ...(opts.facets ? { facets: countFacets(matches, this.docs) } : {}) };
  }

  private slotMask(ids: Iterable<number>): Uint8Array {
    const mask = new Uint8Array(this.docs.count);
    for (const id of ids) {
      const slot = this.docs.slot(id);
      if (slot !== undefined) mask[slot] = 1;
    }
    return mask;
  }

  /** Drops removed documents and unused terms for good (renumbers slots and terms). */
  private compact(): void {
    const { table, slotMap } = this.docs.compact();
    const { store, termMap } = compactPostings(this.postings, slotMap);
    const terms: string[] = new Array(store.termCount);
    termMap.forEach((to, from) => { if (to >= 0) terms[to] = this.terms[from]!; });
    this.docs = table;
    this.postings = store;
    this.setTerms(terms);
  }

  private setTerms(terms: string[]): void {
    this.terms = terms;
    this.termIds = new Map(terms.map((t, i) => [t, i]));
    this.tree = null;
    this.wordCache = new Map();
    this.tokenCache = new Map();
    this.compounds = new CompoundFinder(this.vocabulary());
  }

  /** A binary image (Uint8Array): write it to disk as bytes and pass the bytes back to deserialize(). */
  serialize(meta: { lastChangeId: number }): Uint8Array {
    if (this.docs.count - this.docs.liveCount > COMPACT_RATIO * this.docs.count) this.compact();
    this.postings.merge();
    const p = this.postings;
    const n = p.termCount;
    const docs = saveDocs(this.docs);
    return writeIndexFile(
      { format: INDEX_FORMAT, analyzerVersion: ANALYZER_VERSION, lastChangeId: meta.lastChangeId, meta: { termCount: n, docs: docs.meta } },
      {
        ...docs.sections,
        terms: new TextEncoder().encode(this.terms.join('\n')),
        postings: p.base, postingLengths: p.baseLen.slice(0, n), lastSlot: p.lastSlot.slice(0, n), docCount: p.docCount.slice(0, n),
      },
    );
  }

  /** Throws DossierError('search/index-stale') for another format/analyzer version, ('search/index-corrupt') otherwise. */
  static deserialize(data: Uint8Array | string): { index: SearchIndex; meta: { lastChangeId: number } } {
    const { header, sections } = readIndexFile(data, ANALYZER_VERSION);
    try {
      const index = new SearchIndex();
      const termCount = Number((header.meta as { termCount?: unknown }).termCount);
      const text = new TextDecoder().decode(sections.terms as Uint8Array);
      const terms = termCount === 0 ? [] : text.split('\n');
      if (terms.length !== termCount || typeof header.lastChangeId !== 'number') throw new Error('term count');
      const p = index.postings;
      for (let i = 0; i < termCount; i++) p.addTerm();
      p.base = sections.postings as Uint8Array;
      const lengths = sections.postingLengths as Uint32Array;
      let at = 0;
      for (let i = 0; i < termCount; i++) { p.baseStart[i] = at; p.baseLen[i] = lengths[i]!; at += lengths[i]!; }
      if (at !== p.base.length) throw new Error('postings length');
      p.lastSlot.set(sections.lastSlot as Int32Array);
      p.docCount.set(sections.docCount as Uint32Array);
      index.docs = restoreDocs((header.meta as { docs: unknown }).docs, sections);
      index.setTerms(terms);
      return { index, meta: { lastChangeId: header.lastChangeId } };
    } catch (e) {
      if (isDossierError(e)) throw e;
      throw new DossierError('search/index-corrupt', 'The saved search index is damaged; it will be rebuilt.');
    }
  }
}

function keepSlots(m: Matches, mask: Uint8Array): Matches {
  const keep: number[] = [];
  for (let i = 0; i < m.slots.length; i++) if (mask[m.slots[i]!] === 1) keep.push(i);
  if (keep.length === m.slots.length) return m;
  return {
    slots: Int32Array.from(keep, (i) => m.slots[i]!), scores: Float64Array.from(keep, (i) => m.scores[i]!),
    fields: Uint8Array.from(keep, (i) => m.fields[i]!), penalty: Uint8Array.from(keep, (i) => m.penalty[i]!),
  };
}
