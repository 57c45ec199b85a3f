// The app shell: lifecycle, the one window and its security settings, and IPC registration.
// Everything else (Library, handlers) is plain Node; only this file and preload.ts import 'electron'.
import electron from 'electron';
import type { BrowserWindowConstructorOptions, IpcMain, Session, WebContents, WebFrameMain } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, isLocalRequest } from './security.ts';
import { channels } from './api.ts';
import { createHandlers, type Handlers } from './handlers.ts';
import { openLibrary, type Library } from './library.ts';
// PDF export (issue 6)
import { writeFileSync } from 'node:fs';
import { toErrorResult, type Handler } from './handlers.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The window's options: isolated, sandboxed renderer without Node, with our preload only. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Dossier',
    backgroundColor: '#1b1d21',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** The renderer is loaded from our own files; IPC from any other frame is refused. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url'> | null | undefined, rendererUrl: string): boolean {
  return !!frame && frame.url.split('#')[0] === rendererUrl;
}

/** Blocks every request off the machine, applies the CSP, denies permissions. Returns the blocked-URL log. */
export function secureSession(ses: Session, log: (msg: string) => void = console.warn): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    const blocked = !isLocalRequest(details.url);
    if (blocked) log(`[dossier] blocked a request that would leave the machine: ${details.url}`);
    callback({ cancel: blocked });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** No navigation away from the app, no new windows, no webviews. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Registers one ipcMain handler per channel; returns a dispose function that removes them. */
export function registerHandlers(ipc: IpcMain, handlers: Handlers, rendererUrl: string): () => void {
  for (const channel of channels) {
    ipc.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, rendererUrl)) {
        return { ok: false, error: { code: 'ipc/untrusted-sender', message: 'Request refused: it did not come from the Dossier window.' } };
      }
      return handlers[channel](input);
    });
  }
  return () => channels.forEach((c) => ipc.removeHandler(c));
}

// --- PDF export (issue 6) ---

/** What printing needs from Electron, passed in so the flow is unit-tested with fakes. */
export interface PdfDeps {
  /** A hidden, script-less window to render the print view in. */
  createWindow: () => { loadURL(url: string): Promise<void>; webContents: Pick<WebContents, 'printToPDF'>; destroy(): void };
  /** Asks the user where to save; null when cancelled. */
  askPath: (defaultName: string) => Promise<string | null>;
  writeFile: (path: string, data: Uint8Array) => void;
}

/** Options of the hidden print window: no preload, no scripts, sandboxed. */
export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
};

/** The `export.pdf` handler: renders the article's print view in a hidden window, prints it and saves the PDF. */
export function pdfExportHandler(library: Library, deps: PdfDeps): Handler {
  return async (input: unknown) => {
    const id = (input as { id?: unknown } | null)?.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) {
      return { ok: false, error: { code: 'input/invalid', message: 'Invalid request to export.pdf: id must be an article id.' } };
    }
    try {
      const html = library.printableHtml(id);
      const name = `${library.renderExport({ articleId: id, format: 'html' }).fileName.replace(/\.html$/, '')}.pdf`;
      const file = await deps.askPath(name);
      if (!file) return { ok: true, value: null };
      const win = deps.createWindow();
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
        deps.writeFile(file, pdf);
      } finally {
        win.destroy();
      }
      return { ok: true, value: file };
    } catch (e) {
      return toErrorResult(e);
    }
  };
}

/** Starts the app: one instance, one window, the library from DOSSIER_LIBRARY or the per-user data folder. */
export async function startApp(): Promise<void> {
  const { app, BrowserWindow, ipcMain, session } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const disposers: Array<() => void | Promise<void>> = [];
  await app.whenReady();
  secureSession(session.defaultSession);
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents));

  const library: Library = await openLibrary({ dir: process.env.DOSSIER_LIBRARY || app.getPath('userData') });
  disposers.push(() => library.close());

  const win = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  const rendererFile = join(here, 'renderer', 'index.html');
  const rendererUrl = `file://${rendererFile}`;
  const emit = (event: string, payload: unknown) => {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  };
  const handlers = createHandlers(library, emit);
  handlers['export.pdf'] = pdfExportHandler(library, {
    createWindow: () => new BrowserWindow(PRINT_WINDOW_OPTIONS),
    askPath: async (name) => {
      const r = await electron.dialog.showSaveDialog(win, { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    writeFile: (path, data) => writeFileSync(path, data),
  });
  disposers.push(registerHandlers(ipcMain, handlers, rendererUrl));
  win.once('ready-to-show', () => win.show());
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  await win.loadFile(rendererFile);

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void (async () => {
      for (const dispose of disposers.reverse()) await dispose();
      app.quit();
    })();
  });
  app.on('window-all-closed', () => app.quit());
}

if (process.versions.electron) void startApp();
