// Themes: agreement with the section labels of gnad (German) and bbc (English) — NMI and BCubed F1 —,
// build time for 1k and 10k articles, and incremental placement of one new article at 10k and at 50k
// (a 10k state grown by placements).
// Prints one JSON line per figure. Run: npx tsx tests/bench/themes.bench.ts [--no-50k]
import { buildBriefing, buildThemes, createThemeState, placeArticle, themesOfState, type ThemeGroup, type ThemeState } from '../../electron/themes/index.ts';
import { corporaDir, hasCorpora, tempDir } from '../helpers.ts';
import { join } from 'node:path';
import { openDatabase } from '../../db/open.ts';
import { insertArticle } from '../../db/articles.ts';
import { LibraryThemes } from '../../electron/library-themes.ts';
import type { Period } from '../../electron/period.ts';
import { agreement } from './cluster-metrics.ts';
import { mixed, readLabelled, type LabelledArticle } from './themes-corpus.ts';

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'themes', ...figure }));
const DAY = 86_400_000;
const round2 = (x: number) => Math.round(x * 1000) / 1000;

function quality(groups: ThemeGroup[], articles: LabelledArticle[]): Record<string, number> {
  const of = new Map<number, string>();
  groups.forEach((g) => g.articleIds.forEach((id) => of.set(id, g.id)));
  const a = agreement(articles.map((x) => of.get(x.id)!), articles.map((x) => x.label));
  const sizes = groups.map((g) => g.articleIds.length);
  return { nmi: round2(a.nmi), bcubedF1: round2(a.bcubedF1), bcubedPrecision: round2(a.bcubedPrecision),
    bcubedRecall: round2(a.bcubedRecall), purity: round2(a.purity), themes: groups.length,
    singletons: sizes.filter((s) => s === 1).length, largest: Math.max(...sizes) };
}

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, Math.round(performance.now() - t)];
}

/**
 * `count` articles from gnad+bbc; copies after the first round get rotated paragraphs, a numbered title,
 * new ids and dates shifted by 30 days per round (so they are near-duplicates of their originals, as agency
 * copy republished is; labels stay).
 */
function varied(count: number, firstId = 1): LabelledArticle[] {
  const base = [...readLabelled(corporaDir, 'gnad'), ...readLabelled(corporaDir, 'bbc', Infinity, 100_001)];
  const out: LabelledArticle[] = [];
  for (let i = 0; out.length < count; i++) {
    const a = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    const paras = a.text.split(/\n\n+/);
    const text = round ? paras.map((_, k) => paras[(k * 7 + round) % paras.length]!).join('\n\n') : a.text;
    const at = new Date(Date.parse(a.publishedAt!) + round * 30 * DAY).toISOString();
    out.push({ ...a, id: firstId + i, title: round ? `${a.title} (${round + 1})` : a.title, text, publishedAt: at, importedAt: at });
  }
  return out;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return round2(s[Math.min(s.length - 1, Math.floor(p * s.length))]!);
}

function placeSome(state: ThemeState, fresh: LabelledArticle[], label: string): void {
  const precise = fresh.map((a) => { const t = performance.now(); placeArticle(state, a); return performance.now() - t; });
  emit({ figure: `incremental.${label}.placeOne`, articles: state.docCount - fresh.length, placed: fresh.length,
    medianMs: percentile(precise, 0.5), p95Ms: percentile(precise, 0.95), maxMs: round2(Math.max(...precise)), targetMs: 50 });
}

/**
 * A state built from 10k articles, then grown one placement at a time to 50k (the way the app grows it),
 * timing single placements at 10k and at 50k.
 */
function incremental(grow: boolean): void {
  const all = varied(grow ? 50_200 : 10_200);
  const [state, buildMs] = timed(() => createThemeState(all.slice(0, 10_000)));
  emit({ figure: 'incremental.10k.state', articles: 10_000, themes: state.themes.length, buildMs, stateMB: round2(JSON.stringify(state).length / 1048576) });
  placeArticle(state, all[10_000]!); // The first call builds the in-memory index over the state; it is timed apart.
  placeSome(state, all.slice(10_001, 10_200), '10k');
  if (!grow) return;
  const [, growMs] = timed(() => { for (const a of all.slice(10_200, 50_000)) placeArticle(state, a); });
  emit({ figure: 'incremental.grow10kTo50k', placed: 39_800, ms: growMs, perArticleMs: round2(growMs / 39_800), themes: state.themes.length,
    stateMB: round2(JSON.stringify(state).length / 1048576) });
  placeSome(state, all.slice(50_000), '50k');
  const groups = themesOfState(state);
  emit({ figure: 'quality.incremental50k', articles: state.docCount, ...quality(groups, all) });
}

