// Evaluates a parsed query against the index: turns words and phrases into weighted index terms (all
// languages' stems, strict umlaut keys, prefix and fuzzy expansions, compound parts, the German forms of
// german-forms.ts), then combines the scored document sets with AND / OR / NOT and applies filters from the
// per-document table.
import { foldUmlauts, hasUmlaut, isStopWord, termKey, tokenize, wordPieces } from './analyze.ts';
import { feminineForms, feminineOtherNumber, sFormKey } from './german-forms.ts';
import type { CompoundPart } from './compounds.ts';
import type { DocTable } from './doc-table.ts';
import { scorePhrase, scoreWord, type LeafContext, type Matches, type PhraseElement, type WeightedTerm } from './leaves.ts';
import type { QueryNode } from './query.ts';

export interface Dictionary {
  id(term: string): number | undefined;
  term(id: number): string;
  /** Term ids starting with `prefix`, the most frequent first. */
  prefix(prefix: string, limit: number): number[];
  /** Term ids within `distance` edits of `term`. */
  fuzzy(term: string, distance: number, limit: number): Array<{ id: number; distance: number }>;
  /** `word`: the query word folded, not stemmed (see CompoundFinder.find). */
  compounds(key: string, word: string): CompoundPart[];
}

/** What matched, for snippets: matched index keys, compound parts inside keys, phrases as key sequences. */
export interface MatchInfo {
  /** Language the document was analyzed in (snippets analyze its text the same way). */
  language: string;
  keys: string[];
  parts: Array<{ key: string; start: number; end: number }>;
  phrases: Array<Array<{ keys: string[]; offset: number }>>;
}

export interface EvalContext extends LeafContext {
  dict: Dictionary;
  /** Languages to stem a query word in (the query's language is unknown): those in the index, plus 'und'. */
  languages: string[];
  strictUmlauts: boolean;
  /** Collected while evaluating the positive parts of the query. */
  keys: Set<string>;
  parts: Map<string, { key: string; start: number; end: number }>;
  phrases: MatchInfo['phrases'];
  ignored: Set<string>;
  /** Set when a query word also found its German feminine forms ("Ministerin" for "Minister"). */
  feminine: boolean;
  /** Expanded terms per word node, so estimating and scoring expand a word once. */
  termsOf: Map<QueryNode, WeightedTerm[]>;
}

const PREFIX_LIMIT = 300;
const FUZZY_LIMIT = 100;
const PART_WEIGHT = 0.35;
const FUZZY_WEIGHT = 0.6;
const PREFIX_WEIGHT = 0.8;
/** A feminine form ranks just below the word as typed ("Ministerin" for "Minister"). */
const FEMININE_WEIGHT = 0.9;
const QUERY_STOP_LANGUAGES = ['de', 'en'];

const fieldIndex = (field: 'title' | 'note' | null): number | null => (field === 'title' ? 0 : field === 'note' ? 2 : null);
const EMPTY: Matches = { slots: new Int32Array(0), scores: new Float64Array(0), fields: new Uint8Array(0), penalty: new Uint8Array(0) };

function isQueryStopWord(term: string): boolean {
  return QUERY_STOP_LANGUAGES.some((l) => isStopWord(term, l));
}

function keysOf(ctx: EvalContext, term: string, strict: boolean): string[] {
  const keys = new Set<string>();
  for (const l of ctx.languages) keys.add(strict ? `!${termKey(term, l)}` : termKey(term, l));
  return [...keys];
}

function wordTerms(ctx: EvalContext, n: Extract<QueryNode, { type: 'word' }>, term: string, positive: boolean): WeightedTerm[] {
  const cached = ctx.termsOf.get(n);
  if (cached) return cached;
  const found = expandWord(ctx, n, term, positive);
  ctx.termsOf.set(n, found);
  return found;
}

