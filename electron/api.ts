// THE contract between renderer and main: every call, its input schema and output type,
// and the events main pushes. Plain TypeScript + zod: no node:, no DOM, no electron.
// The renderer imports only types from here; preload and handlers import the values.
import { z } from 'zod';
import type {
  ArticleSummary, Article, Briefing, ImportProgress, ImportReport, Note, SearchResult,
} from './article.ts';
import type { ErrorData } from './errors.ts';
// desktop shell (issue 7): settings, About, external links, folder pickers, menu commands
import { settingsPatch, type AboutInfo, type AppCommand, type AppSettings } from './desktop/contract.ts';
export type { AboutInfo, AppCommand, AppSettings, FolderPurpose, SettingsPatch } from './desktop/contract.ts';

export type * from './article.ts';
export type { ErrorData } from './errors.ts';

/** Every call answers with a Result; only renderer/lib/api.ts unwraps it. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

const MAX_FILES_PER_CALL = 500;
const articleId = z.number().int().positive();

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
  }),
  briefing: z.object({
    /** '24h', '7d', '30d', 'all', or an ISO date. */
    since: z.string().max(40).optional(),
  }),
  noteDraft: z.object({ articleId, body: z.string().max(1_000_000) }),
  noteRef: z.object({ articleId }),
  empty: z.object({}).optional(),
  // desktop shell (issue 7)
  settingsPatch,
  externalLink: z.object({ url: z.string().min(1).max(8192) }),
  folderPurpose: z.object({ purpose: z.enum(['library', 'watched']) }),
};

export interface ArticleDetail {
  article: Article;
  note: Note | null;
}

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
  'articles.list': call<ArticleSummary[]>()(schemas.listArticles),
  'articles.get': call<ArticleDetail>()(schemas.articleRef),
  'articles.search': call<SearchResult>()(schemas.search),
  'briefing.build': call<Briefing>()(schemas.briefing),
  'notes.get': call<Note | null>()(schemas.noteRef),
  'notes.save': call<Note | null>()(schemas.noteDraft),
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
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['import.progress', 'app.command', 'import.finished', 'settings.changed'];

/** What preload exposes as `window.dossier`. */
export interface DossierApi {
  call<K extends Channel>(channel: K, input: In<K>): Promise<Result<Out<K>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export const channels = Object.keys(calls) as Channel[];