function store(db: ReturnType<typeof openDatabase>, articles: LabelledArticle[]): void {
  db.transaction(() => {
    for (const a of articles) {
      insertArticle(db, { contentHash: `bench-${a.id}`, wordCount: a.text.split(/\s+/).length, importedAt: a.importedAt, minhash: [], bands: [],
        draft: { title: a.title, byline: null, outlet: a.outlet, publishedAt: a.publishedAt, language: a.language, format: 'text',
          fileName: `${a.id}.txt`, text: a.text, sections: [], citedOutlets: [], links: [] } });
    }
  })();
}

/**
 * Briefings from persisted themes in a real SQLite library of 10k articles: the full recompute (once per library,
 * or when the analyzer changes), then briefings as after a restart (state and cached theme details read back),
 * and one newly imported article placed and briefed.
 */
function persisted(articles: LabelledArticle[]): void {
  const t = tempDir('dossier-bench-themes-');
  try {
    const db = openDatabase(join(t.dir, 'library.sqlite'));
    store(db, articles.slice(0, -1));
    const first = new LibraryThemes(db);
    const [state, recomputeMs] = timed(() => first.recompute());
    emit({ figure: 'persisted.10k.recompute', articles: articles.length - 1, themes: state.themes.length, ms: recomputeMs,
      note: 'full build of the theme state, written to SQLite with every article\'s theme' });
    const newest = Math.max(...articles.map((a) => Date.parse(a.publishedAt!)));
    const all: Period = { from: null, to: new Date(newest + 1000) };
    const week: Period = { from: new Date(newest - 7 * DAY), to: new Date(newest + 1000) };
    const [, detailsMs] = timed(() => first.briefing(all));
    emit({ figure: 'persisted.10k.firstBriefingAll', ms: detailsMs, note: 'builds and stores key points, stories, entities of every theme' });
    const restarted = new LibraryThemes(db);
    const [b, coldMs] = timed(() => restarted.briefing(all));
    const [, warmMs] = timed(() => restarted.briefing(all));
    emit({ figure: 'persisted.10k.briefing.all', themes: b.themes.length, coldMs, warmMs, note: 'from SQLite; cold = first call after a restart' });
    const [w, weekFirstMs] = timed(() => restarted.briefing(week));
    const [, weekMs] = timed(() => restarted.briefing(week));
    emit({ figure: 'persisted.10k.briefing.7d', articles: w.articleCount, themes: w.themes.length, firstMs: weekFirstMs, againMs: weekMs,
      note: 'first = builds details of each theme\'s part inside the week, cached after' });
    store(db, articles.slice(-1));
    const [, placeMs] = timed(() => restarted.briefing(all));
    emit({ figure: 'persisted.10k.newArticleThenBriefing', ms: placeMs, note: 'one imported article placed, its theme rebuilt, briefing read' });
    db.close();
  } finally {
    t.cleanup();
  }
}

function main(): void {
  if (!hasCorpora) {
    emit({ skipped: 'no ../shared/corpora beside this clone' });
    return;
  }
  const mixed1k = mixed(corporaDir, 1000);
  // The first build in a fresh process pays for stemming every distinct word and for JIT warm-up.
  const [cold, coldMs] = timed(() => buildThemes(mixed1k));
  const [, warmMs] = timed(() => buildThemes(mixed1k));
  emit({ figure: 'build.1k', articles: 1000, coldMs, warmMs, targetMs: 2000, note: 'gnad+bbc interleaved, 500 each' });
  const [briefing, briefingMs] = timed(() => buildBriefing(mixed1k, { from: null, to: new Date('2027-01-01T00:00:00Z') }));
  emit({ figure: 'briefing.1k', articles: 1000, ms: briefingMs, themes: briefing.themes.length,
    note: 'themes plus key points, stories and entities for every theme' });
  emit({ figure: 'quality.mixed1k', articles: 1000, ...quality(cold, mixed1k) });
  for (const name of ['gnad', 'bbc'] as const) {
    const articles = readLabelled(corporaDir, name);
    const [groups, ms] = timed(() => buildThemes(articles));
    emit({ figure: `quality.${name}`, articles: articles.length, ms, ...quality(groups, articles) });
  }
  const tenK = varied(10_000);
  const [groups10k, ms10k] = timed(() => buildThemes(tenK));
  emit({ figure: 'build.10k', articles: tenK.length, ms: ms10k, ...quality(groups10k, tenK),
    note: 'gnad+bbc repeated ~3x; repeats have rotated paragraphs, numbered titles, dates +30 days per round' });
  persisted(varied(10_001));
  incremental(!process.argv.includes('--no-50k'));
}

main();
