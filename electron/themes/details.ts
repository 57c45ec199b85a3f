// A theme's details (label, key points, stories, entities) built from its own articles alone, weighed with
// the whole library's term statistics: what the Library caches per theme, so a briefing need not recompute
// every theme when one article arrives.
import type { Theme } from '../article.ts';
import { arrivalOrder, type ModelGroup, type ThemeModel } from './build-themes.ts';
import { themeOf } from './briefing.ts';
import { labelGroup, scoreTerms } from './labels.ts';
import { idFromMembers, type ThemeInput } from './types.ts';
import { vectorize, type CorpusStats } from './vectorize.ts';

/** The briefing theme of one set of articles (one theme, or the part of it inside a period). */
export function themeDetails(articles: readonly ThemeInput[], stats?: CorpusStats): Theme {
  const ordered = arrivalOrder(articles);
  const { vocab, docs, vectors, labelVectors } = vectorize(ordered, stats);
  const model: ThemeModel = { vocab, docs, vectors, labelVectors, groups: [] };
  const members = docs.map((_, i) => i);
  const scores = scoreTerms(labelVectors, vocab);
  const { label, terms } = labelGroup(docs, scores, vocab);
  const group: ModelGroup = { id: idFromMembers(ordered.map((a) => a.id)), label, terms, members, scores };
  return themeOf(model, group);
}
