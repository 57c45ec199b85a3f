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
// desktop shell (issue 7)
import { existsSync } from 'node:fs';
import type { BrowserWindow as BrowserWindowType, MenuItemConstructorOptions } from 'electron';
import { pathsFromArgv } from './desktop/argv.ts';
import { BlockedRequestLog } from './desktop/blocked-requests.ts';
import type { AppSettings } from './desktop/contract.ts';
import { buildMenuTemplate, menuLocale, type MenuActions } from './desktop/menu.ts';
import { createDesktopServices } from './desktop/services.ts';
import { SETTINGS_FILE, SettingsStore } from './desktop/settings-store.ts';
import { loadWindowState, restoreBounds, saveWindowState, WINDOW_STATE_FILE } from './desktop/window-state.ts';
import { watchFolder } from './desktop/watched-folder.ts';
import { defaultLibraryDir } from './paths.ts';

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

/** Blocks every request off the machine (reporting each to `log`), applies the CSP, denies permissions. */
export function secureSession(ses: Session, log: (url: string) => void = (url) => console.warn(`[dossier] blocked a request that would leave the machine: ${url}`)): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    const blocked = !isLocalRequest(details.url);
    if (blocked) log(details.url);
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
    return printToFile(deps, () => ({
      html: library.printableHtml(id),
      fileName: `${library.renderExport({ articleId: id, format: 'html' }).fileName.replace(/\.html$/, '')}.pdf`,
    }));
  };
}

/** The `export.themePdf` handler (issue 6): a theme's export (note, stories, articles' highlights and notes) as a PDF. */
export function themePdfExportHandler(library: Library, deps: PdfDeps): Handler {
  return async (input: unknown) => {
    const themeId = (input as { themeId?: unknown } | null)?.themeId;
    if (typeof themeId !== 'string' || themeId.length === 0 || themeId.length > 100) {
      return { ok: false, error: { code: 'input/invalid', message: 'Invalid request to export.themePdf: themeId must be a theme id.' } };
    }
    return printToFile(deps, () => library.printableThemeHtml(themeId));
  };
}

