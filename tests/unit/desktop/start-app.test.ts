// startApp() from electron/main.ts run end to end against a fake 'electron' module (app, BrowserWindow,
// ipcMain, session, Menu, dialog, shell, screen) with a real library in a temp folder: what a user notices
// of the shell — one instance, files from a second launch imported, the menu, the window where they left it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calls } from '../../../electron/api.ts';
import { repoRoot, tempDir } from '../../helpers.ts';

type Listener = (...args: any[]) => any;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(ev: string, fn: Listener) {
      this.listeners.set(ev, [...(this.listeners.get(ev) ?? []), fn]);
      return this;
    }
    once(ev: string, fn: Listener) {
      const wrapped: Listener = (...args) => {
        this.listeners.set(ev, (this.listeners.get(ev) ?? []).filter((f) => f !== wrapped));
        return fn(...args);
      };
      return this.on(ev, wrapped);
    }
    emit(ev: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(ev) ?? []) fn(...args);
    }
  }
  const state = {
    lock: true,
    userData: '',
    quits: 0,
    menus: [] as Array<{ template: Array<{ label?: string }> }>,
    windows: [] as FakeWindow[],
    ipc: new Map<string, Listener>(),
    app: null as unknown as Emitter,
  };
  class FakeWindow extends Emitter {
    bounds: { x: number; y: number; width: number; height: number };
    sent: Array<[string, unknown]> = [];
    focused = 0;
    minimized = false;
    maximized = false;
    destroyed = false;
    loaded: string | null = null;
    webContents = { send: (ev: string, payload: unknown) => void this.sent.push([ev, payload]) };
    constructor(readonly opts: Record<string, any>) {
      super();
      this.bounds = { x: opts.x ?? 0, y: opts.y ?? 0, width: opts.width, height: opts.height };
      state.windows.push(this);
    }
    isDestroyed() { return this.destroyed; }
    isMinimized() { return this.minimized; }
    restore() { this.minimized = false; }
    show() {}
    focus() { this.focused++; }
    maximize() { this.maximized = true; }
    isMaximized() { return this.maximized; }
    getNormalBounds() { return { ...this.bounds }; }
    setBounds(b: Partial<FakeWindow['bounds']>) { this.bounds = { ...this.bounds, ...b }; }
    async loadFile(file: string) { this.loaded = file; }
    async loadURL() {}
    destroy() { this.destroyed = true; }
  }
  /** A fresh app object per launch, as a new process would have. */
  function launch() {
    state.app = Object.assign(new Emitter(), {
      requestSingleInstanceLock: () => state.lock,
      quit: () => void state.quits++,
      whenReady: async () => {},
      getPath: (name: string) => (name === 'userData' ? state.userData : `${state.userData}/${name}`),
      getLocale: () => 'de-DE',
      getVersion: () => '0.1.0',
      isPackaged: false,
    });
    state.quits = 0;
    state.menus = [];
    state.windows = [];
  }
  const electron = {
    get app() { return state.app; },
    BrowserWindow: FakeWindow,
    ipcMain: {
      // Like Electron: a second handler for the same channel is a programming error.
      handle: (ch: string, fn: Listener) => {
        if (state.ipc.has(ch)) throw new Error(`Attempted to register a second handler for '${ch}'`);
        state.ipc.set(ch, fn);
      },
      removeHandler: (ch: string) => void state.ipc.delete(ch),
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: () => {}, onHeadersReceived: () => {} },
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
      },
    },
    Menu: {
      buildFromTemplate: (template: Array<{ label?: string }>) => ({ template }),
      setApplicationMenu: (menu: { template: Array<{ label?: string }> }) => void state.menus.push(menu),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
      showErrorBox: () => {},
    },
    shell: { openExternal: async () => {}, showItemInFolder: () => {} },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
  return { state, launch, electron };
});

vi.mock('electron', () => ({ default: fake.electron, ...fake.electron }));

const { startApp } = await import('../../../electron/main.ts');
const { state } = fake;
const rendererUrl = `file://${join(repoRoot, 'electron', 'renderer', 'index.html')}`;
const fromWindow = { senderFrame: { url: rendererUrl } };

/** Imports run in a worker pool; on a busy machine that takes a few seconds. */
const IMPORT_WAIT = { timeout: 30_000, interval: 50 };

let t: ReturnType<typeof tempDir>;
const saved = { argv: process.argv, library: process.env.DOSSIER_LIBRARY };

beforeEach(() => {
  t = tempDir();
  state.userData = join(t.dir, 'userData');
  state.lock = true;
  state.ipc.clear();
  process.env.DOSSIER_LIBRARY = join(t.dir, 'library');
  // The test runner's own argv names real files (its config); the app must only see ours.
  process.argv = ['/usr/bin/electron', '/opt/dossier'];
});
afterEach(async () => {
  // A test that failed midway leaves the app running: quit it before its library folder is deleted.
  if (state.ipc.size > 0) {
    state.app.emit('before-quit', { preventDefault: () => {} });
    await vi.waitFor(() => expect(state.ipc.size).toBe(0), IMPORT_WAIT);
  }
  process.argv = saved.argv;
  if (saved.library === undefined) delete process.env.DOSSIER_LIBRARY;
  else process.env.DOSSIER_LIBRARY = saved.library;
  t.cleanup();
});

