// `dossier saved …` and `dossier batch-search` as a user runs them: the built bundle on a temp library.
import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, repoRoot, tempDir } from '../helpers.ts';

const cli = join(repoRoot, 'dist/cli.mjs');

function dossier(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' }, cwd: repoRoot });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('saved searches and batch search on the command line', () => {
  const t = tempDir();
  const lib = ['--library', join(t.dir, 'lib')];
  beforeAll(() => {
    if (!existsSync(cli)) execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: repoRoot });
    expect(dossier(['import', join(fixturesDir, 'articles/flood-warning.txt'), ...lib]).code).toBe(0);
  });
  afterAll(() => t.cleanup());

  test('saved add, then an import of a matching file shows 1 new in saved list', () => {
    const added = JSON.parse(dossier(['saved', 'add', 'Bahn', 'Lokführer OR Bahnstreik', ...lib, '--json']).out);
    expect(added).toMatchObject({ id: expect.any(Number), name: 'Bahn', unseen: 0 });
    expect(dossier(['import', join(fixturesDir, 'articles/bahn-streik.txt'), join(fixturesDir, 'articles/klimagipfel.md'), ...lib]).code).toBe(0);
    const list = JSON.parse(dossier(['saved', 'list', ...lib, '--json']).out);
    expect(list).toEqual([expect.objectContaining({ name: 'Bahn', unseen: 1 })]);
    expect(dossier(['saved', 'list', ...lib]).out).toMatch(/Bahn\s+1 new/);
  });

  test('saved show flags the new match, --mark-seen clears it', () => {
    const [s] = JSON.parse(dossier(['saved', 'list', ...lib, '--json']).out);
    const text = dossier(['saved', 'show', String(s.id), ...lib, '--mark-seen']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^NEW #\d+ .*Lokführer/m);
    const after = JSON.parse(dossier(['saved', 'show', String(s.id), ...lib, '--json']).out);
    expect(after.search.unseen).toBe(0);
    expect(after.hits[0].unseen).toBe(false);
  });

  test('saved add refuses a malformed query with the parser\'s message; saved rm deletes', () => {
    const bad = dossier(['saved', 'add', 'x', '"offene Klammer', ...lib]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/search\/bad-query/);
    const [s] = JSON.parse(dossier(['saved', 'list', ...lib, '--json']).out);
    expect(dossier(['saved', 'rm', String(s.id), ...lib]).code).toBe(0);
    expect(JSON.parse(dossier(['saved', 'list', ...lib, '--json']).out)).toEqual([]);
    expect(dossier(['saved', 'rm', String(s.id), ...lib]).err).toMatch(/no saved search with id/);
  });

  test('batch-search reads a CSV file and stdin, most hits first', () => {
    const csv = join(t.dir, 'terms.csv');
    writeFileSync(csv, 'term,comment\nKlimagipfel,COP\nniemandsland,none\nLokfuehrer,Bahn\n');
    const rows = JSON.parse(dossier(['batch-search', csv, ...lib, '--json']).out);
    const by = Object.fromEntries(rows.map((r: { term: string; count: number }) => [r.term, r.count]));
    // The header line ("term,comment") is a column title, not a term to count.
    expect(by).toEqual({ Klimagipfel: 1, Lokfuehrer: 1, niemandsland: 0 });
    expect(rows.at(-1).count).toBe(0);
    const piped = dossier(['batch-search', '-', ...lib], 'Flood\nKlimagipfel\n');
    expect(piped.code).toBe(0);
    expect(piped.out).toMatch(/^\s+1\s+Flood\s+#\d+/m);
  });

  test('search --strict tells umlauts apart, --limit caps the hits', () => {
    const r = JSON.parse(dossier(['search', 'Lokführer OR Flood OR Klimagipfel', '--limit', '2', ...lib, '--json']).out);
    expect(r.total).toBe(3);
    expect(r.hits).toHaveLength(2);
    expect(r.facets.language.map((f: { value: string }) => f.value).sort()).toEqual(['de', 'en']);
    // "Flöod" folds to "Flood" by default; --strict insists on the ö, which no article has.
    expect(JSON.parse(dossier(['search', 'Flöod', ...lib, '--json']).out).total).toBe(1);
    expect(JSON.parse(dossier(['search', 'Flöod', '--strict', ...lib, '--json']).out).total).toBe(0);
  });
});
