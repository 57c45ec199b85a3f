// main.ts and preload.ts against a minimal fake of the 'electron' module: window security options,
// session lock-down, IPC registration with sender checks, and the preload exposing only the contract.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { calls } from '../../electron/api.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.ts';

type Listener = (...args: any[]) => any;

const fake = vi.hoisted(() => {
  const ipcHandlers = new Map<string, Listener>();
  const exposed: Record<string, unknown> = {};
  const invoked: Array<[string, unknown]> = [];
  const rendererListeners = new Map<string, Listener[]>();
  return {
    ipcHandlers, exposed, invoked, rendererListeners,
    ipcMain: {
      handle: (ch: string, fn: Listener) => { ipcHandlers.set(ch, fn); },
      removeHandler: (ch: string) => { ipcHandlers.delete(ch); },
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => { exposed[key] = value; } },
    ipcRenderer: {
      invoke: async (ch: string, input: unknown) => { invoked.push([ch, input]); return { ok: true, value: ch }; },
      on: (ev: string, fn: Listener) => { rendererListeners.set(ev, [...(rendererListeners.get(ev) ?? []), fn]); },
      removeListener: (ev: string, fn: Listener) => {
        rendererListeners.set(ev, (rendererListeners.get(ev) ?? []).filter((f) => f !== fn));
      },
    },
  };
});

vi.mock('electron', () => ({
  default: { ipcMain: fake.ipcMain, contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer },
  ipcMain: fake.ipcMain, contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer,
}));

const main = await import('../../electron/main.ts');

function fakeSession() {
  const s: Record<string, Listener> = {};
  return {
    s,
    session: {
      webRequest: {
        onBeforeRequest: (fn: Listener) => { s.before = fn; },
        onHeadersReceived: (fn: Listener) => { s.headers = fn; },
      },
      setPermissionRequestHandler: (fn: Listener) => { s.permission = fn; },
      setPermissionCheckHandler: (fn: Listener) => { s.permissionCheck = fn; },
    },
  };
}

describe('the app window', () => {
  test('runs the renderer isolated, sandboxed and without Node, with our preload', () => {
    const opts = main.windowOptions('/app/preload.cjs');
    expect(opts.webPreferences).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false,
    });
  });

  test('blocks every request that would leave the machine and logs it, but loads its own files', () => {
    const { s, session } = fakeSession();
    const log = vi.fn();
    main.secureSession(session as never, log);
    const decide = (url: string) => { let r: unknown; s.before!({ url }, (x: unknown) => { r = x; }); return r; };
    expect(decide('https://tracker.example/pixel.gif')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(decide('wss://example.org/socket')).toEqual({ cancel: true });
    expect(decide('file:///opt/Dossier/resources/app/dist/renderer/index.html')).toEqual({ cancel: false });
    expect(log).toHaveBeenCalledTimes(3);
    expect(log.mock.calls[0]![0]).toContain('tracker.example');
  });

  test('adds the strict content security policy to every response and denies all permissions', () => {
    const { s, session } = fakeSession();
    main.secureSession(session as never, () => {});
    let headers: any;
    s.headers!({ responseHeaders: { 'X-Other': ['1'] } }, (r: any) => { headers = r.responseHeaders; });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('connect-src');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    const granted = vi.fn();
    s.permission!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(s.permissionCheck!()).toBe(false);
  });

  test('denies navigation, redirects, webviews and new windows', () => {
    const on = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    main.lockDownContents({ on: (ev: string, fn: Listener) => on.set(ev, fn), setWindowOpenHandler: (fn: Listener) => { openHandler = fn; } } as never);
    for (const ev of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      on.get(ev)!(event, 'https://example.org');
      expect(event.preventDefault, ev).toHaveBeenCalled();
    }
    expect(openHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });
});

describe('IPC registration', () => {
  beforeEach(() => fake.ipcHandlers.clear());
  const rendererUrl = 'file:///app/dist/renderer/index.html';

  test('registers one handler per contract channel and removes them on dispose', async () => {
    const handlers = Object.fromEntries(Object.keys(calls).map((c) => [c, vi.fn(async () => ({ ok: true, value: c }))]));
    const dispose = main.registerHandlers(fake.ipcMain as never, handlers as never, rendererUrl);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.keys(calls).sort());
    const res = await fake.ipcHandlers.get('articles.search')!({ senderFrame: { url: rendererUrl } }, { q: 'Kursk' });
    expect(res).toEqual({ ok: true, value: 'articles.search' });
    expect(handlers['articles.search']).toHaveBeenCalledWith({ q: 'Kursk' });
    dispose();
    expect(fake.ipcHandlers.size).toBe(0);
  });

  test('refuses calls from any frame other than the Dossier window', async () => {
    const handlers = Object.fromEntries(Object.keys(calls).map((c) => [c, vi.fn()]));
    main.registerHandlers(fake.ipcMain as never, handlers as never, rendererUrl);
    const res = await fake.ipcHandlers.get('notes.save')!({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(res).toMatchObject({ ok: false, error: { code: 'ipc/untrusted-sender' } });
    expect(handlers['notes.save']).not.toHaveBeenCalled();
    expect(await fake.ipcHandlers.get('notes.save')!({ senderFrame: null }, {})).toMatchObject({ ok: false });
  });
});

describe('the preload', () => {
  test('exposes exactly call and on as window.dossier, and only for channels of the contract', async () => {
    await import('../../electron/preload.ts');
    const api = fake.exposed.dossier as { call: Listener; on: Listener };
    expect(Object.keys(fake.exposed)).toEqual(['dossier']);
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(await api.call('articles.list', { limit: 5 })).toEqual({ ok: true, value: 'articles.list' });
    expect(fake.invoked).toEqual([['articles.list', { limit: 5 }]]);
    expect(await api.call('fs.readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'ipc/unknown-channel' } });
    expect(fake.invoked).toHaveLength(1);
  });

  test('delivers pushed events to listeners until they unsubscribe', async () => {
    await import('../../electron/preload.ts');
    const api = fake.exposed.dossier as { on: Listener };
    const got: unknown[] = [];
    const off = api.on('import.progress', (p: unknown) => got.push(p));
    fake.rendererListeners.get('import.progress')!.forEach((fn) => fn({}, { done: 1, total: 2 }));
    off();
    fake.rendererListeners.get('import.progress')!.forEach((fn) => fn({}, { done: 2, total: 2 }));
    expect(got).toEqual([{ done: 1, total: 2 }]);
    expect(() => api.on('shell.exec', () => {})).toThrow();
  });
});