function article(dir: string, name: string, title: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `${title}\n\n${title} — ein Bericht aus der Redaktion. ` +
    'Die Lage an der Front blieb am Dienstag angespannt, berichteten Beobachter vor Ort.\n');
  return file;
}

const finishedImports = (win: { sent: Array<[string, unknown]> }) => win.sent.filter(([ev]) => ev === 'import.finished');

async function call(channel: string, input: unknown) {
  const handler = state.ipc.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  return handler(fromWindow, input);
}

async function quit() {
  const event = { preventDefault: vi.fn() };
  state.app.emit('before-quit', event);
  // The app holds the quit until the library is closed, then quits itself.
  expect(event.preventDefault).toHaveBeenCalled();
  await vi.waitFor(() => expect(state.quits).toBe(1), IMPORT_WAIT);
}

describe('starting the desktop app', () => {
  test('a second launch quits at once when the running instance holds the lock', async () => {
    fake.launch();
    state.lock = false;
    await startApp();
    expect(state.quits).toBe(1);
    expect(state.windows).toHaveLength(0);
    expect(state.ipc.size).toBe(0);
  });

  test('opens the window with the files from the command line, every IPC channel and the menu in the system language', async () => {
    const onCommandLine = article(join(t.dir, 'inbox'), 'kursk.txt', 'Offensive bei Kursk');
    process.argv = ['/usr/bin/electron', '/opt/dossier', '--enable-logging', onCommandLine];
    fake.launch();
    await startApp();
    const win = state.windows[0]!;
    expect(win.loaded).toBe(join(repoRoot, 'electron', 'renderer', 'index.html'));
    expect([...state.ipc.keys()].sort()).toEqual(Object.keys(calls).sort());
    expect(state.menus).toHaveLength(1);
    expect(state.menus[0]!.template.map((m) => m.label)).toContain('Ablage');
    await vi.waitFor(() => expect(finishedImports(win)).toHaveLength(1), IMPORT_WAIT);
    expect(finishedImports(win)[0]![1]).toMatchObject({ imported: 1, failed: 0 });
    const listed = await call('articles.list', {});
    expect(listed.ok).toBe(true);
    expect(listed.value.map((a: { title: string }) => a.title)).toEqual([expect.stringContaining('Kursk')]);
    await quit();
  });

  test('a second launch with files focuses the window and imports them into the library', async () => {
    fake.launch();
    await startApp();
    const win = state.windows[0]!;
    win.minimized = true;
    const cwd = join(t.dir, 'Downloads');
    article(cwd, 'wahl.txt', 'Wahlergebnis in Sachsen');
    article(cwd, 'haushalt.txt', 'Streit um den Haushalt');
    state.app.emit('second-instance', {}, ['/usr/bin/electron', '/opt/dossier', 'wahl.txt', join(cwd, 'haushalt.txt'), 'missing.txt'], cwd);
    expect(win.minimized).toBe(false);
    expect(win.focused).toBeGreaterThan(0);
    await vi.waitFor(() => expect(finishedImports(win)).toHaveLength(1), IMPORT_WAIT);
    expect(finishedImports(win)[0]![1]).toMatchObject({ imported: 2 });
    const titles = (await call('articles.list', {})).value.map((a: { title: string }) => a.title).join(' | ');
    expect(titles).toContain('Sachsen');
    expect(titles).toContain('Haushalt');
    await quit();
  });

  test('a language change in settings relabels the menu and is pushed to the window', async () => {
    fake.launch();
    await startApp();
    const win = state.windows[0]!;
    expect(await call('settings.set', { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(state.menus.at(-1)!.template.map((m) => m.label)).toContain('File');
    expect(win.sent.filter(([ev]) => ev === 'settings.changed')).toEqual([['settings.changed', expect.objectContaining({ language: 'en' })]]);
    await quit();
  });

  test('quitting closes the library and removes the IPC handlers; the window reopens where it was closed', async () => {
    fake.launch();
    await startApp();
    const first = state.windows[0]!;
    expect(first.opts).toMatchObject({ width: 1280, height: 840 });
    const list = state.ipc.get('articles.list')!;
    expect(await list(fromWindow, {})).toMatchObject({ ok: true });
    first.setBounds({ x: 140, y: 90, width: 1100, height: 700 });
    first.emit('close', { preventDefault: () => {} });
    await quit();
    expect(state.ipc.size).toBe(0);
    // A handler still held by a late renderer call finds the library closed, not a half-open database.
    expect(await list(fromWindow, {})).toMatchObject({ ok: false, error: { code: 'library/closed' } });

    fake.launch();
    await startApp();
    expect(state.windows[0]!.opts).toMatchObject({ x: 140, y: 90, width: 1100, height: 700 });
    await quit();
  });
});
