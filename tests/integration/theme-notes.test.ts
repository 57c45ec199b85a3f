// Notes on a theme and on a briefing, on a real library: saved and listed (also once the theme is gone), found by
// `note:` search and the notes view, exported with a theme and with the briefing, and read back without loss or duplicates.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../electron/library.ts';
import { createHandlers } from '../../electron/handlers.ts';
import { briefingDay } from '../../electron/library-notes.ts';
import { fixturesDir, repoRoot, tempDir } from '../helpers.ts';

const cli = join(repoRoot, 'dist/cli.mjs');
const files = ['articles', 'e2e'].flatMap((d) => readdirSync(join(fixturesDir, d)).map((f) => join(fixturesDir, d, f)));

describe('notes on themes and briefings', () => {
  const t = tempDir();
  let lib: Library;
  let themeId: string;
  let articleId: number;
  beforeAll(async () => {
    lib = await openLibrary({ dir: t.dir });
    await lib.importPaths(files);
    const theme = lib.briefing({ since: 'all' }).themes[0]!;
    themeId = theme.id;
    articleId = theme.articles[0]!.id;
  });
  afterAll(async () => {
    await lib.close();
    t.cleanup();
  });

  test('a theme note is saved, read back after reopening, and listed with its theme label', async () => {
    const label = lib.themes().find((x) => x.id === themeId)!.label;
    const saved = lib.saveTargetNote('theme', themeId, 'Story lead: ask the #ministry about Zeitplan-Änderungen');
    expect(saved).toMatchObject({ kind: 'theme', key: themeId, label });
    await lib.close();
    lib = await openLibrary({ dir: t.dir });
    expect(lib.getTargetNote('theme', themeId)?.body).toContain('Zeitplan-Änderungen');
    expect(lib.listTargetNotes({ themeId })).toEqual([expect.objectContaining({ key: themeId, currentLabel: label, tags: ['ministry'] })]);
  });

  test('the notes view finds a theme note by its words and by theme, and note: search finds its articles', () => {
    expect(lib.listTargetNotes({ q: 'zeitplan-anderungen' })).toHaveLength(1);
    expect(lib.listTargetNotes({ q: 'note:ministry' })).toHaveLength(1);
    expect(lib.listTargetNotes({ q: 'nirgendwo' })).toHaveLength(0);
    const hits = lib.search('note:ministry').hits.map((h) => h.id);
    expect(hits).toContain(articleId);
    const themeArticles = lib.briefing({ since: 'all' }).themes.find((x) => x.id === themeId)!.articles.map((a) => a.id);
    expect(new Set(hits)).toEqual(new Set(themeArticles));
    lib.addHighlight({ articleId, start: 0, end: 20, color: 'green', comment: 'first line' });
    expect(lib.annotations({ themeId }).map((a) => a.articleId)).toEqual([articleId]);
    const other = lib.themes().find((x) => x.id !== themeId)!;
    expect(lib.annotations({ themeId: other.id })).toEqual([]);
  });

  test('a note on a theme that does not exist is refused; an emptied note is deleted', async () => {
    expect(() => lib.saveTargetNote('theme', 'no-such-theme', 'x')).toThrowError(expect.objectContaining({ code: 'themes/not-found' }));
    const h = createHandlers(lib);
    expect(await h['targetNotes.save']({ kind: 'briefing', key: 'yesterday', body: 'x' })).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    expect(await h['targetNotes.save']({ kind: 'briefing', key: '2026-11-25', body: 'draft' })).toMatchObject({ ok: true });
    expect(await h['targetNotes.save']({ kind: 'briefing', key: '2026-11-25', body: '  ' })).toEqual({ ok: true, value: null });
    expect(lib.getTargetNote('briefing', '2026-11-25')).toBeNull();
  });

  test('the briefing export holds the running note of its day and the note on each theme', async () => {
    const b = lib.briefing({ since: 'all' });
    lib.saveTargetNote('briefing', briefingDay(b), 'Morning call: **check the figures**');
    const md = await lib.exportBriefing({ since: 'all', format: 'markdown' });
    expect(md).toContain('## My notes on this briefing');
    expect(md).toContain('Morning call: **check the figures**');
    expect(md).toContain('Story lead: ask the #ministry');
    const html = await lib.exportBriefing({ since: 'all', format: 'html' });
    expect(html).toContain('<strong>check the figures</strong>');
    expect(html).toContain('Story lead: ask the #ministry');
  });

  test('a theme exports to Markdown with its label, note, stories, and its articles with highlights and notes', () => {
    lib.saveNote(articleId, 'Call the press office');
    const f = lib.renderThemeExport(themeId, 'markdown');
    const label = lib.themes().find((x) => x.id === themeId)!.label;
    expect(f.fileName).toMatch(/^theme-.+\.md$/);
    expect(f.content).toContain(`title: ${JSON.stringify(label)}`);
    expect(f.content).toContain(`dossier_theme: "${themeId}"`);
    expect(f.content).toContain('## My notes on this theme');
    expect(f.content).toContain('Zeitplan-Änderungen');
    expect(f.content).toContain('## Stories');
    expect(f.content).toContain('first line');
    expect(f.content).toContain('Call the press office');
    expect(f.content).toMatch(/\[\[\d{5}-[a-z0-9-]+\|/); // Obsidian wikilink to the article's own file
    expect(lib.renderThemeExport(themeId, 'html').content).toContain('My notes on this theme');
  });

  test('a JSON export of all notes imports into another library without loss, and a second import adds nothing', async () => {
    const json = lib.renderExport({ format: 'json' }).content;
    const file = join(t.dir, 'notes.json');
    writeFileSync(file, json);
    const other = tempDir();
    const lib2 = await openLibrary({ dir: other.dir });
    try {
      const r1 = lib2.importExportFile(file);
      expect(r1.targetNotesAdded).toBe(2);
      const r2 = lib2.importExportFile(file);
      expect(r2).toMatchObject({ articlesAdded: 0, notesAdded: 0, notesMerged: 0, highlightsAdded: 0, targetNotesAdded: 0, targetNotesMerged: 0 });
      const mine = lib.listTargetNotes().map((n) => ({ kind: n.kind, key: n.key, label: n.label, body: n.body }));
      const theirs = lib2.listTargetNotes().map((n) => ({ kind: n.kind, key: n.key, label: n.label, body: n.body }));
      expect(theirs).toEqual(mine);
    } finally {
      await lib2.close();
      other.cleanup();
    }
  });

  test('a theme note whose theme is gone is still listed under its saved label and exported', () => {
    const doc = { format: 'dossier-export/1', exportedAt: new Date().toISOString(), items: [],
      notes: [{ kind: 'theme', key: 'tgone1', label: 'Wahl in Wien', body: 'Old lead on the Vienna vote', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z' }] };
    const file = join(t.dir, 'gone.json');
    writeFileSync(file, JSON.stringify(doc));
    expect(lib.importExportFile(file).targetNotesAdded).toBe(1);
    expect(lib.listTargetNotes({ themeId: 'tgone1' })).toEqual([expect.objectContaining({ label: 'Wahl in Wien', currentLabel: null })]);
    const md = lib.renderThemeExport('tgone1', 'markdown').content;
    expect(md).toContain('# Wahl in Wien');
    expect(md).toContain('Old lead on the Vienna vote');
    expect(lib.renderExport({ format: 'markdown' }).content).toContain('Theme: Wahl in Wien (no longer in the library)');
    // It can still be edited (the note is kept even though the theme is gone).
    expect(lib.saveTargetNote('theme', 'tgone1', 'Old lead, updated')?.label).toBe('Wahl in Wien');
  });

  test('dossier export --theme writes the theme file beside one file per article its links point to', async () => {
    if (!existsSync(cli)) execFileSync(process.execPath, ['build/bundle.mjs'], { cwd: repoRoot });
    await lib.close();
    const out = join(t.dir, 'out');
    const r = spawnSync(process.execPath, [cli, 'export', '--theme', themeId, '--out', out, '--library', t.dir, '--json'], { encoding: 'utf8' });
    lib = await openLibrary({ dir: t.dir });
    expect(r.status, r.stderr).toBe(0);
    const written = (JSON.parse(r.stdout) as { files: string[] }).files;
    const main = readFileSync(written[0]!, 'utf8');
    expect(main).toContain('Zeitplan-Änderungen');
    for (const m of main.matchAll(/\[\[([^|\]]+)\|/g)) expect(existsSync(join(out, `${m[1]}.md`))).toBe(true);
    const json = spawnSync(process.execPath, [cli, 'export', '--theme', themeId, '--format', 'json', '--out', out, '--library', t.dir], { encoding: 'utf8' });
    expect(json.status, json.stderr).toBe(0);
    const bad = spawnSync(process.execPath, [cli, 'export', '--theme', 'nope', '--out', out, '--library', t.dir], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('themes/not-found');
  }, 60_000);
});
