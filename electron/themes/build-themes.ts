// buildThemes: articles in, labelled themes out. Orders articles by time (as they would arrive), weighs
// their terms against the set itself, clusters, and labels each group from its own words.
import { clusterVectors } from './cluster.ts';
import { applyCuration, type CuratedGroup, type Curation } from './curation.ts';
import { labelGroup, scoreTerms, type TermScores } from './labels.ts';
import { articleTime, DEFAULT_OPTIONS, idFromMembers, type ThemeGroup, type ThemeInput, type ThemeOptions } from './types.ts';
import { vectorize, type DocFeatures, type SparseVector, type Vocabulary } from './vectorize.ts';

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
  /** Label vectors (a lone article's own words kept). */
  labelVectors: SparseVector[];
  groups: ModelGroup[];
}

/** Oldest first, then by id: the order articles arrive in, independent of how the caller sorted them. */
export function arrivalOrder(articles: readonly ThemeInput[]): ThemeInput[] {
  return articles.map((a) => [articleTime(a), a] as const).sort((x, y) => x[0] - y[0] || x[1].id - y[1].id).map(([, a]) => a);
}

/** Clusters and labels articles; `docs` keep the arrival order. */
export function modelThemes(articles: readonly ThemeInput[], opts: ThemeOptions = {}): ThemeModel {
  const o = { ...DEFAULT_OPTIONS, ...opts };
  const { vocab, docs, vectors, labelVectors } = vectorize(articles);
  docs.forEach((d, i) => { if (i > 0 && d.time < docs[i - 1]!.time) throw new Error('modelThemes needs articles in arrival order'); });
  const model: ThemeModel = { vocab, docs, vectors, labelVectors, groups: [] };
  model.groups = clusterVectors(vectors, o).map((members): ModelGroup => {
    const scores = scoresOf(model, members);
    const { label, terms } = labelGroup(members.map((i) => docs[i]!), scores, vocab);
    return { id: idFromMembers(members.map((i) => docs[i]!.input.id)), label, terms, members, scores };
  });
  return model;
}

export interface CuratedModelGroup extends ModelGroup { pinned: boolean; hidden: boolean }

function scoresOf(model: ThemeModel, members: readonly number[]): TermScores {
  return scoreTerms(members.map((i) => model.labelVectors[i]!), model.vocab);
}

/** The model's groups with the user's decisions replayed; changed groups are relabelled from their articles. */
export function curateModel(model: ThemeModel, decisions: readonly Curation[] = []): CuratedModelGroup[] {
  if (decisions.length === 0) return model.groups.map((g) => ({ ...g, pinned: false, hidden: false }));
  const index = new Map(model.docs.map((d, i) => [d.input.id, i]));
  const membersOf = (ids: number[]): number[] => ids.map((id) => index.get(id)!).sort((a, b) => a - b);
  const before = new Map(model.groups.map((g) => [g.id, g]));
  const groups = model.groups.map((g) => ({ id: g.id, label: g.label, terms: g.terms, articleIds: g.members.map((i) => model.docs[i]!.input.id) }));
  const curated = applyCuration(groups, decisions, (ids) => {
    const members = membersOf(ids);
    return labelGroup(members.map((i) => model.docs[i]!), scoresOf(model, members), model.vocab);
  });
  return curated.map((c: CuratedGroup) => {
    const members = membersOf(c.articleIds);
    const same = before.get(c.id);
    const scores = same && same.members.length === members.length && same.members.every((m, k) => m === members[k]) ? same.scores : scoresOf(model, members);
    return { id: c.id, label: c.label, terms: c.terms, members, scores, pinned: c.pinned, hidden: c.hidden };
  });
}

export interface BuildOptions extends ThemeOptions {
  /** The user's decisions, oldest first: replayed on the computed themes. */
  curation?: Curation[];
}

/**
 * Group articles into themes by content similarity. Deterministic for the same input. With `curation`, the
 * user's decisions are applied and groups carry `pinned`/`hidden` (hidden ones are kept, flagged).
 */
export function buildThemes(articles: ThemeInput[], opts: BuildOptions = {}): Array<ThemeGroup & { pinned?: boolean; hidden?: boolean }> {
  const model = modelThemes(arrivalOrder(articles), opts);
  const curated = opts.curation?.length ? curateModel(model, opts.curation) : null;
  return (curated ?? model.groups.map((g) => ({ ...g, pinned: false, hidden: false })))
    .map((g) => ({
      id: g.id, label: g.label, terms: g.terms, pinned: g.pinned, hidden: g.hidden,
      articleIds: g.members.map((i) => model.docs[i]!).sort((a, b) => b.time - a.time || b.input.id - a.input.id).map((d) => d.input.id),
      newest: Math.max(...g.members.map((i) => model.docs[i]!.time)),
    }))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.articleIds.length - a.articleIds.length || b.newest - a.newest || a.id.localeCompare(b.id))
    .map(({ newest: _newest, pinned, hidden, ...g }) => (curated ? { ...g, pinned, hidden } : g));
}
