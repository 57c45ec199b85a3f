// Packaging cannot complete here (Electron's download server is out of reach), so the electron-builder
// configuration is checked instead: targets per platform, and every file it names exists or is built.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.ts';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const build = pkg.build;

describe('the electron-builder configuration', () => {
  test('builds Linux AppImage and .deb, macOS .dmg and Windows NSIS', () => {
    expect(build.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(build.mac.target).toContain('dmg');
    expect(build.win.target).toContain('nsis');
    expect(build.productName).toBe('Dossier');
    expect(build.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
  });

  test('names only icons and resources that exist in build/', () => {
    for (const icon of [build.icon, build.linux.icon]) expect(existsSync(join(repoRoot, icon)), icon).toBe(true);
    expect(build.directories.buildResources).toBe('build');
    expect(existsSync(join(repoRoot, 'build/dossier.desktop'))).toBe(true);
  });

  test('packages the bundles the build produces, with the app entry point among them', () => {
    expect(build.files).toContain('dist/**/*');
    expect(pkg.main).toBe('dist/main.mjs');
    const bundle = readFileSync(join(repoRoot, 'build/bundle.mjs'), 'utf8');
    for (const entry of ['electron/main.ts', 'electron/preload.ts', 'electron/cli.ts', 'electron/import/worker.ts', 'electron/import/parse-worker.ts', 'electron/briefing-worker.ts', 'electron/index-worker.ts']) {
      expect(bundle).toContain(entry);
      expect(existsSync(join(repoRoot, entry)), entry).toBe(true);
    }
  });

  test('keeps electron and electron-builder as devDependencies and names author and description', () => {
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.description.length).toBeGreaterThan(10);
    expect(pkg.author).toBeTruthy();
  });

  test('unpacks the native SQLite module and the import, parse, briefing and index workers from the asar archive', () => {
    expect(build.asarUnpack).toEqual(expect.arrayContaining(['dist/import-worker.mjs', 'dist/parse-worker.mjs', 'dist/briefing-worker.mjs', 'dist/index-worker.mjs', 'node_modules/better-sqlite3/**']));
    // The parse worker's readers loaded on first use (archives, Word, e-mail, feeds, Markdown) sit beside it.
    expect(build.asarUnpack).toContain('dist/parse-chunks/**');
  });
});
