// Persisted themes for the Library: loads the stored theme state, places articles imported since then one by one
// (a full recompute only when the state is missing, from another analyzer version, or asked for), replays the
// user's curation decisions on every read, keeps each article's theme id for the search index, and caches each
// theme's details (key points, stories, entities) by its exact member set.
import { createHash } from 'node:crypto';
import type { Db } from '../db/open.ts';
import { articleLeads, getArticle } from '../db/articles.ts';
import {
  addDecision, allAssignments, articleDates, clearDetails, getDetails, getThemeValue, listDecisions, putDetails,
  setAssignments, setThemeValue, themesFingerprint,
} from '../db/themes.ts';
import type { ThemeDecision, ThemeSummary } from './api.ts';
import type { Article, Briefing, Theme } from './article.ts';
import { DossierError } from './errors.ts';
import type { Period } from './period.ts';
import { arrivalOrder, modelThemes } from './themes/build-themes.ts';
import { themeScore } from './themes/briefing.ts';
import { applyCuration, type CuratedGroup, type Curation } from './themes/curation.ts';
import { themeDetails } from './themes/details.ts';
import { placeArticle, stateFromModel, themesOfState, type ThemeState } from './themes/incremental.ts';
import { carryThemeIds } from './themes/stable-ids.ts';
import { ANALYSED_CHARS } from './themes/vectorize.ts';
import { articleTime, DEFAULT_OPTIONS, idFromMembers, type ThemeInput } from './themes/types.ts';

/** Bump when term analysis or clustering changes: a stored state from another version is recomputed. */
export const THEMES_VERSION = `themes-1 ${JSON.stringify(DEFAULT_OPTIONS)}`;

function toInput(a: Article): ThemeInput {
  return { id: a.id, title: a.title, text: a.text, language: a.language, outlet: a.outlet, publishedAt: a.publishedAt, importedAt: a.importedAt };
}

/** Cache key of a member set: order-free, collision-safe. */
function membersKey(ids: readonly number[]): string {
  return createHash('sha1').update([...ids].sort((a, b) => a - b).join(',')).digest('hex');
}

export class LibraryThemes {
  private state: ThemeState | null = null;
  /** The stored revision `state` was read at or written as: another connection (the briefing thread) may move it. */
  private revision: string | null = null;
  private listed: { key: string; list: ThemeSummary[] | null } | null = null;
  /** Parsed details by member-set key: a briefing reads hundreds of them; parse each once per session. */
  private readonly parsed = new Map<string, Theme>();

  constructor(private readonly db: Db) {}

  /** The theme state, brought up to date with the stored articles (placing new ones, or recomputing). */
  ensure(): ThemeState {
    return this.upToDate(true)!;
  }

  /** Like `ensure`, but null instead of a full recompute (for callers that must not wait seconds). */
  private upToDate(mayRecompute: boolean): ThemeState | null {
    if (this.state && getThemeValue(this.db, 'revision') !== this.revision) {
      this.state = null;
      this.parsed.clear();
    }
    if (!this.state) this.state = this.load();
    if (!this.state) return mayRecompute ? this.recompute() : null;
    const state = this.state;
    const placed = new Set<number>();
    for (const t of state.themes) for (const id of t.articleIds) placed.add(id);
    const stored = articleDates(this.db);
    const missing = stored.filter((r) => !placed.has(r.id)).map((r) => r.id);
    // Articles gone from the database (a restored backup): the state no longer describes this library.
    // Placing one by one costs about what a full build costs per article, and groups less well: a big batch
    // into a small library is better built afresh.
    if (placed.size + missing.length !== stored.length || missing.length > Math.max(200, placed.size)) {
      return mayRecompute ? this.recompute() : null;
    }
    if (missing.length === 0) return state;
    const fresh = arrivalOrder(missing.map((id) => getArticle(this.db, id)).filter((a): a is Article => a !== null).map(toInput));
    for (const a of fresh) placeArticle(state, a);
    this.db.transaction(() => this.persist(state))();
    return state;
  }

  /**
   * Theme summaries if the themes are up to date or cheaply brought there; null while a recompute is due.
   * Memoized on the themes' fingerprint: search facets ask on every keystroke.
   */
  listIfReady(): ThemeSummary[] | null {
    const key = themesFingerprint(this.db);
    if (this.listed?.key === key) return this.listed.list;
    const list = this.upToDate(false) ? this.list() : null;
    this.listed = { key: themesFingerprint(this.db), list };
    return list;
  }

