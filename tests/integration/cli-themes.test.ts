// `dossier themes` and `dossier theme …` as a user runs them: list themes with ids, rename, pin, hide and
// recompute from the built bundle, each decision still there in the next process.
import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, repoRoot, tempDir } from '../helpers.ts';

const cli = join(repoRoot, 'dist/cli.mjs');

function dossier(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, cwd: repoRoot });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Summary { id: string; label: string; articleCount: number; pinned: boolean; hidden: boolean }

describe('curating themes from the command line', () => {
  const t = tempDir();
  const lib = ['--library', t.dir];
  const themes = (): Summary[] => JSON.parse(dossier(['themes', ...lib, '--json']).out) as Summary[];
  beforeAll(() => {
    if (!existsSync(cli)) execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: repoRoot });
    expect(dossier(['import', join(fixturesDir, 'articles'), join(fixturesDir, 'e2e'), ...lib]).code).toBe(0);
  });
  afterAll(() => t.cleanup());

  test('themes lists every theme with an id the theme commands take', () => {
    const list = themes();
    expect(list.length).toBeGreaterThan(1);
    expect(list.reduce((n, x) => n + x.articleCount, 0)).toBe(5);
    const text = dossier(['themes', ...lib]).out;
    for (const x of list) expect(text).toContain(x.id);
  });

  test('a rename and a pin are kept by the next command and after --recompute; brief shows the new name first', () => {
    const [, second] = themes();
    const r = dossier(['theme', 'rename', second!.id, 'Unsere Recherche', ...lib]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Unsere Recherche');
    expect(dossier(['theme', 'pin', second!.id, ...lib]).code).toBe(0);
    expect(dossier(['themes', '--recompute', ...lib]).code).toBe(0);
    const after = themes().find((x) => x.label === 'Unsere Recherche');
    expect(after?.pinned).toBe(true);
    const brief = JSON.parse(dossier(['brief', '--since', 'all', ...lib, '--json']).out) as { themes: Array<{ label: string }> };
    expect(brief.themes[0]!.label).toBe('Unsere Recherche');
  });

  test('a hidden theme leaves the briefing and comes back with unhide', () => {
    const target = themes().find((x) => !x.pinned)!;
    expect(dossier(['theme', 'hide', target.id, ...lib]).code).toBe(0);
    const labels = () => (JSON.parse(dossier(['brief', '--since', 'all', ...lib, '--json']).out) as { themes: Array<{ id: string }> }).themes.map((x) => x.id);
    expect(labels()).not.toContain(target.id);
    expect(dossier(['theme', 'unhide', target.id, ...lib]).code).toBe(0);
    expect(labels()).toContain(target.id);
  });

  test('wrong theme commands say what to type instead', () => {
    const bad = dossier(['theme', 'rename', 'tnope', 'x', ...lib]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/no theme with id tnope/);
    const usage = dossier(['theme', 'frobnicate', ...lib]);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/rename, merge, split, move, pin, unpin, hide, unhide/);
  });
});