function expandWord(ctx: EvalContext, n: Extract<QueryNode, { type: 'word' }>, term: string, positive: boolean): WeightedTerm[] {
  const strict = (n.strict || ctx.strictUmlauts) && hasUmlaut(term);
  const out = new Map<number, WeightedTerm>();
  const add = (id: number | undefined, weight: number, part: boolean): void => {
    if (id === undefined) return;
    const had = out.get(id);
    if (!had || had.weight < weight) out.set(id, { id, weight, part });
    if (positive && !part) ctx.keys.add(ctx.dict.term(id));
  };
  const keys = keysOf(ctx, term, strict);
  for (const k of keys) add(ctx.dict.id(k), 1, false);
  if (n.prefix) {
    for (const id of ctx.dict.prefix(foldUmlauts(term.replace(/['-]/g, '')), PREFIX_LIMIT)) add(id, PREFIX_WEIGHT, false);
  } else if (n.fuzzy > 0) {
    for (const k of keys) for (const f of ctx.dict.fuzzy(k, n.fuzzy, FUZZY_LIMIT)) add(f.id, f.distance === 0 ? 1 : FUZZY_WEIGHT, false);
  } else if (!strict) {
    /** Adds the compounds `word` is a part of; how many there are. */
    const compounds = (word: string): number => {
      const found = ctx.dict.compounds(termKey(word, 'de'), foldUmlauts(word.replace(/['-]/g, '')));
      for (const c of found) {
        add(c.termId, PART_WEIGHT, true);
        if (positive) ctx.parts.set(c.term, { key: c.term, start: c.start, end: c.end });
      }
      return found.length;
    };
    compounds(term);
    const other = feminineOtherNumber(term);
    if (other !== null) {
      add(ctx.dict.id(termKey(other, 'de')), 1, false);
      compounds(other);
    }
    const withS = sFormKey(term);
    if (withS !== null) add(ctx.dict.id(withS), 1, false);
    for (const form of feminineForms(term)) {
      const id = ctx.dict.id(termKey(form, 'de'));
      add(id, FEMININE_WEIGHT, false);
      // "Außenministerin" for "Minister", even where the library has no "Ministerin" of its own.
      if ((compounds(form) > 0 || id !== undefined) && positive) ctx.feminine = true;
    }
  }
  return [...out.values()];
}

/** Phrase elements at word offsets, counting stop words and hyphen pieces as positions, like indexing does. */
function phraseElements(ctx: EvalContext, text: string, positive: boolean): PhraseElement[] | null {
  const elements: PhraseElement[] = [];
  const shown: Array<{ keys: string[]; offset: number }> = [];
  let offset = 0;
  for (const t of tokenize(text)) {
    const pieces = wordPieces(t.term).length;
    if (!isQueryStopWord(t.term)) {
      const keys = keysOf(ctx, t.term, ctx.strictUmlauts && hasUmlaut(t.term));
      const ids = keys.map((k) => ctx.dict.id(k)).filter((id): id is number => id !== undefined);
      if (ids.length === 0) return null; // a word no document has: the phrase cannot match
      elements.push({ ids, offset });
      shown.push({ keys, offset });
    } else {
      ctx.ignored.add(t.term);
    }
    offset += pieces;
  }
  if (positive && shown.length > 0) ctx.phrases.push(shown);
  return elements;
}

function evalLeaf(ctx: EvalContext, n: Extract<QueryNode, { type: 'word' | 'phrase' }>, positive: boolean): Matches | null {
  const field = fieldIndex(n.field);
  if (n.type === 'word') {
    const tokens = tokenize(n.text);
    if (tokens.length === 1) {
      const term = tokens[0]!.term;
      if (isQueryStopWord(term) && !n.prefix) { ctx.ignored.add(term); return null; }
      return scoreWord(ctx, wordTerms(ctx, n, term, positive), field);
    }
    if (tokens.length === 0) return null;
    // "U.S." or "Ukraine/Russland" typed as one word: its pieces must follow each other.
  }
  const elements = phraseElements(ctx, n.text, positive);
  if (elements === null) return EMPTY;
  if (elements.length === 0) return null;
  return scorePhrase(ctx, elements, field);
}

function predicate(docs: DocTable, n: Extract<QueryNode, { type: 'filter' | 'date' }>): (slot: number) => boolean {
  if (n.type === 'date') {
    const from = n.from === null ? -Infinity : n.from * 86_400;
    const to = n.to === null ? Infinity : n.to * 86_400;
    return (s) => docs.dates[s]! >= from && docs.dates[s]! < to;
  }
  const v = n.value.toLowerCase();
  switch (n.name) {
    case 'has': return (s) => docs.hasNote[s] === 1;
    case 'lang': { const id = docs.languages.find(v); return (s) => docs.langs[s] === id; }
    case 'outlet': {
      const wanted = new Set<number>();
      const needle = foldUmlauts(v);
      docs.outletNames.values.forEach((name, id) => { if (foldUmlauts(name.toLowerCase()).includes(needle)) wanted.add(id); });
      return (s) => wanted.has(docs.outlets[s]!);
    }
    case 'tag': { const id = docs.tagNames.find(v); return (s) => id !== undefined && (docs.tags[s]?.includes(id) ?? false); }
    case 'theme': { const id = docs.themeNames.find(n.value); return (s) => id !== undefined && (docs.themes[s]?.includes(id) ?? false); }
  }
}

function allLive(docs: DocTable, keep: (slot: number) => boolean = () => true): Matches {
  const slots: number[] = [];
  for (let s = 0; s < docs.count; s++) if (docs.alive[s] && keep(s)) slots.push(s);
  const n = slots.length;
  return { slots: Int32Array.from(slots), scores: new Float64Array(n), fields: new Uint8Array(n), penalty: new Uint8Array(n) };
}

function filterMatches(m: Matches, keep: (slot: number, i: number) => boolean): Matches {
  const idx: number[] = [];
  for (let i = 0; i < m.slots.length; i++) if (keep(m.slots[i]!, i)) idx.push(i);
  if (idx.length === m.slots.length) return m;
  return {
    slots: Int32Array.from(idx, (i) => m.slots[i]!), scores: Float64Array.from(idx, (i) => m.scores[i]!),
    fields: Uint8Array.from(idx, (i) => m.fields[i]!), penalty: Uint8Array.from(idx, (i) => m.penalty[i]!),
  };
}

function intersect(a: Matches, b: Matches): Matches {
  const out: number[][] = [[], [], [], []];
  let i = 0;
  let j = 0;
  const [slots, scores, fields, penalty] = out as [number[], number[], number[], number[]];
  while (i < a.slots.length && j < b.slots.length) {
    const x = a.slots[i]!;
    const y = b.slots[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      slots.push(x); scores.push(a.scores[i]! + b.scores[j]!); fields.push(a.fields[i]! | b.fields[j]!);
      penalty.push(a.penalty[i]! + b.penalty[j]!);
      i++; j++;
    }
  }
  return { slots: Int32Array.from(slots), scores: Float64Array.from(scores), fields: Uint8Array.from(fields), penalty: Uint8Array.from(penalty) };
}

function union(a: Matches, b: Matches): Matches {
  const slots: number[] = [], scores: number[] = [], fields: number[] = [], penalty: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.slots.length || j < b.slots.length) {
    const x = i < a.slots.length ? a.slots[i]! : Infinity;
    const y = j < b.slots.length ? b.slots[j]! : Infinity;
    if (x < y) { slots.push(x); scores.push(a.scores[i]!); fields.push(a.fields[i]!); penalty.push(a.penalty[i]!); i++; }
    else if (y < x) { slots.push(y); scores.push(b.scores[j]!); fields.push(b.fields[j]!); penalty.push(b.penalty[j]!); j++; }
    else {
      slots.push(x); scores.push(a.scores[i]! + b.scores[j]!); fields.push(a.fields[i]! | b.fields[j]!);
      penalty.push(Math.min(a.penalty[i]!, b.penalty[j]!));
      i++; j++;
    }
  }
  return { slots: Int32Array.from(slots), scores: Float64Array.from(scores), fields: Uint8Array.from(fields), penalty: Uint8Array.from(penalty) };
}

function slotSet(m: Matches): Set<number> { return new Set(m.slots); }

/** Documents matching `n` (null: the node constrains nothing, e.g. only stop words). */
export function evaluate(ctx: EvalContext, n: QueryNode, positive = true): Matches | null {
  switch (n.type) {
    case 'word': case 'phrase': return evalLeaf(ctx, n, positive);
    case 'filter': case 'date': return allLive(ctx.docs, predicate(ctx.docs, n));
    case 'not': {
      const inner = evaluate(ctx, n.child, !positive);
      if (!inner) return null;
      const out = slotSet(inner);
      return allLive(ctx.docs, (s) => !out.has(s));
    }
    case 'or': {
      let acc: Matches | null = null;
      for (const c of n.children) {
        const m = evaluate(ctx, c, positive);
        if (m) acc = acc ? union(acc, m) : m;
      }
      return acc;
    }
    case 'and': return evalAnd(ctx, n.children, positive);
  }
}

/** Roughly how many documents a child matches: the rarest go first and narrow the rest. */
function estimate(ctx: EvalContext, n: QueryNode, positive: boolean): number {
  if (n.type === 'word' && !n.prefix && !n.fuzzy) {
    const tokens = tokenize(n.text);
    if (tokens.length !== 1 || isQueryStopWord(tokens[0]!.term)) return Infinity;
    return wordTerms(ctx, n, tokens[0]!.term, positive).reduce((sum, t) => sum + ctx.postings.docCount[t.id]!, 0);
  }
  return Infinity;
}

function maskOf(docs: DocTable, m: Matches): Uint8Array {
  const mask = new Uint8Array(docs.count);
  for (const s of m.slots) mask[s] = 1;
  return mask;
}

function evalAnd(ctx: EvalContext, children: QueryNode[], positive: boolean): Matches | null {
  const filters: Array<(slot: number) => boolean> = [];
  const exclusions: QueryNode[] = [];
  const scored: QueryNode[] = [];
  for (const c of children) {
    if (c.type === 'filter' || c.type === 'date') filters.push(predicate(ctx.docs, c));
    else if (c.type === 'not' && (c.child.type === 'filter' || c.child.type === 'date')) {
      const p = predicate(ctx.docs, c.child);
      filters.push((s) => !p(s));
    } else if (c.type === 'not') exclusions.push(c.child);
    else scored.push(c);
  }
  const keep = (s: number) => filters.every((f) => f(s));
  const outer = ctx.within;
  let acc: Matches | null = null;
  // Rarest child first; each later child only scores the documents still in the running.
  const estimates = new Map(scored.map((c) => [c, estimate(ctx, c, positive)]));
  for (const c of [...scored].sort((a, b) => estimates.get(a)! - estimates.get(b)!)) {
    if (acc) ctx.within = maskOf(ctx.docs, acc);
    const m = evaluate(ctx, c, positive);
    if (!m) continue;
    acc = acc ? intersect(acc, m) : filters.length > 0 ? filterMatches(m, keep) : m;
  }
  ctx.within = outer;
  if (!acc) {
    if (filters.length === 0 && exclusions.length === 0) return null;
    acc = allLive(ctx.docs, (s) => (!outer || outer[s] === 1) && keep(s));
  }
  for (const e of exclusions) {
    if (acc.slots.length === 0) break;
    ctx.within = maskOf(ctx.docs, acc);
    const m = evaluate(ctx, e, !positive);
    ctx.within = outer;
    if (!m || m.slots.length === 0) continue;
    const out = slotSet(m);
    acc = filterMatches(acc, (s) => !out.has(s));
  }
  return acc;
}
