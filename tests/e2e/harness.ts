// The e2e rig: the built renderer served under the app's CSP from 127.0.0.1, opened in Debian
// Chromium, and wired to createHandlers(realLibrary) through a `window.dossier` shaped like the preload's.
// Only Electron's transport is swapped; renderer, handlers and Library are the real ones.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { channels, eventNames, type EventName, type Events } from '../../electron/api.ts';
import { createHandlers } from '../../electron/handlers.ts';
import { openLibrary, type Library, type LibraryOptions } from '../../electron/library.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.ts';
import { repoRoot, tempDir } from '../helpers.ts';
// desktop shell (issue 7): the same desktop services main builds, with settings in the temp dir
import { createDesktopServices } from '../../electron/desktop/services.ts';
import { SETTINGS_FILE, SettingsStore } from '../../electron/desktop/settings-store.ts';
import { BlockedRequestLog } from '../../electron/desktop/blocked-requests.ts';

export const distDir = join(repoRoot, 'dist/renderer');
export const screenshotDir = join(repoRoot, 'tests/e2e/screenshots');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json',
};

/** Serves dist/renderer with exactly the app's Content-Security-Policy on every response. */
function serveRenderer(): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(distDir, normalize(`.${path === '/' ? '/index.html' : path}`));
    const inside = file === distDir || file.startsWith(distDir + sep);
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Cache-Control', 'no-store');
    if (!inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    ok({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
  }));
}

/**
 * Runs in the page before the app, like the preload: defines window.dossier = { call, on }.
 * Bytes cannot cross Playwright's binding as Uint8Array, so they travel as base64 and are decoded in Node.
 */
