// createHandlers(library) -> one plain function per channel: validate the input, call the Library, and return
// errors as data. main.ts registers these with ipcMain.handle; the e2e harness registers the very same map.
import { calls, type Channel, type EventName, type Events, type Result, type ThemeDecision } from './api.ts';
import type { Library } from './library.ts';
import { DossierError, isDossierError } from './errors.ts';
import { parseTermList } from './batch-search.ts';
import type { HighlightDraft } from './highlights/annotations.ts';
import type { HighlightColor, NoteTargetKind } from './article.ts';
import type { TargetNoteFilter } from './library-notes.ts';
import type { ExportFormat } from './export/render.ts';
import { storageError } from './storage-errors.ts';
import type { DesktopServices } from './desktop/services.ts';
import type { FolderPurpose } from './desktop/contract.ts'; // desktop shell (issue 7)

export type Handler = (input: unknown) => Promise<Result<unknown>>;
export type Handlers = Record<Channel, Handler>;
export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

type Impl = { [K in Channel]: (input: never) => unknown };

// desktop shell (issue 7): without a shell (CLI-like use) these calls answer app/no-desktop.
function desktopCall(desktop: DesktopServices | undefined): DesktopServices {
  if (!desktop) throw new DossierError('app/no-desktop', 'This needs the Dossier desktop app.');
  return desktop;
}

function implementations(library: Library, emit: Emit, desktop?: DesktopServices): Impl {
  return {
    'library.info': () => library.info(),
    'articles.import': (i: { files: Array<{ name: string; bytes: Uint8Array }> }) =>
      library.importFiles(i.files, { onProgress: (p) => emit('import.progress', p) }),
    'import.cancel': () => library.cancelImports(),
    'import.prepare': () => { library.prepareImport(); return null; },
    'articles.list': (i: { limit?: number; offset?: number }) => library.list(i),
    'articles.get': (i: { id: number }) => library.get(i.id),
    'articles.search': (i: { q: string; limit?: number; strictUmlauts?: boolean; facets?: boolean; locale?: 'en' | 'de' }) =>
      library.search(i.q, { limit: i.limit, strictUmlauts: i.strictUmlauts, facets: i.facets, locale: i.locale }),
    'briefing.build': (i: { since?: string; from?: string; to?: string }) => library.buildBriefing(i),
    'notes.get': (i: { articleId: number }) => library.getNote(i.articleId),
    'notes.save': (i: { articleId: number; body: string }) => library.saveNote(i.articleId, i.body),
    // Saved searches, alerts and batch search (issue 4).
    'savedSearches.list': () => library.savedSearches(),
    'savedSearches.save': (i: { name: string; query: string; strictUmlauts?: boolean }) => library.saveSearch(i),
    'savedSearches.delete': (i: { id: number }) => { library.deleteSavedSearch(i.id); return null; },
    // These need every article in the index: while it is rebuilt they wait for it (the box search answers at once).
    'savedSearches.matches': async (i: { id: number; limit?: number }) => {
      await library.whenIndexReady();
      return library.savedSearchMatches(i.id, { limit: i.limit });
    },
    'savedSearches.markSeen': (i: { id: number }) => library.markSavedSearchSeen(i.id),
    'search.batch': async (i: { text: string; csv?: boolean; strictUmlauts?: boolean }) => {
      await library.whenIndexReady();
      return library.batchSearch(parseTermList(i.text, { csv: i.csv }), { strictUmlauts: i.strictUmlauts });
    },
    // highlights, tags, notes view, export (issue 6)
    'highlights.add': (i: HighlightDraft) => library.addHighlight(i),
    'highlights.update': (i: { id: number; color?: HighlightColor; comment?: string }) =>
      library.updateHighlight(i.id, { color: i.color, comment: i.comment }),
    'highlights.delete': (i: { id: number }) => { library.deleteHighlight(i.id); return null; },
    'tags.set': (i: { articleId: number; tags: string[] }) => library.setTags(i.articleId, i.tags),
    'tags.list': () => library.tags(),
    'annotations.list': async (i: { q?: string; tag?: string; articleId?: number; from?: string; to?: string; themeId?: string }) => {
      if (i.q?.trim()) await library.whenIndexReady();
      return library.annotations({ ...i, articleIds: i.articleId ? [i.articleId] : undefined });
    },
    'export.render': (i: { articleId?: number; format: ExportFormat }) => library.renderExport(i),
    // Printing needs Electron's webContents: main.ts replaces this handler with one that can print.
    'export.pdf': () => { throw new DossierError('export/pdf-unavailable', 'PDF export works in the Dossier desktop app; here, export as HTML and print that.'); },
    // notes on themes and briefings, theme export (issue 6)
    'targetNotes.get': (i: { kind: NoteTargetKind; key: string }) => library.getTargetNote(i.kind, i.key),
    'targetNotes.save': (i: { kind: NoteTargetKind; key: string; body: string }) => library.saveTargetNote(i.kind, i.key, i.body),
    'targetNotes.list': (i: TargetNoteFilter) => library.listTargetNotes(i),
    'export.theme': (i: { themeId: string; format: ExportFormat }) => library.renderThemeExport(i.themeId, i.format),
    'export.themePdf': () => { throw new DossierError('export/pdf-unavailable', 'PDF export works in the Dossier desktop app; here, export as HTML and print that.'); },
    // Themes & briefing (issue 5)
    'themes.list': () => library.themes(),
    'themes.decide': (i: ThemeDecision) => library.decideTheme(i),
    'briefing.export': (i: { since?: string; from?: string; to?: string; format: 'markdown' | 'html' }) => library.exportBriefing(i),
    // desktop shell (issue 7)
    'settings.get': () => desktopCall(desktop).getSettings(),
    'settings.set': (i: unknown) => desktopCall(desktop).setSettings(i),
    'settings.chooseFolder': (i: { purpose: FolderPurpose }) => desktopCall(desktop).chooseFolder(i.purpose),
    'links.open': (i: { url: string }) => desktopCall(desktop).openExternal(i.url),
    'app.about': () => desktopCall(desktop).about(),
  };
}

/** Turns any thrown value into the error half of a Result; bugs are logged with their stack. */
export function toErrorResult(e: unknown): Result<never> {
  if (e instanceof DossierError) return { ok: false, error: e.toData() };
  if (isDossierError(e)) return { ok: false, error: { code: e.code, message: e.message } };
  // Reliability (issue 8): disk full / read-only folder are the user's to fix, not bugs.
  const storage = storageError(e);
  if (storage) return { ok: false, error: storage.toData() };
  console.error('[dossier] internal error:', e);
  return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Dossier. Your library was not changed by this call.' } };
}

export function createHandlers(library: Library, emit: Emit = () => {}, desktop?: DesktopServices): Handlers {
  const impl = implementations(library, emit, desktop);
  const handlers = {} as Handlers;
  for (const channel of Object.keys(calls) as Channel[]) {
    handlers[channel] = async (input: unknown) => {
      const parsed = calls[channel].input.safeParse(input ?? {});
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
        return { ok: false, error: { code: 'input/invalid', message: `Invalid request to ${channel}: ${where}` } };
      }
      try {
        return { ok: true, value: await (impl[channel] as (i: unknown) => unknown)(parsed.data) };
      } catch (e) {
        return toErrorResult(e);
      }
    };
  }
  return handlers;
}
