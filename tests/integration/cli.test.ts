// The `dossier` CLI as a user runs it: the built bundle in a child process, on a temp library.
import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, repoRoot, tempDir } from '../helpers.ts';

const cli = join(repoRoot, 'dist/cli.mjs');

function dossier(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, cwd: repoRoot });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the dossier command line', () => {
  const t = tempDir();
  const lib = ['--library', t.dir];
  beforeAll(() => {
    // npm test builds first; build here too so the file runs on its own (esbuild takes a second).
    if (!existsSync(cli)) execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: repoRoot });
  });
  afterAll(() => t.cleanup());

  test('imports a folder and reports every file as JSON', () => {
    const r = dossier(['import', join(fixturesDir, 'articles'), ...lib, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.imported).toBe(3);
    expect(report.outcomes.map((o: { status: string }) => o.status)).toEqual(['imported', 'imported', 'imported']);
  });

  test('prints a readable import report, naming duplicates', () => {
    const r = dossier(['import', join(fixturesDir, 'articles/flood-warning.txt'), ...lib]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/duplicate of #\d+ “Flood warnings/);
    expect(r.out).toContain('0 imported, 1 duplicate, 0 failed');
  });

  test('searches with JSON hits carrying id, title, score and a snippet', () => {
    const r = dossier(['search', 'Lokfuehrer', ...lib, '--json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(res.hits[0]).toMatchObject({ id: expect.any(Number), title: expect.stringContaining('Lokführer'), score: expect.any(Number), snippet: expect.any(String) });
  });

  test('search output marks the matched words when piped', () => {
    const r = dossier(['search', 'Carlisle', ...lib]);
    expect(r.out).toContain('«Carlisle»');
  });

  test('a note set from the command line is shown with the article and found by search', () => {
    const id = JSON.parse(dossier(['search', 'Klimagipfel', ...lib, '--json']).out).hits[0].id;
    expect(dossier(['note', String(id), 'Nachfragen: Beitrag Chinas?', ...lib]).code).toBe(0);
    expect(dossier(['show', String(id), ...lib]).out).toContain('Nachfragen: Beitrag Chinas?');
    const hits = JSON.parse(dossier(['search', 'Nachfragen', ...lib, '--json']).out).hits;
    expect(hits.map((h: { id: number }) => h.id)).toContain(id);
  });

  test('brief --json lists themes with labels and article ids', () => {
    const b = JSON.parse(dossier(['brief', '--since', 'all', ...lib, '--json']).out);
    expect(b.themes.length).toBeGreaterThan(0);
    expect(b.themes[0]).toMatchObject({ label: expect.any(String), articleIds: expect.any(Array) });
    expect(b.themes.flatMap((th: { articleIds: number[] }) => th.articleIds)).toHaveLength(3);
  });

  test('files over the size limit are refused with the limit named', () => {
    const r = dossier(['import', join(fixturesDir, 'articles/klimagipfel.md'), '--max-mb', '0.0001', '--library', join(t.dir, 'small'), '--json']);
    expect(JSON.parse(r.out).outcomes[0]).toMatchObject({ status: 'failed', error: { code: 'import/too-large', message: expect.stringContaining('limit') } });
  });

  // import: per-file time limit
  test('a time limit that is not a positive number of seconds is refused before importing', () => {
    const r = dossier(['import', join(fixturesDir, 'articles/klimagipfel.md'), '--time-limit', 'soon', '--library', join(t.dir, 'limit')]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--time-limit must be a positive number of seconds');
  });

  test('list honours DOSSIER_LIBRARY when --library is not given', () => {
    const r = dossier(['list', '--json'], { DOSSIER_LIBRARY: t.dir });
    expect(JSON.parse(r.out)).toHaveLength(3);
  });

  test('bad input gets a clear message and a non-zero exit code', () => {
    expect(dossier(['frobnicate', ...lib])).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command "frobnicate"') });
    expect(dossier(['note', 'abc', 'x', ...lib])).toMatchObject({ code: 2, err: expect.stringContaining('positive whole number') });
    expect(dossier(['show', '99999', ...lib])).toMatchObject({ code: 1, err: expect.stringContaining('no article with id 99999') });
    expect(dossier(['brief', '--since', 'yesterday-ish', ...lib])).toMatchObject({ code: 1, err: expect.stringContaining('not a period') });
    const missing = dossier(['import', join(t.dir, 'nope.txt'), ...lib, '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).outcomes[0]).toMatchObject({ status: 'failed', error: { code: 'import/unreadable' } });
  });
});

describe('backup, restore and export from the command line', () => {
  const t = tempDir();
  const lib = ['--library', join(t.dir, 'lib')];
  afterAll(() => t.cleanup());

  test('backup then restore brings a deleted note back and keeps the overwritten library as a copy', () => {
    expect(dossier(['import', join(fixturesDir, 'articles'), ...lib]).code).toBe(0);
    const id = JSON.parse(dossier(['list', ...lib, '--json']).out)[0].id;
    dossier(['note', String(id), 'Wichtig: Zahlen prüfen', ...lib]);
    const backup = join(t.dir, 'sicherung.sqlite');
    expect(dossier(['backup', backup, ...lib]).out).toContain('Backed up 3 articles and 1 notes');
    dossier(['note', String(id), '', ...lib]);
    const r = dossier(['restore', backup, ...lib]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kept at .*before-restore/);
    expect(dossier(['show', String(id), ...lib]).out).toContain('Wichtig: Zahlen prüfen');
  });

  test('export writes Markdown files of the noted articles, and refuses an unknown format', () => {
    const out = join(t.dir, 'export');
    const r = dossier(['export', '--out', out, ...lib, '--json']);
    expect(JSON.parse(r.out).files).toHaveLength(1);
    expect(dossier(['export', '--out', out, '--format', 'pdf', ...lib])).toMatchObject({ code: 2, err: expect.stringContaining('markdown, html or json') });
    expect(dossier(['restore', join(t.dir, 'missing.sqlite'), ...lib])).toMatchObject({ code: 1, err: expect.stringContaining('not a usable Dossier backup') });
  });
});