function bridgeScript({ channels, eventNames }: { channels: string[]; eventNames: string[] }): void {
  type Listener = (payload: unknown) => void;
  const w = window as unknown as Record<string, unknown> & {
    __dossierCall(channel: string, input: unknown): Promise<unknown>;
    __dossierReport(kind: string, text: string): void;
  };
  const listeners = new Map<string, Set<Listener>>();
  const toBase64 = (bytes: Uint8Array): string => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const encode = (v: unknown): unknown => {
    if (v instanceof Uint8Array) return { __bytes: toBase64(v) };
    if (Array.isArray(v)) return v.map(encode);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
    return v;
  };
  const api = Object.freeze({
    call(channel: string, input: unknown) {
      if (!channels.includes(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'ipc/unknown-channel', message: `Unknown call ${channel}.` } });
      }
      return w.__dossierCall(channel, encode(input));
    },
    on(event: string, listener: Listener) {
      if (!eventNames.includes(event)) throw new Error(`Unknown event ${event}`);
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => void listeners.get(event)?.delete(listener);
    },
  });
  Object.defineProperty(window, 'dossier', { value: api, enumerable: true });
  Object.defineProperty(window, '__dossierDispatch', {
    value: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
  });
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__dossierReport('csp', `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

/** Turns {__bytes: base64} back into real Uint8Arrays (not Buffers) before the handler sees them. */
function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.__bytes === 'string' && Object.keys(o).length === 1) {
      const buf = Buffer.from(o.__bytes, 'base64');
      return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

export interface PageOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
}

export interface Harness {
  library: Library;
  /** Links the user confirmed, as main would hand them to the system browser. */
  openedLinks: string[];
  /** Answers for the next folder dialogs (null = the user cancelled). */
  folderAnswers: Array<string | null>;
  settings: SettingsStore;
  baseUrl: string;
  /** Page errors, console errors, CSP violations and off-machine requests seen so far. */
  problems: string[];
  /** A fresh browser context (own storage, locale, colour scheme) with the app loaded. */
  openApp(opts?: PageOptions): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Extra Library options (import report tests: a short parse time limit and a file that hangs). */
export type HarnessOptions = Omit<LibraryOptions, 'dir'> & {
  /** An existing library folder to open instead of a fresh one (search index rebuild tests). */
  libraryDir?: string;
};

export async function startHarness({ libraryDir, ...opts }: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`The built renderer is missing (${distDir}): run npm run build (or npx vite build --config renderer/vite.config.ts) first.`);
  }
  const problems: string[] = [];
  const temp = tempDir('dossier-e2e-');
  let library = await openLibrary({ ...opts, dir: libraryDir ?? temp.dir });
  const { server, baseUrl } = await serveRenderer();
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const pages = new Set<Page>();

  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const page of pages) {
      page.evaluate(([e, p]) => (window as unknown as { __dossierDispatch?: (e: string, p: unknown) => void })
        .__dossierDispatch?.(e, p), [event, payload] as const).catch(() => {});
    }
  };
  const openedLinks: string[] = [];
  const folderAnswers: Array<string | null> = [];
  const settingsStore = new SettingsStore(join(temp.dir, 'userData', SETTINGS_FILE));
  const blocked = new BlockedRequestLog();
  const desktop = createDesktopServices({
    store: settingsStore,
    openExternal: async (url) => void openedLinks.push(url),
    chooseFolder: async () => folderAnswers.shift() ?? null,
    versions: { app: '0.1.0', node: process.versions.node },
    sqliteVersion: () => library.sqliteVersion(),
    libraryLocation: () => library.dir,
    blocked: () => blocked.snapshot(),
    async applySettings(next, previous) {
      // Like main.ts: a new library folder is opened first and the handlers then serve it.
      if (next.libraryDir !== previous.libraryDir) {
        const reopened = await openLibrary({ ...opts, dir: next.libraryDir ?? temp.dir });
        await library.close();
        library = reopened;
        stopIndexEvents();
        stopIndexEvents = library.onIndexStatus((st) => emit('search.index', st));
        handlers = createHandlers(library, emit, desktop);
      }
    },
    onChanged: (s) => emit('settings.changed', s),
  });
  let handlers = createHandlers(library, emit, desktop);
  let stopIndexEvents = library.onIndexStatus((st) => emit('search.index', st));

  async function openApp(opts: PageOptions = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: opts.locale ?? 'en-US',
      colorScheme: opts.colorScheme ?? 'light',
      serviceWorkers: 'block',
    });
    contexts.push(context);
    // No network, ever: anything not served by our own server is refused and counted as a problem.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(baseUrl)) return route.continue();
      problems.push(`request off the app: ${url}`);
      blocked.record(url);
      return route.abort('blockedbyclient');
    });
    await context.exposeBinding('__dossierCall', async (_source, channel: string, input: unknown) => {
      const handler = handlers[channel as keyof typeof handlers]; // read per call: a library switch swaps them
      if (!handler) return { ok: false, error: { code: 'ipc/unknown-channel', message: `Unknown call ${channel}.` } };
      return handler(decode(input));
    });
    await context.exposeBinding('__dossierReport', (_source, kind: string, text: string) => {
      problems.push(`${kind}: ${text}`);
    });
    await context.addInitScript(bridgeScript, { channels: [...channels], eventNames: [...eventNames] });
    const page = await context.newPage();
    pages.add(page);
    page.on('close', () => pages.delete(page));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    await page.goto(baseUrl);
    await page.getByRole('navigation').waitFor();
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, `${name}.png`);
    await page.screenshot({ path });
    return path;
  }

  async function close(): Promise<void> {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close();
    await new Promise((ok) => server.close(ok));
    await library.close();
    temp.cleanup();
  }

  return {
    get library() { return library; },
    baseUrl, problems, openApp, screenshot, close, openedLinks, folderAnswers, settings: settingsStore,
  };
}

/** After each test: the page logged no errors, broke no CSP rule and sent nothing off the machine. */
export function expectNoPageProblems(h: Harness | undefined): void {
  expect(h?.problems.splice(0) ?? [], 'page errors, console errors, CSP violations or network requests').toEqual([]);
}

export interface DropFile {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/**
 * Drops files on the window the way a user's drag does: a real DataTransfer carrying Files,
 * dispatched as dragenter + dragover (the overlay shows) and then drop. `beforeDrop` sees the overlay.
 */
export async function dropFiles(page: Page, files: DropFile[], beforeDrop?: () => Promise<void>): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? '', b64: Buffer.from(f.bytes).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  if (beforeDrop) await beforeDrop();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await dataTransfer.dispose();
}
