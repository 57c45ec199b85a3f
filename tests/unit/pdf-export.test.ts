// The app's PDF export against a fake of Electron: the article's print view (highlights and note included) is
// loaded in a hidden script-less window, printed, saved where the user chose; cancelling writes nothing.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { join } from 'node:path';
import { tempDir, fixturesDir } from '../helpers.ts';
import type { Library } from '../../electron/library.ts';

vi.mock('electron', () => ({ default: {} }));
const main = await import('../../electron/main.ts');
const { openLibrary } = await import('../../electron/library.ts');

const t = tempDir();
let lib: Library;
let id: number;
beforeAll(async () => {
  lib = await openLibrary({ dir: join(t.dir, 'lib') });
  await lib.importPaths([join(fixturesDir, 'articles')]);
  id = lib.list()[0]!.id;
  const text = lib.get(id).article.text;
  lib.addHighlight({ articleId: id, start: 0, end: text.indexOf(' ', 12), color: 'yellow', comment: 'Für den Aufmacher' });
  lib.saveNote(id, 'Pressestelle anrufen');
});
afterAll(async () => { await lib.close(); t.cleanup(); });

function fakes(answer: string | null) {
  const loaded: string[] = [];
  const written: Array<[string, Uint8Array]> = [];
  let destroyed = 0;
  const deps = {
    createWindow: () => ({
      loadURL: async (url: string) => { loaded.push(url); },
      webContents: { printToPDF: async () => Buffer.from('%PDF-1.7 fake') },
      destroy: () => { destroyed++; },
    }),
    askPath: async (name: string) => { loaded.push(`ask:${name}`); return answer; },
    writeFile: (p: string, d: Uint8Array) => { written.push([p, d]); },
  };
  return { deps: deps as unknown as Parameters<typeof main.pdfExportHandler>[1], loaded, written, destroyed: () => destroyed };
}

describe('PDF export from the app', () => {
  test('prints the article with its highlight and note and saves the PDF where the user chose', async () => {
    const f = fakes('/home/reporter/artikel.pdf');
    const res = await main.pdfExportHandler(lib, f.deps)({ id });
    expect(res).toEqual({ ok: true, value: '/home/reporter/artikel.pdf' });
    expect(f.loaded[0]).toMatch(/^ask:\d{5}-.+\.pdf$/);
    const html = decodeURIComponent(f.loaded[1]!.replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html).toContain('Für den Aufmacher');
    expect(html).toContain('Pressestelle anrufen');
    expect(f.written.map(([p, d]) => [p, Buffer.from(d).toString()])).toEqual([['/home/reporter/artikel.pdf', '%PDF-1.7 fake']]);
    expect(f.destroyed()).toBe(1);
  });

  test('cancelling the save dialog writes nothing', async () => {
    const f = fakes(null);
    expect(await main.pdfExportHandler(lib, f.deps)({ id })).toEqual({ ok: true, value: null });
    expect(f.written).toEqual([]);
  });

  test('an unknown article is an error a user can read, not a crash', async () => {
    const res = await main.pdfExportHandler(lib, fakes('/tmp/x.pdf').deps)({ id: 999999 });
    expect(res).toMatchObject({ ok: false, error: { code: 'articles/not-found' } });
  });

  test('the print window runs no scripts and is sandboxed', () => {
    expect(main.PRINT_WINDOW_OPTIONS.webPreferences).toMatchObject({ javascript: false, sandbox: true, nodeIntegration: false });
  });
});
