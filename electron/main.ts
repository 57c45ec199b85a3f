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
  disposers.push(registerHandlers(ipcMain, createHandlers(library, emit), rendererUrl));
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