/** Asks where to save, renders the HTML in a hidden window, prints it to PDF and writes the file. */
async function printToFile(deps: PdfDeps, render: () => { html: string; fileName: string }): Promise<Awaited<ReturnType<Handler>>> {
  try {
    const { html, fileName } = render();
    const file = await deps.askPath(fileName);
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
}

/** Starts the app: one instance, one window, the library from DOSSIER_LIBRARY, the settings or the per-user folder. */
export async function startApp(): Promise<void> {
  const { app, BrowserWindow, ipcMain, session, Menu, dialog, shell, screen } = electron;
  if (!app.requestSingleInstanceLock()) {
    // The running instance gets our argv in 'second-instance' and imports the files; we are done.
    app.quit();
    return;
  }
  // Files given before the window is ready (macOS "open with" fires open-file early) wait here.
  const pendingPaths: string[] = [];
  let importPaths = (paths: string[]) => void pendingPaths.push(...paths);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    importPaths([path]);
  });
  const disposers: Array<() => void | Promise<void>> = [];
  await app.whenReady();
  const blocked = new BlockedRequestLog();
  secureSession(session.defaultSession, (url) => {
    blocked.record(url);
    console.warn(`[dossier] blocked a request that would leave the machine: ${url}`);
  });
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents));

  const userData = app.getPath('userData');
  const store = new SettingsStore(join(userData, SETTINGS_FILE));
  const libraryDirOf = (s: AppSettings) => process.env.DOSSIER_LIBRARY || s.libraryDir || defaultLibraryDir();
  let library: Library = await openLibrary({ dir: libraryDirOf(store.get()) });

  const stateFile = join(userData, WINDOW_STATE_FILE);
  const savedState = loadWindowState(stateFile);
  const win: BrowserWindowType = new BrowserWindow({
    ...windowOptions(join(here, 'preload.cjs')),
    ...restoreBounds(savedState, screen.getAllDisplays().map((d) => d.workArea)),
  });
  if (savedState?.maximized) win.maximize();
  const rememberBounds = () => saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  win.on('close', rememberBounds);

  const rendererFile = join(here, 'renderer', 'index.html');
  const rendererUrl = `file://${rendererFile}`;
  const emit = (event: string, payload: unknown) => {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  };
  // Every handler set (also after the library folder changes) prints PDFs through Electron (issue 6).
  const handlersFor = (lib: Library) => {
    const handlers = createHandlers(lib, emit, desktop);
    const pdfDeps: PdfDeps = {
      createWindow: () => new BrowserWindow(PRINT_WINDOW_OPTIONS),
      askPath: async (name) => {
        const r = await dialog.showSaveDialog(win, { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      writeFile: (path, data) => writeFileSync(path, data),
    };
    handlers['export.pdf'] = pdfExportHandler(lib, pdfDeps);
    handlers['export.themePdf'] = themePdfExportHandler(lib, pdfDeps);
    return handlers;
  };
  const focusWindow = () => {
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const importAndReport = async (paths: string[]) => {
    if (paths.length === 0) return;
    try {
      const report = await library.importPaths(paths, { onProgress: (p) => emit('import.progress', p) });
      emit('import.finished', report);
    } catch (e) {
      // Files from a second launch or "open with" have no caller to report to: tell the user here.
      dialog.showErrorBox('Dossier', e instanceof Error ? e.message : String(e));
    }
  };

  let stopWatching: () => void = () => {};
  const startWatching = (dir: string | null) => {
    stopWatching();
    stopWatching = dir ? watchFolder(dir, { importPaths: (p) => library.importPaths(p) }, {
      onImported: (report) => emit('import.finished', report),
      onError: (e) => console.warn('[dossier] watched folder:', e),
    }) : () => {};
  };

  const menuActions: MenuActions = {
    importFiles: () => void (async () => {
      library.prepareImport(); // while the user picks
      const picked = await dialog.showOpenDialog(win, { properties: ['openFile', 'openDirectory', 'multiSelections'] });
      if (!picked.canceled) await importAndReport(picked.filePaths);
    })().catch((e) => dialog.showErrorBox('Dossier', String(e instanceof Error ? e.message : e))),
    exportNotes: () => void (async () => {
      const picked = await dialog.showOpenDialog(win, { properties: ['openDirectory', 'createDirectory'] });
      if (!picked.canceled && picked.filePaths[0]) {
        const written = library.exportTo(picked.filePaths[0], { format: 'markdown' });
        if (written[0]) shell.showItemInFolder(written[0]);
      }
    })().catch((e) => dialog.showErrorBox('Dossier', String(e instanceof Error ? e.message : e))),
    command: (command) => emit('app.command', { command }),
  };
  const setMenu = (s: AppSettings) => Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate(menuLocale(s.language, app.getLocale()), process.platform, menuActions) as MenuItemConstructorOptions[]));

  let unregister: () => void = () => {};
  const desktop = createDesktopServices({
    store,
    openExternal: (url) => shell.openExternal(url),
    chooseFolder: async (purpose) => {
      const picked = await dialog.showOpenDialog(win, {
        properties: ['openDirectory', 'createDirectory'],
        defaultPath: purpose === 'library' ? library.dir : store.get().watchedFolder ?? app.getPath('downloads'),
      });
      return picked.canceled ? null : picked.filePaths[0] ?? null;
    },
    versions: { app: app.getVersion(), electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    sqliteVersion: () => library.sqliteVersion(),
    libraryLocation: () => library.dir,
    blocked: () => blocked.snapshot(),
    async applySettings(next, previous) {
      if (libraryDirOf(next) !== libraryDirOf(previous) && libraryDirOf(next) !== library.dir) {
        // Open the new library before closing the old one: if it fails, the user keeps working where they were.
        const reopened = await openLibrary({ dir: libraryDirOf(next) });
        const old = library;
        library = reopened;
        stopIndexEvents();
        stopIndexEvents = library.onIndexStatus((st) => emit('search.index', st));
        unregister();
        unregister = registerHandlers(ipcMain, handlersFor(library), rendererUrl);
        await old.close();
      }
      if (next.watchedFolder !== previous.watchedFolder) startWatching(next.watchedFolder);
      if (next.language !== previous.language) setMenu(next);
    },
    // Keeps the window (and anything else listening) in sync with what was saved.
    onChanged: (saved) => emit('settings.changed', saved),
  });
  unregister = registerHandlers(ipcMain, handlersFor(library), rendererUrl);
  // A search index rebuilt in the background tells an open search view when it is ready.
  let stopIndexEvents = library.onIndexStatus((st) => emit('search.index', st));
  disposers.push(() => library.close());
  disposers.push(() => stopIndexEvents());
  disposers.push(() => unregister());
  disposers.push(() => stopWatching());
  setMenu(store.get());
  startWatching(store.get().watchedFolder);

  win.once('ready-to-show', () => win.show());
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    void importAndReport(pathsFromArgv(argv, { cwd: workingDirectory, packaged: app.isPackaged, exists: existsSync }));
  });
  await win.loadFile(rendererFile);
  importPaths = (paths) => void importAndReport(paths);
  importPaths([...pendingPaths, ...pathsFromArgv(process.argv, { cwd: process.cwd(), packaged: app.isPackaged, exists: existsSync })]);

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
