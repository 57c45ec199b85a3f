// Wrong, huge or unknown inputs at the app's two doors — IPC handlers and the CLI — get a specific error a
// person can read, never an exception, an 'internal' error or a stack trace.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { openLibrary, type Library } from '../../electron/library.ts';
import { createHandlers, type Handlers } from '../../electron/handlers.ts';
import { channels, type Channel } from '../../electron/api.ts';
import { repoRoot, tempDir } from '../helpers.ts';

const huge = 'ä'.repeat(3_000_000);
const BAD_INPUTS: unknown[] = [
  42, 'text', true, [], [1, 2], { id: '1' }, { id: -1 }, { id: 0 }, { id: 1.5 }, { id: Number.NaN }, { id: 2 ** 60 },
  { articleId: 'x' }, { articleId: 1, body: 7 }, { articleId: 1, body: huge }, { q: 5 }, { q: huge }, { q: 'x', limit: 'all' },
  { q: 'x', limit: 1e9 }, { limit: -3 }, { offset: -1 }, { since: 12 }, { since: huge }, { files: 'x' }, { files: [] },
  { files: [{ name: '', bytes: new Uint8Array(1) }] }, { files: [{ name: 'a.txt', bytes: 'not bytes' }] },
  { files: Array.from({ length: 501 }, (_, i) => ({ name: `${i}.txt`, bytes: new Uint8Array(1) })) },
  { __proto__: { id: 1 } }, JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
];

function expectHandled(r: unknown, where: string): void {
  expect(r, where).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
  const res = r as { ok: boolean; error?: { code: string; message: string } };
  if (!res.ok) {
    expect(res.error!.code, where).toMatch(/^[a-z-]+\/[a-z-]+$/);
    expect(res.error!.message.length, where).toBeGreaterThan(10);
    expect(res.error!.message.length, where).toBeLessThan(3000);
    expect(res.error!.message, where).not.toMatch(/\n\s+at /);
  }
}

describe('IPC calls with wrong input', () => {
  const t = tempDir();
  let lib: Library;
  let h: Handlers;
  let id: number;
  beforeAll(async () => {
    lib = await openLibrary({ dir: t.dir });
    h = createHandlers(lib);
    const r = await lib.importFiles([{ name: 'a.txt', bytes: new TextEncoder().encode('Haushalt in Wien\n\nDie Regierung in Wien ringt um den Haushalt für das kommende Jahr, die Opposition kritisiert Kürzungen.') }]);
    id = r.outcomes[0]!.articleId!;
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('every channel answers every malformed input with an error result, never by throwing', async () => {
    for (const channel of channels) {
      for (const [k, input] of BAD_INPUTS.entries()) {
        const r = await h[channel as Channel](input);
        expectHandled(r, `${channel} #${k}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(lib.info().articleCount).toBe(1);
  }, 60_000);

  test('wrong types and oversized strings are refused as input/invalid, naming the field', async () => {
    expect(await h['articles.get']({ id: '1' })).toMatchObject({ ok: false, error: { code: 'input/invalid', message: expect.stringContaining('id') } });
    expect(await h['articles.search']({ q: huge })).toMatchObject({ ok: false, error: { code: 'input/invalid', message: expect.stringContaining('q') } });
    expect(await h['notes.save']({ articleId: id, body: huge })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await h['articles.import']({ files: [{ name: 'a.txt', bytes: 'x' }] })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
  });

  test('unknown article ids are not-found errors and change nothing', async () => {
    expect(await h['articles.get']({ id: 999_999 })).toMatchObject({ ok: false, error: { code: 'articles/not-found', message: expect.stringContaining('999999') } });
    expect(await h['notes.save']({ articleId: 999_999, body: 'x' })).toMatchObject({ ok: false, error: { code: 'articles/not-found' } });
    expect(await h['notes.get']({ articleId: 999_999 })).toMatchObject({ ok: false, error: { code: 'articles/not-found' } });
    expect(lib.info().noteCount).toBe(0);
  });

  test('theme and briefing notes and theme exports refuse bad keys and unknown themes with clear errors', async () => {
    expect(await h['targetNotes.save']({ kind: 'article', key: '1', body: 'x' })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await h['targetNotes.save']({ kind: 'briefing', key: 'today', body: 'x' })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await h['targetNotes.save']({ kind: 'theme', key: 'x'.repeat(101), body: 'x' })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await h['targetNotes.save']({ kind: 'theme', key: 'no-such-theme', body: 'x' })).toMatchObject({ ok: false, error: { code: 'themes/not-found' } });
    expect(await h['targetNotes.get']({ kind: 'theme', key: 'no-such-theme' })).toEqual({ ok: true, value: null });
    expect(await h['export.theme']({ themeId: 'no-such-theme', format: 'markdown' })).toMatchObject({ ok: false, error: { code: 'themes/not-found' } });
    expect(await h['export.theme']({ themeId: 't1', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await h['export.themePdf']({ themeId: 't1' })).toMatchObject({ ok: false, error: { code: 'export/pdf-unavailable' } });
    expect(await h['targetNotes.list']({ themeId: 42 })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(lib.listTargetNotes()).toEqual([]);
  });

  test('a period Dossier does not understand is a clear error, not an internal one', async () => {
    for (const since of ['yesterday-ish', '2026-13-45', '-7d', '', '99999999d']) {
      const r = await h['briefing.build']({ since });
      expectHandled(r, since);
    }
  });

  test('any search string (random, unbalanced quotes and brackets, operators) gets an answer', async () => {
    const alphabet = fc.constantFrom(...'ab äöüß"()-*:+ ORANDNOT\\\u0000\u{1F600}title:note:'.split(''));
    await fc.assert(fc.asyncProperty(fc.string({ unit: alphabet, maxLength: 60 }), async (q) => {
      const r = await h['articles.search']({ q });
      expectHandled(r, JSON.stringify(q));
    }), { numRuns: 300, seed: 8 });
  });
});

describe('the CLI with bad arguments', () => {
  const t = tempDir();
  const cli = join(repoRoot, 'dist/cli.mjs');
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  beforeAll(() => {
    if (!existsSync(cli)) execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: repoRoot });
    writeFileSync(join(t.dir, 'a-file'), 'x');
  });
  afterAll(() => t.cleanup());

  test.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['show', 'abc'], /article id must be a positive whole number/],
    [['show', '999999'], /no article with id 999999/],
    [['note', '999999', 'text'], /no article with id 999999/],
    [['list', '--limit', '0'], /--limit must be a positive whole number/],
    [['brief', '--since', 'gestern irgendwann'], /.{10}/],
    [['import'], /import needs at least one file or folder/],
    [['import', '/no/such/folder'], /not found|does not exist|could not/i],
    [['export'], /export needs --out/],
    [['search', 'x', '--bogus'], /Unknown option/i],
    [['restore', '/no/such/backup.sqlite'], /.{10}/],
    [['list', '--max-mb', 'zero'], /--max-mb must be a positive number/],
  ])('dossier %j fails with a clear message and no stack trace', (args, message) => {
    const r = run([...args, '--library', join(t.dir, 'lib')]);
    expect(r.code, r.err).not.toBe(0);
    expect(r.err + r.out).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at |internal error/);
  });

  test('a library path that is a file is refused with library/not-writable', () => {
    const r = run(['list', '--library', join(t.dir, 'a-file')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[library/not-writable]');
  });
});
