// THE contract between renderer and main: every call, its input schema and output type,
// and the events main pushes. Plain TypeScript + zod: no node:, no DOM, no electron.
// The renderer imports only types from here; preload and handlers import the values.
import { z } from 'zod';
import type {
  ArticleSummary, Article, Briefing, ImportProgress, ImportReport, IndexStatus, Note, SearchResult, ThemeSummary,
  AnnotatedArticle, Highlight, ListedTargetNote, TargetNote,
} from './article.ts';
import type { ErrorData } from './errors.ts';
// Saved searches and batch search (issue 4).
import type { BatchSearchRow, SavedSearch, SavedSearchMatches } from './article.ts';
// desktop shell (issue 7): settings, About, external links, folder pickers, menu commands
import { settingsPatch, type AboutInfo, type AppCommand, type AppSettings } from './desktop/contract.ts';
export type { AboutInfo, AppCommand, AppSettings, FolderPurpose, SettingsPatch } from './desktop/contract.ts';

export type * from './article.ts';
export type { ErrorData } from './errors.ts';

/** Every call answers with a Result; only renderer/lib/api.ts unwraps it. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

const MAX_FILES_PER_CALL = 500;
const articleId = z.number().int().positive();
const themeId = z.string().min(1).max(100);
/** A theme note is keyed by the theme id; a briefing note by the calendar day the briefing ends on. */
const targetNoteRef = <T extends z.ZodRawShape>(extra: T = {} as T) => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('theme'), key: themeId, ...extra }),
  z.object({ kind: z.literal('briefing'), key: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), ...extra }),
]);

export const schemas = {
  importFiles: z.object({
    files: z.array(z.object({
      name: z.string().min(1).max(4096),
      bytes: z.instanceof(Uint8Array),
    })).min(1).max(MAX_FILES_PER_CALL),
  }),
  listArticles: z.object({
    limit: z.number().int().min(1).max(10_000).optional(),
    offset: z.number().int().min(0).optional(),
  }),
  articleRef: z.object({ id: articleId }),
  search: z.object({
    q: z.string().max(2000),
    limit: z.number().int().min(1).max(500).optional(),
    // Saved searches, facets, strict umlauts (issue 4).
    strictUmlauts: z.boolean().optional(),
    facets: z.boolean().optional(),
    /** The UI language: "understood as" comes back in it. */
    locale: z.enum(['en', 'de']).optional(),
  }),
  savedSearchDraft: z.object({
    name: z.string().max(200),
    query: z.string().min(1).max(2000),
    strictUmlauts: z.boolean().optional(),
  }),
  savedSearchRef: z.object({ id: z.number().int().positive(), limit: z.number().int().min(1).max(500).optional() }),
  /** A pasted list or a file's text: one name or term per line (csv: the first column). */
  batchSearch: z.object({
    text: z.string().max(2_000_000),
    csv: z.boolean().optional(),
    strictUmlauts: z.boolean().optional(),
  }),
  briefing: z.object({
    /** '24h', '7d', '30d', 'all', or an ISO date. */
    since: z.string().max(40).optional(),
    // Themes & briefing (issue 5): a custom range, inclusive calendar days (YYYY-MM-DD); wins over `since`.
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  }),
  // Themes & briefing (issue 5): curation decisions and briefing export.
  themeDecision: z.discriminatedUnion('type', [
    z.object({ type: z.literal('rename'), themeId: z.string().min(1).max(100), label: z.string().trim().min(1).max(200) }),
    z.object({ type: z.literal('merge'), themeIds: z.array(z.string().min(1).max(100)).min(2).max(100), label: z.string().trim().min(1).max(200).optional() }),
    z.object({ type: z.literal('split'), articleIds: z.array(articleId).min(1).max(10_000), label: z.string().trim().min(1).max(200).optional() }),
    z.object({ type: z.literal('move'), articleId, toThemeId: z.string().min(1).max(100) }),
    z.object({ type: z.enum(['pin', 'unpin', 'hide', 'unhide']), themeId: z.string().min(1).max(100) }),
  ]),
  briefingExport: z.object({
    since: z.string().max(40).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    format: z.enum(['markdown', 'html']),
  }),
  noteDraft: z.object({ articleId, body: z.string().max(1_000_000) }),
  noteRef: z.object({ articleId }),
  empty: z.object({}).optional(),
  // highlights, tags, notes view, PDF (issue 6)
  highlightDraft: z.object({
    articleId, start: z.number().int().min(0), end: z.number().int().min(1),
    color: z.enum(['yellow', 'green', 'blue', 'pink']), comment: z.string().max(100_000).optional(),
  }),
  highlightPatch: z.object({
    id: z.number().int().positive(), color: z.enum(['yellow', 'green', 'blue', 'pink']).optional(),
    comment: z.string().max(100_000).optional(),
  }),
  highlightRef: z.object({ id: z.number().int().positive() }),
  tagsSet: z.object({ articleId, tags: z.array(z.string().max(64)).max(200) }),
  annotationFilter: z.object({
    q: z.string().max(2000).optional(), tag: z.string().max(64).optional(), articleId: articleId.optional(),
    from: z.string().max(40).optional(), to: z.string().max(40).optional(),
    themeId: themeId.optional(), // issue 6: the notes view filtered by theme
  }),
  exportRequest: z.object({ articleId: articleId.optional(), format: z.enum(['markdown', 'html', 'json']) }),
  // notes on a theme (key: theme id) and on a briefing (key: its day, YYYY-MM-DD); theme export (issue 6)
  targetNoteRef: targetNoteRef(),
  targetNoteDraft: targetNoteRef({ body: z.string().max(1_000_000) }),
  targetNoteFilter: z.object({
    kind: z.enum(['theme', 'briefing']).optional(), themeId: themeId.optional(), q: z.string().max(2000).optional(),
    tag: z.string().max(64).optional(), from: z.string().max(40).optional(), to: z.string().max(40).optional(),
  }),
  themeExport: z.object({ themeId, format: z.enum(['markdown', 'html', 'json']) }),
  themeRef: z.object({ themeId }),
  // desktop shell (issue 7)
  settingsPatch,
  externalLink: z.object({ url: z.string().min(1).max(8192) }),
  folderPurpose: z.object({ purpose: z.enum(['library', 'watched']) }),
};