  /** Builds themes from scratch from every stored article; the user's decisions are re-applied on read. */
  recompute(): ThemeState {
    // One character past what analysis reads, so that where it cuts the lead comes out as on the whole text.
    const articles = arrivalOrder(articleLeads(this.db, ANALYSED_CHARS + 1));
    const model = modelThemes(articles, DEFAULT_OPTIONS);
    const state = stateFromModel(model, DEFAULT_OPTIONS);
    carryThemeIds(state.themes, allAssignments(this.db), this.splitIds());
    this.state = state;
    this.parsed.clear();
    // Details (key points, stories, entities) are built when a briefing first shows a theme: most briefings
    // cover a few days, so building every theme's details here would mostly be wasted.
    this.db.transaction(() => {
      clearDetails(this.db);
      this.persist(state);
    })();
    return state;
  }

  /** The themes with the user's decisions replayed, hidden ones included (flagged). */
  curated(): CuratedGroup[] {
    const state = this.ensure();
    const decisions = listDecisions(this.db).map((r) => JSON.parse(r.decision) as Curation);
    return applyCuration(themesOfState(state), decisions);
  }

  /** Every theme as a short summary: id, label, size, pinned, hidden. */
  list(): ThemeSummary[] {
    return this.curated().map((g) => this.summary(g));
  }

  /** The briefing of a period, from the persisted themes. */
  briefing(period: Period): Briefing {
    const groups = this.curated();
    const from = period.from?.getTime() ?? -Infinity;
    const to = period.to.getTime();
    const times = new Map(articleDates(this.db).map((r) => [r.id, articleTime(r)]));
    const inPeriod = (id: number): boolean => { const t = times.get(id); return t !== undefined && t >= from && t <= to; };
    let articleCount = 0;
    for (const id of times.keys()) if (inPeriod(id)) articleCount++;
    let oldest = to;
    for (const t of times.values()) if (t >= from && t <= to && t < oldest) oldest = t;
    const span = to - (Number.isFinite(from) ? from : oldest);
    const hidden: ThemeSummary[] = [];
    const themes: Array<{ theme: Theme; newest: number; score: number }> = [];
    for (const g of groups) {
      const ids = g.articleIds.filter(inPeriod);
      if (ids.length === 0) continue;
      if (g.hidden) { hidden.push({ ...this.summary(g), articleCount: ids.length }); continue; }
      const theme: Theme = { ...this.details(ids), id: g.id };
      if (g.renamed) theme.label = g.label;
      if (g.pinned) theme.pinned = true;
      const newest = Math.max(...ids.map((id) => times.get(id)!));
      themes.push({ theme, newest, score: themeScore(theme, newest, to, span) });
    }
    themes.sort((a, b) => Number(b.theme.pinned ?? false) - Number(a.theme.pinned ?? false) || b.score - a.score
      || b.newest - a.newest || a.theme.id.localeCompare(b.theme.id));
    return { from: period.from ? period.from.toISOString() : null, to: period.to.toISOString(), articleCount,
      themes: themes.map((t) => t.theme), hiddenThemes: hidden };
  }

  // notes & export (issue 6): one theme over all time, and forgetting details when article texts changed.
  /** One theme with every article it holds (any period) and the user's curation, or null when no theme has this id. */
  theme(id: string): Theme | null {
    const g = this.curated().find((x) => x.id === id);
    if (!g) return null;
    const theme: Theme = { ...this.details(g.articleIds), id: g.id };
    if (g.renamed) theme.label = g.label;
    if (g.pinned) theme.pinned = true;
    return theme;
  }

  /** Drops cached theme details (their key points point into article texts, which a re-import may have changed). */
  forgetDetails(): void {
    this.parsed.clear();
    clearDetails(this.db);
  }

