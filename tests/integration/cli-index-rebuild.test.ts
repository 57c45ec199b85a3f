// The built CLI on a library big enough for a background index rebuild: with the index file gone, `dossier
// search` says on stderr that the index is being rebuilt, waits for the bundled index worker, and answers.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from '../helpers.ts';
import { markedArticle } from '../fuzz/kill.ts';
import { BACKGROUND_FROM } from '../../electron/library-index.ts';
import { INDEX_FILE } from '../../electron/library.ts';

const cli = join(repoRoot, 'dist/cli.mjs');
const dossier = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, cwd: repoRoot });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('dossier search while the index is rebuilt', () => {
  const t = tempDir();
  const lib = ['--library', join(t.dir, 'lib')];
  beforeAll(() => {
    // The test is about the bundled index worker (dist/index-worker.mjs) beside the CLI. `npm test` builds both
    // first; bundling again here would empty dist/migrations under the other CLI tests running in parallel.
    if (!existsSync(cli) || !existsSync(join(repoRoot, 'dist/index-worker.mjs'))) execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: repoRoot });
    mkdirSync(join(t.dir, 'drop'));
    for (let i = 0; i < BACKGROUND_FROM; i++) writeFileSync(join(t.dir, 'drop', `m-${i}.txt`), markedArticle(i));
    expect(dossier(['import', join(t.dir, 'drop'), ...lib]).code).toBe(0);
  }, 120_000);
  afterAll(() => t.cleanup());

  test('waits for the rebuild, saying so on stderr, then prints the same hits as before', () => {
    const before = JSON.parse(dossier(['search', 'kx77q OR kx512q', ...lib, '--json']).out);
    expect(before.total).toBe(2);
    rmSync(join(t.dir, 'lib', INDEX_FILE));
    const r = dossier(['search', 'kx77q OR kx512q', ...lib, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/rebuilding the search index \(1000 articles\)/);
    const after = JSON.parse(r.out);
    expect(after.index).toBeUndefined();
    expect(after.hits.map((h: { id: number }) => h.id)).toEqual(before.hits.map((h: { id: number }) => h.id));
    expect(existsSync(join(t.dir, 'lib', INDEX_FILE))).toBe(true);
    // Saved by the rebuild: the next search loads it and says nothing.
    expect(dossier(['search', 'kx77q', ...lib]).err).toBe('');
  });
});
