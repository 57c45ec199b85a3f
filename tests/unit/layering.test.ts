// Enforces the environments-by-folder rules of STYLE.md §1–2 by scanning every import in the source tree.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

interface Import { spec: string; typeOnly: boolean; target: string | null }

function importsOf(file: string): Import[] {
  const src = readFileSync(join(root, file), 'utf8');
  const found: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of src.matchAll(re)) {
    const spec = (m[3] ?? m[4])!;
    const target = spec.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), spec)) : null;
    found.push({ spec, typeOnly: !!m[2], target });
  }
  return found;
}

const electronFiles = sourceFiles('electron');
// vite.config.ts is build tooling that runs in Node, not renderer code.
const rendererFiles = sourceFiles('renderer').filter((f) => f !== 'renderer/vite.config.ts');
const dbFiles = sourceFiles('db');

describe('layering', () => {
  test('only electron/main.ts and electron/preload.ts import electron', () => {
    const offenders = [...electronFiles, ...rendererFiles, ...dbFiles]
      .filter((f) => !['electron/main.ts', 'electron/preload.ts'].includes(f))
      .filter((f) => importsOf(f).some((i) => i.spec === 'electron'));
    expect(offenders).toEqual([]);
  });

  test('the renderer imports no Node modules, no db/ and only types from electron/api.ts', () => {
    const offenders = rendererFiles.flatMap((f) => importsOf(f)
      .filter((i) => i.spec.startsWith('node:') || (i.target && !i.target.startsWith('renderer/')
        && !(i.target === 'electron/api.ts' && i.typeOnly)))
      .map((i) => `${f} -> ${i.spec}`));
    expect(offenders).toEqual([]);
  });

  test('electron/api.ts stays plain TypeScript (no node:, no DOM, no app modules beyond types and errors)', () => {
    const bad = importsOf('electron/api.ts').filter((i) => i.spec.startsWith('node:')
      // desktop/contract.ts is the shell's share of the contract: plain zod and types (issue 7).
      || (i.target && !['electron/article.ts', 'electron/errors.ts', 'electron/desktop/contract.ts'].includes(i.target)));
    expect(bad).toEqual([]);
    const code = readFileSync(join(root, 'electron/api.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, '');
    expect(code).not.toMatch(/\b(window|document)\./);
  });

  test('db/ imports nothing from the app except the error type and domain types', () => {
    const offenders = dbFiles.flatMap((f) => importsOf(f)
      .filter((i) => i.target && !i.target.startsWith('db/')
        && !(i.target === 'electron/errors.ts' || (i.target === 'electron/article.ts' && i.typeOnly)))
      .map((i) => `${f} -> ${i.spec}`));
    expect(offenders).toEqual([]);
  });

  test('search/ and themes/ are pure: no SQLite, no db/, no Library', () => {
    const pure = electronFiles.filter((f) => f.startsWith('electron/search/') || f.startsWith('electron/themes/'));
    const offenders = pure.flatMap((f) => importsOf(f)
      .filter((i) => i.spec === 'better-sqlite3' || i.target?.startsWith('db/') || i.target === 'electron/library.ts')
      .map((i) => `${f} -> ${i.spec}`));
    expect(offenders).toEqual([]);
  });

  test('the scanner sees imports (guards against a regex that matches nothing)', () => {
    expect(importsOf('electron/library.ts').some((i) => i.target === 'db/open.ts')).toBe(true);
    expect(importsOf('electron/api.ts').some((i) => i.spec === 'zod')).toBe(true);
  });
});
