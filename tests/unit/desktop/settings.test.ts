// Settings in userData: defaults, validation, survival of a damaged file; the desktop services on top
// (a library folder that cannot be opened is not saved; only web links reach the system browser).
import { describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../electron/desktop/contract.ts';
import { SettingsStore } from '../../../electron/desktop/settings-store.ts';
import { createDesktopServices, type DesktopDeps } from '../../../electron/desktop/services.ts';
import { checkExternalUrl } from '../../../electron/desktop/external-links.ts';
import { BlockedRequestLog } from '../../../electron/desktop/blocked-requests.ts';
import { tempDir } from '../../helpers.ts';

function withDir(fn: (dir: string) => void | Promise<void>) {
  return async () => {
    const t = tempDir();
    try {
      await fn(t.dir);
    } finally {
      t.cleanup();
    }
  };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('the settings file', () => {
  test('a first start has the defaults: system language and theme, non-strict umlauts, no watched folder', withDir((dir) => {
    expect(new SettingsStore(join(dir, 'settings.json')).get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.language).toBe('system');
  }));

  test('a saved choice is there after a restart', withDir((dir) => {
    const file = join(dir, 'settings.json');
    new SettingsStore(file).set({ language: 'de', theme: 'dark', readerFontSize: 20, strictUmlauts: true });
    expect(new SettingsStore(file).get()).toMatchObject({ language: 'de', theme: 'dark', readerFontSize: 20, strictUmlauts: true });
  }));

  test('bad values are refused with a reason and change nothing', withDir((dir) => {
    const store = new SettingsStore(join(dir, 'settings.json'));
    expect(codeOf(() => store.set({ theme: 'purple' }))).toBe('input/invalid');
    expect(codeOf(() => store.set({ readerFontSize: 400 }))).toBe('input/invalid');
    expect(codeOf(() => store.set({ colour: 'red' }))).toBe('input/invalid');
    expect(codeOf(() => store.set({ libraryDir: 'relative/folder' }))).toBe('settings/not-absolute');
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  }));

  test('a damaged file starts with defaults, and a partly valid one keeps its valid values', withDir((dir) => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"language": "de", "the');
    expect(new SettingsStore(file).get()).toEqual(DEFAULT_SETTINGS);
    writeFileSync(file, JSON.stringify({ language: 'de', theme: 42, readerFontSize: 19 }));
    expect(new SettingsStore(file).get()).toEqual({ ...DEFAULT_SETTINGS, language: 'de', readerFontSize: 19 });
  }));
});

function services(dir: string, overrides: Partial<DesktopDeps> = {}) {
  const opened: string[] = [];
  const applied: AppSettings[] = [];
  const store = new SettingsStore(join(dir, 'settings.json'));
  const blocked = new BlockedRequestLog(2);
  const svc = createDesktopServices({
    store,
    openExternal: async (url) => void opened.push(url),
    chooseFolder: async () => null,
    versions: { app: '0.1.0', electron: '41.7.1', chrome: '146.0', node: '22.1.0' },
    sqliteVersion: () => '3.53.0',
    libraryLocation: () => '/lib',
    blocked: () => blocked.snapshot(),
    applySettings: async (next) => void applied.push(next),
    ...overrides,
  });
  return { svc, opened, applied, store, blocked };
}

describe('desktop services', () => {
  test('a library folder that cannot be opened is reported and not saved', withDir(async (dir) => {
    const { svc, store } = services(dir, {
      applySettings: async () => { throw Object.assign(new Error('no'), { name: 'DossierError', code: 'library/not-writable' }); },
    });
    await expect(svc.setSettings({ libraryDir: '/root/forbidden' })).rejects.toMatchObject({ code: 'library/not-writable' });
    expect(store.get().libraryDir).toBeNull();
    expect(new SettingsStore(store.file).get().libraryDir).toBeNull();
  }));

  test('changing a setting applies it with the previous one known, then saves it', withDir(async (dir) => {
    const { svc, applied, store } = services(dir);
    expect(await svc.setSettings({ watchedFolder: '/home/ana/Downloads' })).toMatchObject({ watchedFolder: '/home/ana/Downloads' });
    expect(applied).toHaveLength(1);
    expect(new SettingsStore(store.file).get().watchedFolder).toBe('/home/ana/Downloads');
  }));

  test('every saved change is announced with the saved settings, a refused one is not', withDir(async (dir) => {
    const announced: AppSettings[] = [];
    const { svc, store } = services(dir, { onChanged: (s) => void announced.push(s) });
    await svc.setSettings({ language: 'de' });
    await svc.setSettings({ theme: 'dark' });
    await expect(svc.setSettings({ theme: 'purple' })).rejects.toMatchObject({ code: 'input/invalid' });
    expect(announced.map((s) => [s.language, s.theme])).toEqual([['de', 'system'], ['de', 'dark']]);
    expect(announced[1]).toEqual(store.get());
  }));

  test('only http and https links reach the system browser', withDir(async (dir) => {
    const { svc, opened } = services(dir);
    await svc.openExternal('https://www.tagesschau.de/ausland/x.html');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://server/share', 'not a url', 'https://user:pw@evil.example/']) {
      await expect(svc.openExternal(bad), bad).rejects.toMatchObject({ code: 'links/not-web' });
    }
    expect(opened).toEqual(['https://www.tagesschau.de/ausland/x.html']);
    expect(checkExternalUrl(' HTTP://Example.COM/a b ')).toBe('http://example.com/a%20b');
  }));

  test('About lists the versions and the requests that were blocked, keeping the most recent', withDir(async (dir) => {
    const { svc, blocked } = services(dir);
    for (const u of ['https://a.example/1', 'https://b.example/2', 'https://c.example/3']) blocked.record(u);
    const about = svc.about();
    expect(about).toMatchObject({ app: '0.1.0', electron: '41.7.1', chrome: '146.0', node: '22.1.0', sqlite: '3.53.0' });
    expect(about.blockedRequests).toEqual({ count: 3, last: ['https://b.example/2', 'https://c.example/3'] });
  }));
});
