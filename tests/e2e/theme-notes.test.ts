// Notes on a theme and on the briefing in the built renderer (real Chromium, real Library): write a note on a theme,
// reload, it is there; export the theme to Markdown with the note and a highlight's quote and comment; the notes view
// lists the theme note and filters by theme; dropping an edited version of an article updates it and the import report
// says what happened to its highlights. Screenshots in light/en and dark/de.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { fixtureArticles } from '../unit/themes/fixture-articles.ts';
import { dropFiles, startHarness, type Harness, expectNoPageProblems } from './harness.ts';
import { PASSAGES, version } from '../fixtures/article-versions.ts';
import type { Theme } from '../../electron/api.ts';

const NOTE = 'Lead: ask the agency who paid for the first report #followup';
const COMMENT = 'Numbers differ from the ministry';

describe('notes on themes and the briefing in the app', () => {
  let h: Harness;
  let page: Page;
  let theme: Theme;
  let quote: string;

  async function showAll(p: Page): Promise<void> {
    await p.getByRole('main').getByRole('radio', { name: /^(All|Alle)$/ }).check();
    await p.getByRole('main').getByRole('region').first().waitFor();
  }
  const section = (p: Page) => p.getByRole('main').getByRole('region', { name: theme.label, exact: true });

  beforeAll(async () => {
    h = await startHarness();
    const report = await h.library.importFiles(fixtureArticles().map((a) => ({ name: `${a.topic}-${a.id}.md`, bytes: Buffer.from(`# ${a.title}\n\n${a.text}\n`) })));
    expect(report.failed).toBe(0);
    theme = h.library.briefing({ since: 'all' }).themes[0]!;
    const articleId = theme.articles[0]!.id;
    const text = h.library.get(articleId).article.text;
    const end = text.indexOf('.', 20) + 1;
    quote = text.slice(0, end);
    h.library.addHighlight({ articleId, start: 0, end, color: 'pink', comment: COMMENT });
    page = await h.openApp({ locale: 'en-US', colorScheme: 'light' });
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expectNoPageProblems(h);
  });

  test('I write a note on a theme in the briefing, reload, and it is still there', async () => {
    await showAll(page);
    await section(page).getByRole('button', { name: `Add a note on the theme “${theme.label}”` }).click();
    const editor = section(page).getByLabel(`Note on the theme “${theme.label}” (Markdown)`);
    await editor.fill(NOTE);
    await section(page).getByText(/^Saved /).waitFor();
    await expect.poll(() => h.library.getTargetNote('theme', theme.id)?.body).toBe(NOTE);

    await page.getByLabel(/^Running note on the briefing of /).fill('Morning call at 9: pitch the agency angle');
    await page.getByRole('main').getByText(/^Saved /).first().waitFor();

    await page.reload();
    await showAll(page);
    await expect.poll(() => section(page).getByLabel(`Note on the theme “${theme.label}” (Markdown)`).inputValue()).toBe(NOTE);
    expect(await page.getByLabel(/^Running note on the briefing of /).inputValue()).toBe('Morning call at 9: pitch the agency angle');
    await section(page).scrollIntoViewIfNeeded();
    await h.screenshot(page, 'theme-notes-briefing-light-en');
  });

  test('exporting the theme to Markdown gives a file with my theme note and a highlight quote with its comment', async () => {
    const download = page.waitForEvent('download');
    await section(page).getByLabel(`Export the theme “${theme.label}”`).selectOption('markdown');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^theme-.+\.md$/);
    const md = readFileSync((await file.path())!, 'utf8');
    expect(md).toContain('## My notes on this theme');
    expect(md).toContain(NOTE);
    expect(md).toContain(`> ${quote.trim()}`);
    expect(md).toContain(COMMENT);
    await section(page).getByText(/^Saved theme-.+\.md$/).waitFor();
  });

  test('the notes view lists the theme note and narrows to one theme', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Notes' }).click();
    const list = page.getByRole('list', { name: 'Theme and briefing notes' });
    await list.getByText(/^Lead: ask the agency/).waitFor();
    await list.getByText('Morning call at 9').waitFor();
    await page.getByRole('search').getByRole('combobox', { name: /^Theme/ }).selectOption(theme.id);
    await list.getByRole('heading', { name: `Theme: ${theme.label}` }).waitFor();
    await expect.poll(() => list.getByText('Morning call at 9').count()).toBe(0);
    await page.getByRole('list', { name: 'Notes and highlights' }).getByText(COMMENT).waitFor();
    await page.getByLabel('Search notes').fill('followup');
    await list.getByText(/^Lead: ask the agency/).waitFor();
    await h.screenshot(page, 'theme-notes-list-light-en');
  });

  test('the briefing with theme notes in German and dark', async () => {
    const de = await h.openApp({ locale: 'de-DE', colorScheme: 'dark' });
    await showAll(de);
    await expect.poll(() => section(de).getByLabel(`Notiz zum Thema „${theme.label}“ (Markdown)`).inputValue()).toBe(NOTE);
    await de.getByRole('main').getByRole('button', { name: /^Eine Notiz zum Thema/ }).first().waitFor();
    await section(de).getByRole('group', { name: 'Meine Notizen zu diesem Thema' }).scrollIntoViewIfNeeded();
    await h.screenshot(de, 'theme-notes-briefing-dark-de');
    await de.getByRole('navigation').getByRole('link', { name: 'Notizen' }).click();
    await de.getByRole('list', { name: 'Notizen zu Themen und Briefings' }).getByText(/^Lead: ask the agency/).waitFor();
    await h.screenshot(de, 'theme-notes-list-dark-de');
    await de.context().close();
  });

  test('dropping an edited version of an article updates it, and the report says which highlights re-attached', async () => {
    const first = await h.library.importFiles([{ name: 'haushalt.txt', bytes: Buffer.from(version(false)) }]);
    const articleId = first.outcomes[0]!.articleId!;
    const text = h.library.get(articleId).article.text;
    for (const p of PASSAGES) h.library.addHighlight({ articleId, start: text.indexOf(p), end: text.indexOf(p) + p.length, color: 'yellow' });
    await dropFiles(page, [{ name: 'haushalt.txt', bytes: Buffer.from(version(true)), type: 'text/plain' }]);
    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByText('1 updated to a newer version').waitFor();
    await report.getByText('text changed, 2 highlights re-attached, 1 detached').waitFor();
    expect(h.library.get(articleId).article.text).toContain('Nachtragsetat');
    await h.screenshot(page, 'import-report-updated-light-en');
  });
});
