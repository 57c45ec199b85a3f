// "Open with", desktop-entry %U and second-launch argv: which paths get imported.
import { describe, expect, test } from 'vitest';
import { pathsFromArgv } from '../../../electron/desktop/argv.ts';

const existing = new Set(['/home/ana/a.pdf', '/home/ana/Downloads/b.eml', '/tmp/feed folder', '/home/ana/-dash.txt']);
const ctx = (packaged: boolean, cwd = '/home/ana') => ({ cwd, packaged, exists: (p: string) => existing.has(p) });

describe('files named at launch', () => {
  test('a packaged app imports every existing file after the executable, relative to the launch folder', () => {
    expect(pathsFromArgv(['/opt/Dossier/dossier', 'a.pdf', 'Downloads/b.eml'], ctx(true))).toEqual(['/home/ana/a.pdf', '/home/ana/Downloads/b.eml']);
  });

  test('`electron .` skips the app path, and Chromium switches are not files', () => {
    expect(pathsFromArgv(['/usr/bin/electron', '.', '--allow-file-access-from-files', '/home/ana/a.pdf', '-psn_0_123'], ctx(false)))
      .toEqual(['/home/ana/a.pdf']);
  });

  test('file:// URLs from a desktop entry become paths; web URLs and missing files are ignored', () => {
    expect(pathsFromArgv(['dossier', 'file:///tmp/feed%20folder', 'https://example.com/x.html', '/nope.txt', 'mailto:a@b.c'], ctx(true)))
      .toEqual(['/tmp/feed folder']);
  });

  test('after -- a name starting with a dash is a file, and duplicates are imported once', () => {
    expect(pathsFromArgv(['dossier', 'a.pdf', '/home/ana/a.pdf', '--', '-dash.txt'], ctx(true))).toEqual(['/home/ana/a.pdf', '/home/ana/-dash.txt']);
  });

  test('a launch with no files imports nothing', () => {
    expect(pathsFromArgv(['dossier'], ctx(true))).toEqual([]);
    expect(pathsFromArgv(['electron', '.'], ctx(false))).toEqual([]);
  });
});
