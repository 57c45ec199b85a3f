// The briefing of a period: the period's articles grouped into themes, each with its label, key points,
// stories and entities, ordered by weight (articles, outlets) and recency.
import type { Briefing, EntityFacet, Theme, ThemeArticle } from '../article.ts';
import { arrivalOrder, modelThemes, type ModelGroup, type ThemeModel } from './build-themes.ts';
import { keyPoints } from './key-points.ts';
import { buildStories } from './stories.ts';
import { articleTime, type ThemeInput, type ThemeOptions } from './types.ts';
import type { DocFeatures } from './vectorize.ts';

const HOUR = 3_600_000;

/** Entities of a theme: one facet per key, named as most of its articles name it. */
export function entityFacets(docs: readonly DocFeatures[], limit = 15): EntityFacet[] {
  const byKey = new Map<string, EntityFacet & { names: Map<string, number> }>();
  for (const d of docs) {
    for (const e of d.entities) {
      let f = byKey.get(e.key);
      if (!f) byKey.set(e.key, f = { key: e.key, name: e.name, kind: e.kind, articleCount: 0, mentions: 0, names: new Map() });
      f.articleCount++;
      f.mentions += e.count;
      f.names.set(e.name, (f.names.get(e.name) ?? 0) + 1);
    }
  }
  return [...byKey.values()]
    .map(({ names, ...f }) => ({ ...f, name: [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0] }))
    .sort((a, b) => b.articleCount - a.articleCount || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, limit);
}

function toThemeArticle(d: DocFeatures): ThemeArticle {
  const a = d.input;
  return { id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, importedAt: a.importedAt, language: a.language };
}

/** Assembles one briefing theme from a model group. */
export function themeOf(model: ThemeModel, g: ModelGroup): Theme {
  const docs = g.members.map((i) => model.docs[i]!);
  return {
    id: g.id,
    label: g.label,
    terms: g.terms,
    articles: [...docs].sort((a, b) => b.time - a.time || b.input.id - a.input.id).map(toThemeArticle),
    keyPoints: keyPoints(docs, g.scores, model.vocab),
    stories: buildStories(g.members, model.docs, model.vectors),
    entities: entityFacets(docs),
  };
}

/**
 * Weight of a theme: more articles and more outlets weigh more, each with diminishing returns; recency
 * halves it every quarter of the period (at least a day), so this morning's news leads.
 */
function themeScore(theme: Theme, newest: number, to: number, span: number): number {
  const outlets = new Set(theme.stories.flatMap((s) => s.outlets)).size;
  const weight = Math.log2(1 + theme.articles.length) + 0.5 * Math.log2(1 + outlets) + 0.25 * Math.log2(theme.stories.length);
  const halfLife = Math.max(24 * HOUR, span / 4);
  return weight * 0.5 ** (Math.max(0, to - newest) / halfLife);
}

/**
 * The briefing for a period: only articles whose date (publishedAt, else importedAt) lies in [from, to];
 * themes ordered by weight and recency; each theme's articles newest first.
 */
export function buildBriefing(articles: ThemeInput[], period: { from: Date | null; to: Date }, opts: ThemeOptions = {}): Briefing {
  const from = period.from?.getTime() ?? -Infinity;
  const to = period.to.getTime();
  const inPeriod = articles.filter((a) => { const t = articleTime(a); return t >= from && t <= to; });
  const ordered = arrivalOrder(inPeriod);
  const model = modelThemes(ordered, opts);
  const oldest = ordered.length ? articleTime(ordered[0]!) : to;
  const span = to - (Number.isFinite(from) ? from : oldest);
  const themes = model.groups.map((g) => {
    const theme = themeOf(model, g);
    const newest = Math.max(...g.members.map((i) => model.docs[i]!.time));
    return { theme, newest, score: themeScore(theme, newest, to, span) };
  });
  themes.sort((a, b) => b.score - a.score || b.newest - a.newest || a.theme.id.localeCompare(b.theme.id));
  return {
    from: period.from ? period.from.toISOString() : null,
    to: period.to.toISOString(),
    articleCount: inPeriod.length,
    themes: themes.map((t) => t.theme),
  };
}
