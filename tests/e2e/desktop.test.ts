// The desktop side of the window in real Chromium: settings saved by main (language, theme, text size,
// strict umlauts, folders), About with versions, links that leave only after a yes, j/k between articles,
// and the XSS corpus opened in the reader without anything running. Screenshots in en/de × light/dark.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir, tempDir } from '../helpers.ts';
import { dropFiles, startHarness, type Harness, expectNoPageProblems } from './harness.ts';

const xssDir = join(fixturesDir, 'xss');

describe('desktop behaviour in the window', () => {
  let h: Harness;
  let page: Page;
  const dialogs: string[] = [];
  const main = () => page.getByRole('main');

  beforeAll(async () => {
    h = await startHarness();
    page = await h.openApp({ locale: 'en-US', colorScheme: 'light' });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const files = readdirSync(xssDir).map((name) => ({ name, bytes: readFileSync(join(xssDir, name)) }));
    await dropFiles(page, files);
    await page.getByRole('region', { name: 'Import report' }).getByText(/^\d+ imported$/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Close import report' }).click();
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expectNoPageProblems(h);
  });

  test('articles full of script payloads open in the reader and nothing in them runs', async () => {
    const articles = await h.library.list({});
    expect(articles.length).toBeGreaterThanOrEqual(5);
    for (const a of articles) {
      await page.goto(`${h.baseUrl}#/article/${a.id}`);
      await main().getByRole('heading', { level: 1, name: a.title }).waitFor();
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        // Only the imported article itself: the reader's own side panel has forms of ours (tags, highlights).
        frames: document.querySelector('article.article')!.querySelectorAll('iframe, object, embed, form, svg script, img[src^="http"]').length,
      }));
      expect(state, a.title).toEqual({ pwned: null, frames: 0 });
    }
    expect(dialogs).toEqual([]);
    await h.screenshot(page, 'desktop-xss-reader-light-en');
  });

  test('a source link opens in the browser only after I say yes', async () => {
    const ferry = (await h.library.list({})).find((a) => /Ferry service/.test(a.title))!;
    await page.goto(`${h.baseUrl}#/article/${ferry.id}`);
    const link = main().getByRole('button', { name: 'Open https://news.example/ferry-service-resumes in your browser' });
    await link.click();
    const ask = page.getByRole('alertdialog', { name: 'Open this link in your browser?' });
    await ask.waitFor();
    await h.screenshot(page, 'desktop-link-light-en');
    // Cancel has the focus: Enter or Escape by reflex never opens the link.
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'hidden' });
    expect(h.openedLinks).toEqual([]);
    await link.click();
    await ask.getByRole('button', { name: 'Open in browser' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(h.openedLinks).toEqual(['https://news.example/ferry-service-resumes']);
  });

  test('j and k step through the library’s articles in the reader, and not while I type a note', async () => {
    const ids = (await h.library.list({})).map((a) => a.id);
    await page.goto(`${h.baseUrl}#/article/${ids[0]}`);
    await main().getByRole('heading', { level: 1 }).waitFor();
    await main().getByRole('heading', { level: 1 }).focus();
    await page.keyboard.press('j');
    await page.waitForURL(`**#/article/${ids[1]}`);
    // As a reader would: the next article is on screen before the next key.
    const second = (await h.library.list({})).find((a) => a.id === ids[1])!;
    await main().getByRole('heading', { level: 1, name: second.title }).waitFor();
    await page.keyboard.press('k');
    await page.waitForURL(`**#/article/${ids[0]}`);
    const first = (await h.library.list({})).find((a) => a.id === ids[0])!;
    await main().getByRole('heading', { level: 1, name: first.title }).waitFor();
    await page.keyboard.press('Control+n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('note-body');
    await page.keyboard.type('jk');
    expect(page.url()).toMatch(new RegExp(`#/article/${ids[0]}$`));
    await page.getByLabel('Note on this article (Markdown)').fill('');
  });

  test('settings open with Ctrl+, and every control is labelled; choices are saved by main', async () => {
    await page.keyboard.press('Escape');
    await main().getByRole('heading', { level: 1 }).focus();
    await page.keyboard.press('Control+,');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    await dialog.getByLabel('Reader text size').waitFor();
    await dialog.getByLabel('Strict umlaut matching (ä is not a or ae)').check();
    await expect.poll(() => h.settings.get().strictUmlauts).toBe(true);
    await dialog.getByLabel('Reader text size').fill('22');
    await dialog.getByLabel('Reader text size').dispatchEvent('change');
    await expect.poll(() => h.settings.get().readerFontSize).toBe(22);
    await dialog.getByRole('group', { name: 'Watched folder', exact: true }).waitFor();
    const watched = tempDir('dossier-watched-');
    h.folderAnswers.push(watched.dir);
    await dialog.getByRole('button', { name: 'Choose…' }).click();
    await dialog.getByText(watched.dir).waitFor();
    expect(h.settings.get().watchedFolder).toBe(watched.dir);
    watched.cleanup();
    await h.screenshot(page, 'desktop-settings-light-en');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const size = await main().locator('.body').evaluate((el) => getComputedStyle(el).fontSize);
    expect(size).toBe('22px');
  });

  test('switching to German and dark is kept after a reload, because main saved it', async () => {
    await page.getByRole('button', { name: 'Settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Language').selectOption('de');
    const de = page.getByRole('dialog', { name: 'Einstellungen' });
    await de.getByRole('combobox', { name: /^Darstellung/ }).selectOption('dark');
    await expect.poll(() => h.settings.get()).toMatchObject({ language: 'de', theme: 'dark' });
    await h.screenshot(page, 'desktop-settings-dark-de');
    await de.getByRole('button', { name: 'Schließen' }).click();
    // A fresh profile (no localStorage) still comes up German and dark: the choice lives in main's file.
    const fresh = await h.openApp({ locale: 'en-US', colorScheme: 'light' });
    await fresh.getByRole('button', { name: 'Einstellungen…' }).waitFor();
    expect(await fresh.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme])).toEqual(['de', 'dark']);
    await fresh.close();
  });

  test('About shows the versions and that no request left the computer (German, dark)', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window as unknown as { __dossierDispatch(e: string, p: unknown): void })
      .__dossierDispatch('app.command', { command: 'about' }));
    const about = page.getByRole('dialog', { name: 'Über Dossier' });
    await about.waitFor();
    await about.getByText('SQLite').waitFor();
    await about.getByText(/^3\.\d+\.\d+$/).waitFor();
    await about.getByText('Keine Anfrage hat versucht, diesen Computer zu verlassen.').waitFor();
    await h.screenshot(page, 'desktop-about-dark-de');
    await page.keyboard.press('Escape');
    await about.waitFor({ state: 'hidden' });
  });

  test('an import finished in main (menu, open-with, watched folder) shows its report in the window', async () => {
    const report = await h.library.importFiles([{ name: 'extern.txt', bytes: new TextEncoder().encode('Extern importiert\n\nDieser Artikel kam über den überwachten Ordner in die Bibliothek und nicht über das Fenster.\n') }]);
    await page.evaluate((r) => (window as unknown as { __dossierDispatch(e: string, p: unknown): void })
      .__dossierDispatch('import.finished', r), report);
    await page.getByRole('region', { name: 'Importbericht' }).getByText('1 importiert', { exact: true }).waitFor();
    await h.screenshot(page, 'desktop-import-finished-dark-de');
  });

  test('German dates in the library read "25. Nov. 2026", never ISO', async () => {
    const closeReport = page.getByRole('button', { name: 'Importbericht schließen' });
    if (await closeReport.isVisible()) await closeReport.click();
    await page.getByRole('navigation').getByRole('link', { name: /Bibliothek/ }).click();
    const list = main().getByRole('list', { name: 'Bibliothek' });
    await list.getByRole('link', { name: 'Extern importiert' }).waitFor();
    const text = await list.innerText();
    // German short dates: day with a period, month abbreviation ("Nov.", "Mai", "Sept."), year.
    expect(text).toMatch(/importiert \d{1,2}\. \p{L}{3,5}\.? \d{4}/u);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test('a language change in one window reaches the other open window without a reload', async () => {
    const other = await h.openApp({ locale: 'de-DE', colorScheme: 'dark' });
    await other.getByRole('button', { name: 'Einstellungen…' }).waitFor();
    await page.getByRole('button', { name: 'Einstellungen…' }).click();
    await page.getByRole('dialog', { name: 'Einstellungen' }).getByLabel('Sprache').selectOption('en');
    await expect.poll(() => h.settings.get()).toMatchObject({ language: 'en' });
    // Main pushed 'settings.changed'; the other window relabels itself.
    await other.getByRole('button', { name: 'Settings…' }).waitFor();
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('en');
    await other.close();
  });
});
