// The CLI carries highlights: `dossier export` writes them (Markdown quote blocks, JSON), and
// `dossier import-export` reads a JSON export into another library with its notes, highlights and tags.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary } from '../../electron/library.ts';
import { fixturesDir, repoRoot, tempDir } from '../helpers.ts';

const cli = join(repoRoot, 'dist/cli.mjs');
const dossier = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, cwd: repoRoot });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('highlights on the command line', () => {
  const t = tempDir();
  const libA = join(t.dir, 'a'), libB = join(t.dir, 'b');
  let id = 0;
  let quote = '';
  beforeAll(async () => {
    if (!existsSync(cli)) execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: repoRoot });
    const lib = await openLibrary({ dir: libA });
    await lib.importPaths([join(fixturesDir, 'articles')]);
    id = lib.list()[0]!.id;
    const text = lib.get(id).article.text;
    quote = text.slice(0, text.indexOf(' ', 20));
    lib.addHighlight({ articleId: id, start: 0, end: quote.length, color: 'blue', comment: 'Gegenlesen lassen' });
    lib.setTags(id, ['bahn']);
    await lib.close();
  });
  afterAll(() => t.cleanup());

  test('export --article writes the highlight as a quote block with its comment', () => {
    const out = join(t.dir, 'md');
    const r = dossier(['export', '--out', out, '--article', String(id), '--library', libA, '--json']);
    expect(r.code).toBe(0);
    const md = readFileSync(JSON.parse(r.out).files[0], 'utf8');
    expect(md).toContain(`> ${quote}\n> — blue\n\nGegenlesen lassen`);
    expect(md).toContain('tags: ["bahn"]');
  });

  test('a JSON export read into another library brings the highlight and tag back, once', () => {
    const out = join(t.dir, 'json');
    expect(dossier(['export', '--out', out, '--format', 'json', '--library', libA]).code).toBe(0);
    const file = join(out, 'dossier-export.json');
    const r1 = dossier(['import-export', file, '--library', libB, '--json']);
    expect(r1.code).toBe(0);
    expect(JSON.parse(r1.out)).toMatchObject({ articlesAdded: 1, highlightsAdded: 1, tagsAdded: 1 });
    const r2 = dossier(['import-export', file, '--library', libB]);
    expect(r2.out).toContain('(0 new)');
    const s = dossier(['search', 'tag:bahn note:gegenlesen', '--library', libB, '--json']);
    expect(JSON.parse(s.out).hits).toHaveLength(1);
    expect(dossier(['import-export', join(fixturesDir, 'articles/flood-warning.txt'), '--library', libB]))
      .toMatchObject({ code: 1, err: expect.stringContaining('not a Dossier JSON export') });
  });
});