/** One curation decision about themes, as the renderer and the CLI name it (by theme ids). */
export type ThemeDecision = z.infer<typeof schemas.themeDecision>;

export interface ArticleDetail {
  article: Article;
  note: Note | null;
  /** Placed in the current text; detached ones (quote not found) last. */
  highlights: Highlight[];
  /** The article's own tags (added in the reader). */
  tags: string[];
  /** The #hashtags written in its note (edited in the note itself). */
  noteTags: string[];
}

/** An export rendered for the user to save: file name and content. */
export interface ExportFile { fileName: string; content: string }

export interface LibraryInfo {
  location: string;
  articleCount: number;
  noteCount: number;
}

type Call<I, O> = { input: z.ZodType<I>; _out?: O };
const call = <O>() => <I>(input: z.ZodType<I>): Call<I, O> => ({ input });

export const calls = {
  'library.info': call<LibraryInfo>()(schemas.empty),
  'articles.import': call<ImportReport>()(schemas.importFiles),
  /** Cancels running and queued imports; what was committed stays. Answers how many jobs were cancelled. */
  'import.cancel': call<number>()(schemas.empty),
  /** Files are being dragged over the window or the picker is open: an import's threads start now (Library.prepareImport). */
  'import.prepare': call<null>()(schemas.empty),
  'articles.list': call<ArticleSummary[]>()(schemas.listArticles),
  'articles.get': call<ArticleDetail>()(schemas.articleRef),
  'articles.search': call<SearchResult>()(schemas.search),
  'briefing.build': call<Briefing>()(schemas.briefing),
  'notes.get': call<Note | null>()(schemas.noteRef),
  'notes.save': call<Note | null>()(schemas.noteDraft),
  // Saved searches, alerts and batch search (issue 4).
  'savedSearches.list': call<SavedSearch[]>()(schemas.empty),
  'savedSearches.save': call<SavedSearch>()(schemas.savedSearchDraft),
  'savedSearches.delete': call<null>()(schemas.savedSearchRef),
  'savedSearches.matches': call<SavedSearchMatches>()(schemas.savedSearchRef),
  'savedSearches.markSeen': call<SavedSearch>()(schemas.savedSearchRef),
  'search.batch': call<BatchSearchRow[]>()(schemas.batchSearch),
  // highlights, tags, notes view, export (issue 6)
  'highlights.add': call<Highlight>()(schemas.highlightDraft),
  'highlights.update': call<Highlight>()(schemas.highlightPatch),
  'highlights.delete': call<null>()(schemas.highlightRef),
  'tags.set': call<string[]>()(schemas.tagsSet),
  'tags.list': call<Array<{ tag: string; count: number }>>()(schemas.empty),
  'annotations.list': call<AnnotatedArticle[]>()(schemas.annotationFilter),
  /** Renders an article (or all annotated articles) for saving; the renderer offers it as a download. */
  'export.render': call<ExportFile>()(schemas.exportRequest),
  /** Prints an article with its highlights and note to a PDF the user picks (desktop app only: Electron printToPDF). */
  'export.pdf': call<string | null>()(schemas.articleRef),
  // notes on themes and briefings, theme export (issue 6)
  'targetNotes.get': call<TargetNote | null>()(schemas.targetNoteRef),
  /** Saves a theme or briefing note (an empty body deletes it). */
  'targetNotes.save': call<TargetNote | null>()(schemas.targetNoteDraft),
  'targetNotes.list': call<ListedTargetNote[]>()(schemas.targetNoteFilter),
  /** Renders a theme (label, note, stories, articles with highlights and notes) for saving. */
  'export.theme': call<ExportFile>()(schemas.themeExport),
  /** Prints a theme export to a PDF the user picks (desktop app only). */
  'export.themePdf': call<string | null>()(schemas.themeRef),
  // Themes & briefing (issue 5)
  'themes.list': call<ThemeSummary[]>()(schemas.empty),
  'themes.decide': call<ThemeSummary>()(schemas.themeDecision),
  'briefing.export': call<string>()(schemas.briefingExport),
  // desktop shell (issue 7)
  'settings.get': call<AppSettings>()(schemas.empty),
  /** Saves some settings; a new libraryDir is opened first (the window then shows that library). */
  'settings.set': call<AppSettings>()(schemas.settingsPatch),
  /** A folder picked in the system dialog, or null if the user cancelled. */
  'settings.chooseFolder': call<string | null>()(schemas.folderPurpose),
  /** Opens an http(s) link in the system browser; the renderer asks the user first. */
  'links.open': call<true>()(schemas.externalLink),
  'app.about': call<AboutInfo>()(schemas.empty),
};

export type Channel = keyof typeof calls;
export type In<K extends Channel> = (typeof calls)[K] extends Call<infer I, unknown> ? I : never;
export type Out<K extends Channel> = (typeof calls)[K] extends Call<unknown, infer O> ? O : never;

/** Events the main process pushes to the renderer. */
export interface Events {
  'import.progress': ImportProgress;
  // desktop shell (issue 7): a menu item or shortcut the renderer carries out
  'app.command': { command: AppCommand };
  /** An import started outside the window (menu, second launch, open-with, watched folder) finished. */
  'import.finished': ImportReport;
  /** Settings changed from main (e.g. the library was switched). */
  'settings.changed': AppSettings;
  /** The search index's rebuild progressed or finished (state 'ready': search answers again). */
  'search.index': IndexStatus;
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['import.progress', 'app.command', 'import.finished', 'settings.changed', 'search.index'];

/** What preload exposes as `window.dossier`. */
export interface DossierApi {
  call<K extends Channel>(channel: K, input: In<K>): Promise<Result<Out<K>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export const channels = Object.keys(calls) as Channel[];
