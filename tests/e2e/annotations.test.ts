// Highlights, tags, the notes view and export in the built renderer (real Chromium, real Library): select a
// passage, highlight it, comment, reload; export to Markdown; the notes view lists it; a note typed just before
// the page crashes is restored. Screenshots of the reader with highlights and the notes view, light and dark.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir } from '../helpers.ts';
import { startHarness, type Harness, expectNoPageProblems } from './harness.ts';

const PASSAGE = 'Several thousand North Korean soldiers are now said to be fighting alongside Russian units';
const COMMENT = 'Source? Ask the ministry for numbers';

/** Selects `text` inside the reader's article body, as a mouse drag would, and releases the mouse there. */
async function selectInArticle(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    for (const p of document.querySelectorAll<HTMLElement>('.body p')) {
      const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(needle));
      if (!node) continue;
      const at = node.textContent!.indexOf(needle);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${needle}" is not in the article`);
  }, text);
}

describe('highlights, tags, notes view and export in the app', () => {
  let h: Harness;
  let page: Page;
  let id: number;

  beforeAll(async () => {
    h = await startHarness();
    await h.library.importPaths([join(fixturesDir, 'e2e', 'kursk-frontline.md')]);
    id = h.library.list()[0]!.id;
    page = await h.openApp({ locale: 'en-US', colorScheme: 'light' });
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expectNoPageProblems(h);
  });

  test('I select a passage, highlight it, add a comment, and after a reload it is still there', async () => {
    await page.goto(`${h.baseUrl}#/article/${id}`);
    await page.getByRole('heading', { level: 1, name: /Kursk/ }).waitFor();
    const yellow = page.getByRole('button', { name: 'Highlight in Yellow' });
    expect(await yellow.isDisabled()).toBe(true);
    await selectInArticle(page, PASSAGE);
    await yellow.click();
    const mark = page.getByRole('button', { name: /^Highlight: Several thousand North Korean/ });
    await mark.waitFor();
    expect(await mark.textContent()).toBe(PASSAGE);
    await page.getByLabel('Comment on the highlight').fill(COMMENT);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => h.library.get(id).highlights[0]?.comment).toBe(COMMENT);
    await page.getByLabel('Add a tag').fill('ukraine');
    await page.getByLabel('Add a tag').press('Enter');
    await page.getByRole('button', { name: 'Remove tag ukraine' }).waitFor();

    await page.reload();
    await mark.waitFor();
    expect(await mark.textContent()).toBe(PASSAGE);
    await mark.click();
    expect(await page.getByLabel('Comment on the highlight').inputValue()).toBe(COMMENT);
    expect(await page.getByRole('radio', { name: 'Yellow' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Green' }).check();
    await expect.poll(() => h.library.get(id).highlights[0]?.color).toBe('green');
    await page.getByRole('button', { name: 'Remove tag ukraine' }).waitFor();
    await h.screenshot(page, 'annotations-reader-light-en');
  });

  test('exporting the article to Markdown gives a file with the quote and my comment', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export this article as Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.md$/);
    const md = readFileSync((await file.path())!, 'utf8');
    expect(md).toContain(`> ${PASSAGE}`);
    expect(md).toContain(COMMENT);
    expect(md).toMatch(/tags: \["ukraine"\]/);
    await page.getByText(/^Saved .*\.md$/).waitFor();
  });

  test('the notes view lists the highlight and filters by tag and query', async () => {
    await page.getByLabel('Note on this article (Markdown)').fill('Check casualty figures #followup');
    await page.getByText(/^Saved /).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Notes' }).click();
    const list = page.getByRole('list', { name: 'Notes and highlights' });
    await list.getByText(PASSAGE).waitFor();
    await list.getByText(COMMENT).waitFor();
    await list.getByText('Check casualty figures').waitFor();
    await page.getByLabel('Tag').selectOption('ukraine');
    await list.getByRole('link', { name: /Kursk/ }).waitFor();
    await page.getByLabel('Search notes').fill('note:nonexistentword');
    await page.getByText('Nothing matches these filters.').waitFor();
    await page.getByLabel('Search notes').fill('note:ministry');
    await list.getByRole('link', { name: /Kursk/ }).waitFor();
    await h.screenshot(page, 'annotations-notes-light-en');
  });

  test('the reader and notes view in German and dark', async () => {
    const de = await h.openApp({ locale: 'de-DE', colorScheme: 'dark' });
    await de.goto(`${h.baseUrl}#/article/${id}`);
    await de.getByRole('button', { name: /^Hervorhebung: Several thousand/ }).click();
    await de.getByLabel('Kommentar zur Hervorhebung').waitFor();
    await h.screenshot(de, 'annotations-reader-dark-de');
    await de.getByRole('navigation').getByRole('link', { name: 'Notizen' }).click();
    await de.getByRole('list', { name: 'Notizen und Hervorhebungen' }).getByText(COMMENT).waitFor();
    await h.screenshot(de, 'annotations-notes-dark-de');
    await de.context().close();
  });

  test('a note typed just before the page crashes is there when I open the article again', async () => {
    const p = await h.openApp({ locale: 'en-US', colorScheme: 'light' });
    await p.goto(`${h.baseUrl}#/article/${id}`);
    const editor = p.getByLabel('Note on this article (Markdown)');
    await editor.waitFor();
    const typed = 'Written seconds before the crash: call the press office';
    await editor.fill(typed);
    // The renderer dies before the debounced save can run: no pagehide, no flush.
    const cdp = await p.context().newCDPSession(p);
    const crashed = p.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => {}); // never answers: the page is gone
    await crashed;
    expect(h.library.getNote(id)?.body, 'the crash came before the debounced save').not.toBe(typed);
    const again = await p.context().newPage();
    await again.goto(`${h.baseUrl}#/article/${id}`);
    await again.getByText('Restored text you had not saved yet; it is being saved now.').waitFor();
    expect(await again.getByLabel('Note on this article (Markdown)').inputValue()).toBe(typed);
    await expect.poll(() => h.library.getNote(id)?.body).toBe(typed);
    await p.context().close();
    h.problems.splice(0, h.problems.length, ...h.problems.filter((x) => !/crash/i.test(x)));
  });
});
