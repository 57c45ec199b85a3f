// createHandlers(library) -> one plain function per channel: validate the input, call the Library, and return
// errors as data. main.ts registers these with ipcMain.handle; the e2e harness registers the very same map.
import { calls, type Channel, type EventName, type Events, type Result } from './api.ts';
import type { Library } from './library.ts';
import { DossierError, isDossierError } from './errors.ts';
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
    'articles.list': (i: { limit?: number; offset?: number }) => library.list(i),
    'articles.get': (i: { id: number }) => library.get(i.id),
    'articles.search': (i: { q: string; limit?: number }) => library.search(i.q, { limit: i.limit }),
    'briefing.build': (i: { since?: string }) => library.briefing({ since: i.since }),
    'notes.get': (i: { articleId: number }) => library.getNote(i.articleId),
    'notes.save': (i: { articleId: number; body: string }) => library.saveNote(i.articleId, i.body),
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
