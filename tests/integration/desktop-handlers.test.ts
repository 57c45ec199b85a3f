// The desktop calls through createHandlers, as the window makes them: validated input, errors as data.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { createHandlers, type Handlers } from '../../electron/handlers.ts';
import { openLibrary, type Library } from '../../electron/library.ts';
import { createDesktopServices } from '../../electron/desktop/services.ts';
import { SettingsStore } from '../../electron/desktop/settings-store.ts';
import { tempDir } from '../helpers.ts';

describe('desktop calls', () => {
  let library: Library;
  let withDesktop: Handlers;
  let without: Handlers;
  const opened: string[] = [];
  const pushed: Array<[string, unknown]> = [];
  const t = tempDir();

  beforeAll(async () => {
    library = await openLibrary({ dir: join(t.dir, 'lib') });
    const desktop = createDesktopServices({
      store: new SettingsStore(join(t.dir, 'userData', 'settings.json')),
      openExternal: async (u) => void opened.push(u),
      chooseFolder: async () => null,
      versions: { app: '0.1.0', node: process.versions.node },
      sqliteVersion: () => library.sqliteVersion(),
      libraryLocation: () => library.dir,
      blocked: () => ({ count: 0, last: [] }),
      applySettings: async () => {},
      onChanged: (s) => emit('settings.changed', s),
    });
    const emit = (event: string, payload: unknown) => void pushed.push([event, payload]);
    withDesktop = createHandlers(library, emit, desktop);
    without = createHandlers(library);
  });
  afterAll(async () => {
    await library.close();
    t.cleanup();
  });

  test('settings are read and saved, and a bad value is refused as input/invalid', async () => {
    expect(await withDesktop['settings.get']({})).toMatchObject({ ok: true, value: { language: 'system' } });
    expect(await withDesktop['settings.set']({ language: 'de' })).toMatchObject({ ok: true, value: { language: 'de' } });
    expect(await withDesktop['settings.set']({ language: 'fr' })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await withDesktop['settings.set']({ readerFontSize: '20' })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    // Only the saved change reaches the window(s), so a second window or the menu's language stays in sync.
    expect(pushed.filter(([e]) => e === 'settings.changed').map(([, s]) => (s as { language: string }).language)).toEqual(['de']);
  });

  test('links.open passes web links on and answers links/not-web for anything else', async () => {
    expect(await withDesktop['links.open']({ url: 'https://example.org/a' })).toEqual({ ok: true, value: true });
    expect(await withDesktop['links.open']({ url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'links/not-web' } });
    expect(opened).toEqual(['https://example.org/a']);
  });

  test('About reports the real SQLite version of the library', async () => {
    const about = await withDesktop['app.about']({});
    expect(about).toMatchObject({ ok: true, value: { sqlite: expect.stringMatching(/^3\.\d+\.\d+$/), libraryLocation: library.dir } });
  });

  test('without the desktop shell the calls fail as data, not as a crash', async () => {
    expect(await without['settings.get']({})).toMatchObject({ ok: false, error: { code: 'app/no-desktop' } });
  });
});
