// Incremental themes: a serializable ThemeState (term statistics and theme centroids) that the Library
// stores, and placeArticle, which puts one new article into the best theme (or a new one) without a full
// recompute. Document frequencies grow with every article; older centroids keep the weights they had.
import { modelThemes, arrivalOrder, type ThemeModel } from './build-themes.ts';
import { labelGroup, scoreTerms } from './labels.ts';
import { DEFAULT_OPTIONS, articleTime, idFromMembers, type ThemeGroup, type ThemeInput, type ThemeOptions } from './types.ts';
import { featuresOf, Vocabulary, weigh, type SparseVector } from './vectorize.ts';

/** One theme in the state. `sum` holds the heaviest terms of the summed unit vectors of its articles. */
export interface StateTheme {
  /** Stable for the life of the theme (derived from its first members). */
  id: string;
  label: string;
  terms: string[];
  articleIds: number[];
  sum: Record<string, number>;
  /** Newest article date (ms since epoch). */
  newest: number;
}

/** Everything placeArticle needs, as plain JSON (JSON.stringify / JSON.parse round-trip it). */
export interface ThemeState {
  version: 1;
  options: Required<ThemeOptions>;
  /** Articles counted in `df`. */
  docCount: number;
  /** Term ("nordkorea", or "@north korea" for an entity) -> number of articles containing it. */
  df: Record<string, number>;
  themes: StateTheme[];
}

export interface Placement { themeId: string; created: boolean; similarity: number }

const KEEP_TERMS = 120;

function trimSum(sum: Map<string, number>): Record<string, number> {
  const top = [...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, KEEP_TERMS);
  return Object.fromEntries(top);
}

/** Builds the state from scratch (first run, or a periodic full recompute). */
export function createThemeState(articles: readonly ThemeInput[], opts: ThemeOptions = {}): ThemeState {
  const options = { ...DEFAULT_OPTIONS, ...opts };
  return stateFromModel(modelThemes(arrivalOrder(articles), options), options);
}

/** The state of a full build (the Library keeps the model to build each theme's details from it). */
export function stateFromModel(model: ThemeModel, options: Required<ThemeOptions>): ThemeState {
  const df: Record<string, number> = {};
  model.vocab.terms.forEach((t, id) => { df[t] = model.vocab.df[id]!; });
  const themes = model.groups.map((g): StateTheme => {
    const sum = new Map<string, number>();
    for (const i of g.members) {
      const v = model.vectors[i]!;
      for (let k = 0; k < v.ids.length; k++) { const t = model.vocab.terms[v.ids[k]!]!; sum.set(t, (sum.get(t) ?? 0) + v.w[k]!); }
    }
    const docs = g.members.map((i) => model.docs[i]!);
    // Oldest first, like later placements append: themesOfState reverses to newest first.
    return { id: g.id, label: g.label, terms: g.terms, articleIds: docs.map((d) => d.input.id), sum: trimSum(sum),
      newest: Math.max(...docs.map((d) => d.time)) };
  });
  return { version: 1, options, docCount: model.vocab.docCount, df, themes };
}

/** Inverted index over theme sums, kept beside (not inside) the state so the state stays plain JSON. */
interface Index { postings: Map<string, Set<number>>; themeCount: number }
const indexes = new WeakMap<ThemeState, Index>();

function indexOf(state: ThemeState): Index {
  let ix = indexes.get(state);
  if (!ix || ix.themeCount > state.themes.length) {
    ix = { postings: new Map(), themeCount: 0 };
    indexes.set(state, ix);
  }
  for (; ix.themeCount < state.themes.length; ix.themeCount++) addPostings(ix, ix.themeCount, Object.keys(state.themes[ix.themeCount]!.sum));
  return ix;
}

function addPostings(ix: Index, theme: number, terms: Iterable<string>): void {
  for (const t of terms) {
    let p = ix.postings.get(t);
    if (!p) ix.postings.set(t, p = new Set());
    p.add(theme);
  }
}

/** The article's vector over term strings, weighed with the state's statistics (which it updates). */
function vectorFor(state: ThemeState, article: ThemeInput): { terms: string[]; w: Float64Array; label: ThemeGroup } {
  const vocab = new Vocabulary();
  const doc = featuresOf(article, vocab);
  state.docCount++;
  const df = vocab.terms.map((t) => (state.df[t] = (state.df[t] ?? 0) + 1));
  const v: SparseVector = weigh(doc.tf, df, state.docCount, { dropRare: state.docCount >= 20 });
  const labelVector = weigh(doc.tf, df, state.docCount, { topK: 30 });
  const { label, terms } = labelGroup([doc], scoreTerms([labelVector], vocab), vocab);
  return {
    terms: Array.from(v.ids, (id) => vocab.terms[id]!), w: v.w,
    label: { id: idFromMembers([article.id]), label, terms, articleIds: [article.id] },
  };
}

/**
 * Puts one new article into the theme whose articles it resembles most on average (the rule that merges
 * themes in a full build), or opens a new theme. Mutates `state`; returns where the article went.
 */
export function placeArticle(state: ThemeState, article: ThemeInput): Placement {
  const ix = indexOf(state);
  const { terms, w, label } = vectorFor(state, article);
  const acc = new Map<number, number>();
  terms.forEach((t, k) => {
    for (const c of ix.postings.get(t) ?? []) {
      const s = state.themes[c]!.sum[t];
      if (s !== undefined) acc.set(c, (acc.get(c) ?? 0) + w[k]! * s);
    }
  });
  let best = -1;
  let bestSim = 0;
  for (const [c, dot] of acc) {
    const sim = dot / state.themes[c]!.articleIds.length;
    if (sim > bestSim || (sim === bestSim && c < best)) { best = c; bestSim = sim; }
  }
  const time = articleTime(article);
  const created = best < 0 || bestSim < state.options.mergeThreshold;
  if (created) {
    state.themes.push({ id: label.id, label: label.label, terms: label.terms, articleIds: [], sum: {}, newest: time });
    best = state.themes.length - 1;
  }
  const theme = state.themes[best]!;
  const sum = new Map(Object.entries(theme.sum));
  terms.forEach((t, k) => sum.set(t, (sum.get(t) ?? 0) + w[k]!));
  theme.sum = sum.size > KEEP_TERMS * 1.5 ? trimSum(sum) : Object.fromEntries(sum);
  theme.articleIds.push(article.id);
  theme.newest = Math.max(theme.newest, time);
  if (!created) addPostings(ix, best, terms);
  else indexOf(state);
  return { themeId: theme.id, created, similarity: created ? 0 : bestSim };
}

/** The state's themes as ThemeGroups: biggest first, latest placed article first. */
export function themesOfState(state: ThemeState): ThemeGroup[] {
  return [...state.themes]
    .sort((a, b) => b.articleIds.length - a.articleIds.length || b.newest - a.newest || a.id.localeCompare(b.id))
    .map((t) => ({ id: t.id, label: t.label, terms: t.terms, articleIds: [...t.articleIds].reverse() }));
}
