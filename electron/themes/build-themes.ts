// buildThemes: articles in, labelled themes out. Orders articles by time (as they would arrive), weighs
// their terms against the set itself, clusters, and labels each group from its own words.
import { clusterVectors } from './cluster.ts';
import { labelGroup, scoreTerms, type TermScores } from './labels.ts';
import { articleTime, DEFAULT_OPTIONS, idFromMembers, type ThemeGroup, type ThemeInput, type ThemeOptions } from './types.ts';
import { vectorize, weigh, type DocFeatures, type SparseVector, type Vocabulary } from './vectorize.ts';

export interface ModelGroup {
  id: string;
  label: string;
  terms: string[];
  /** Indexes into `ThemeModel.docs`, in arrival order. */
  members: number[];
  scores: TermScores;
}

/** Everything computed on the way to themes; the briefing reuses it for stories and key points. */
export interface ThemeModel {
  vocab: Vocabulary;
  docs: DocFeatures[];
  /** Clustering vectors (rare and very common terms dropped). */
  vectors: SparseVector[];
  groups: ModelGroup[];
}

/** Oldest first, then by id: the order articles arrive in, independent of how the caller sorted them. */
export function arrivalOrder(articles: readonly ThemeInput[]): ThemeInput[] {
  return articles.map((a) => [articleTime(a), a] as const).sort((x, y) => x[0] - y[0] || x[1].id - y[1].id).map(([, a]) => a);
}

/** Clusters and labels articles; `docs` keep the arrival order. */
export function modelThemes(articles: readonly ThemeInput[], opts: ThemeOptions = {}): ThemeModel {
  const o = { ...DEFAULT_OPTIONS, ...opts };
  const { vocab, docs, vectors } = vectorize(articles);
  docs.forEach((d, i) => { if (i > 0 && d.time < docs[i - 1]!.time) throw new Error('modelThemes needs articles in arrival order'); });
  const clusters = clusterVectors(vectors, o);
  const n = vocab.docCount;
  const groups = clusters.map((members): ModelGroup => {
    // Labels may use words only one article has (a lone article's own names), so weigh again without the cut.
    const labelVectors = members.map((i) => weigh(docs[i]!.tf, vocab.df, n, { topK: 30 }));
    const scores = scoreTerms(labelVectors, vocab);
    const { label, terms } = labelGroup(members.map((i) => docs[i]!), scores, vocab);
    return { id: idFromMembers(members.map((i) => docs[i]!.input.id)), label, terms, members, scores };
  });
  return { vocab, docs, vectors, groups };
}

/** Group articles into themes by content similarity. Deterministic for the same input. */
export function buildThemes(articles: ThemeInput[], opts: ThemeOptions = {}): ThemeGroup[] {
  const ordered = arrivalOrder(articles);
  const model = modelThemes(ordered, opts);
  return model.groups
    .map((g) => ({
      id: g.id, label: g.label, terms: g.terms,
      articleIds: g.members.map((i) => model.docs[i]!).sort((a, b) => b.time - a.time || b.input.id - a.input.id).map((d) => d.input.id),
      newest: Math.max(...g.members.map((i) => model.docs[i]!.time)),
    }))
    .sort((a, b) => b.articleIds.length - a.articleIds.length || b.newest - a.newest || a.id.localeCompare(b.id))
    .map(({ newest: _newest, ...g }) => g);
}