  /** Stores one curation decision (by article ids, so it survives recomputation) and returns the theme it shaped. */
  decide(d: ThemeDecision): ThemeSummary {
    const groups = this.curated();
    const find = (id: string): CuratedGroup => {
      const g = groups.find((x) => x.id === id);
      if (!g) throw new DossierError('themes/not-found', `There is no theme with id ${id} any more. Reload the briefing and try again.`);
      return g;
    };
    let curation: Curation;
    let focus: number;
    switch (d.type) {
      case 'rename': { const g = find(d.themeId); curation = { type: 'rename', theme: g.articleIds, label: d.label.trim() }; focus = g.articleIds[0]!; break; }
      case 'merge': {
        const gs = [...new Set(d.themeIds)].map(find);
        if (gs.length < 2) throw new DossierError('themes/merge-needs-two', 'Choose at least two different themes to merge.');
        curation = { type: 'merge', themes: gs.map((g) => g.articleIds), ...(d.label ? { label: d.label.trim() } : {}) };
        focus = gs[0]!.articleIds[0]!;
        break;
      }
      case 'split': {
        const known = new Set(groups.flatMap((g) => g.articleIds));
        const unknown = d.articleIds.filter((id) => !known.has(id));
        if (unknown.length) throw new DossierError('articles/not-found', `There is no article with id ${unknown[0]} in any theme.`);
        curation = { type: 'split', articleIds: [...new Set(d.articleIds)], ...(d.label ? { label: d.label.trim() } : {}) };
        focus = d.articleIds[0]!;
        break;
      }
      case 'move': {
        const target = find(d.toThemeId);
        if (!groups.some((g) => g.articleIds.includes(d.articleId))) throw new DossierError('articles/not-found', `There is no article with id ${d.articleId} in any theme.`);
        curation = { type: 'move', articleId: d.articleId, to: target.articleIds.filter((id) => id !== d.articleId) };
        focus = d.articleId;
        break;
      }
      default: { const g = find(d.themeId); curation = { type: d.type, theme: g.articleIds }; focus = g.articleIds[0]!; }
    }
    this.db.transaction(() => {
      addDecision(this.db, JSON.stringify(curation), new Date().toISOString());
      this.syncAssignments(this.curated());
    })();
    const after = this.curated().find((g) => g.articleIds.includes(focus));
    if (!after) throw new DossierError('themes/not-found', 'The theme could not be found after the change.');
    return { ...this.summary(after), label: after.renamed ? after.label : this.details(after.articleIds).label };
  }

  /** For lists: the label a briefing showed (cached details) or the one computed with the theme. */
  private summary(g: CuratedGroup): ThemeSummary {
    const key = membersKey(g.articleIds);
    const shown = this.parsed.get(key)?.label ?? (JSON.parse(getDetails(this.db, key) ?? 'null') as Theme | null)?.label;
    return { id: g.id, label: g.renamed ? g.label : shown ?? g.label, articleCount: g.articleIds.length, pinned: g.pinned, hidden: g.hidden };
  }

  /** Label, key points, stories and entities of exactly these articles: cached, built on a miss. */
  private details(ids: readonly number[]): Theme {
    const key = membersKey(ids);
    const known = this.parsed.get(key);
    if (known) return known;
    const cached = getDetails(this.db, key);
    let theme: Theme;
    if (cached) theme = JSON.parse(cached) as Theme;
    else {
      const articles = ids.map((id) => getArticle(this.db, id)).filter((a): a is Article => a !== null).map(toInput);
      theme = themeDetails(articles, this.state ?? undefined);
      putDetails(this.db, key, JSON.stringify(theme));
    }
    if (this.parsed.size > 5000) this.parsed.clear();
    this.parsed.set(key, theme);
    return theme;
  }

  /** Ids that replaying the split decisions gives the split-off themes: never handed to a computed theme. */
  private splitIds(): Set<string> {
    const ids = new Set<string>();
    for (const r of listDecisions(this.db)) {
      const d = JSON.parse(r.decision) as Curation;
      if (d.type === 'split') ids.add(idFromMembers(d.articleIds));
    }
    return ids;
  }

  private load(): ThemeState | null {
    if (getThemeValue(this.db, 'version') !== THEMES_VERSION) return null;
    const json = getThemeValue(this.db, 'state');
    if (!json) return null;
    this.revision = getThemeValue(this.db, 'revision');
    try {
      return JSON.parse(json) as ThemeState;
    } catch {
      return null; // a damaged state is derived data: rebuilt
    }
  }

  /** Writes the state and each article's (curated) theme; call inside a transaction. */
  private persist(state: ThemeState): void {
    setThemeValue(this.db, 'state', JSON.stringify(state));
    setThemeValue(this.db, 'version', THEMES_VERSION);
    this.revision = String(Number(getThemeValue(this.db, 'revision') ?? 0) + 1);
    setThemeValue(this.db, 'revision', this.revision);
    this.syncAssignments(applyCuration(themesOfState(state), listDecisions(this.db).map((r) => JSON.parse(r.decision) as Curation)));
  }

  /** Stores the articles whose theme changed; the search index learns their new theme ids from the revision. */
  private syncAssignments(groups: readonly CuratedGroup[]): void {
    const before = allAssignments(this.db);
    const changes: Array<[number, string | null]> = [];
    const now = new Set<number>();
    for (const g of groups) {
      for (const id of g.articleIds) {
        now.add(id);
        if (before.get(id) !== g.id) changes.push([id, g.id]);
      }
    }
    for (const id of before.keys()) if (!now.has(id)) changes.push([id, null]);
    if (changes.length) setAssignments(this.db, changes);
  }
}
