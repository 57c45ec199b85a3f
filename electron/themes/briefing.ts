// The briefing of a period: the period's articles grouped into themes, each with its label, key points,
// stories and entities, ordered by weight (articles, outlets) and recency.
import type { Briefing, EntityFacet, Theme, ThemeArticle } from '../article.ts';
import { arrivalOrder, curateModel, modelThemes, type BuildOptions, type ModelGroup, type ThemeModel } from './build-themes.ts';
import { countName, foldedWords, nameNeedle } from './entities.ts';
import { keyPoints } from './key-points.ts';
import { buildStories } from './stories.ts';
import { articleTime, type ThemeInput } from './types.ts';
import type { DocFeatures } from './vectorize.ts';

const HOUR = 3_600_000;
const ENTITY_SCAN_CHARS = 3000;

/**
 * Entities of a theme: one facet per key, named as most of its articles name it. A name found by a pattern
 * in one article ("town of Grindavik") is also counted in the theme's other articles that use it.
 */
export function entityFacets(docs: readonly DocFeatures[], limit = 20): EntityFacet[] {
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
  if (docs.length > 1 && docs.length <= 200) {
    // The theme's most named entities, each with its spellings prepared once.
    const wanted = [...byKey.values()].sort((a, b) => b.articleCount - a.articleCount || b.mentions - a.mentions).slice(0, 2 * limit)
      .map((f) => ({ f, needles: [...f.names.keys()].filter((name) => name.length >= 4).map(nameNeedle) }));
    for (const d of docs) {
      const have = new Set(d.entities.map((e) => e.key));
      let folded: string | null = null;
      for (const { f, needles } of wanted) {
        if (have.has(f.key) || needles.length === 0) continue;
        // The part of the text the entities were taken from: scanning whole long articles cost most of a briefing.
        folded ??= foldedWords(`${d.input.title}\n${d.input.text.slice(0, ENTITY_SCAN_CHARS)}`);
        const n = Math.max(...needles.map((needle) => countName(folded!, needle)));
        if (n > 0) { f.articleCount++; f.mentions += n; }
      }
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
export function themeScore(theme: Theme, newest: number, to: number, span: number): number {
  const outlets = new Set(theme.stories.flatMap((s) => s.outlets)).size;
  const weight = Math.log2(1 + theme.articles.length) + 0.5 * Math.log2(1 + outlets) + 0.25 * Math.log2(theme.stories.length);
  const halfLife = Math.max(24 * HOUR, span / 4);
  return weight * 0.5 ** (Math.max(0, to - newest) / halfLife);
}

/**
 * The briefing for a period: only articles whose date (publishedAt, else importedAt) lies in [from, to];
 * themes ordered by weight and recency; each theme's articles newest first. With `curation`, the user's
 * decisions apply: hidden themes are left out, pinned ones lead.
 */
export function buildBriefing(articles: ThemeInput[], period: { from: Date | null; to: Date }, opts: BuildOptions = {}): Briefing {
  const from = period.from?.getTime() ?? -Infinity;
  const to = period.to.getTime();
  const inPeriod = articles.filter((a) => { const t = articleTime(a); return t >= from && t <= to; });
  const ordered = arrivalOrder(inPeriod);
  const model = modelThemes(ordered, opts);
  const oldest = ordered.length ? articleTime(ordered[0]!) : to;
  const span = to - (Number.isFinite(from) ? from : oldest);
  const themes = curateModel(model, opts.curation).filter((g) => !g.hidden).map((g) => {
    const theme = themeOf(model, g);
    if (g.pinned) theme.pinned = true;
    const newest = Math.max(...g.members.map((i) => model.docs[i]!.time));
    return { theme, newest, score: themeScore(theme, newest, to, span) };
  });
  themes.sort((a, b) => Number(b.theme.pinned ?? false) - Number(a.theme.pinned ?? false) || b.score - a.score
    || b.newest - a.newest || a.theme.id.localeCompare(b.theme.id));
  return {
    from: period.from ? period.from.toISOString() : null,
    to: period.to.toISOString(),
    articleCount: inPeriod.length,
    themes: themes.map((t) => t.theme),
  };
}
