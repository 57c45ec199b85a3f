// The search view's tools in real Chromium on a real Library: query help, "understood as", an inline message for
// a malformed query, facets that refine, saving a search, an import raising its alert badge, and batch search.
// Screenshots of the search view with facets and the help popover, light/English and dark/German.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir } from '../helpers.ts';
import { dropFiles, startHarness, type DropFile, type Harness, expectNoPageProblems } from './harness.ts';

const fixture = (name: string): DropFile => ({ name, bytes: readFileSync(join(fixturesDir, 'e2e', name)) });
const text = (name: string, body: string): DropFile => ({ name, bytes: new TextEncoder().encode(body) });

describe('a journalist searching with the search tools', () => {
  let h: Harness;
  let page: Page;
  const main = () => page.getByRole('main');
  const box = () => page.getByLabel('Search articles and notes');
  const saved = () => page.getByRole('region', { name: 'Search alerts' });

  beforeAll(async () => {
    h = await startHarness();
    await h.library.importFiles([fixture('haushaltsstreit.txt'), fixture('kursk-frontline.md')]);
    page = await h.openApp({ locale: 'en-US', colorScheme: 'light' });
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expectNoPageProblems(h);
  });

  test('typing a query shows results, how it was understood, and facets with counts', async () => {
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await box().fill('Haushalt OR Kursk');
    await main().getByText(/Searched for any of: Haushalt \| Kursk/).waitFor();
    await main().getByText('2 results').waitFor();
    const facets = main().getByRole('complementary', { name: 'Refine results' });
    await facets.getByRole('button', { name: 'Add filter German (1)' }).waitFor();
    await facets.getByRole('button', { name: 'Add filter English (1)' }).waitFor();
    await h.screenshot(page, 'search-tools-facets-light-en');
  });

  test('the query help opens from its button, documents the language, and Esc closes it', async () => {
    const button = main().getByRole('button', { name: 'Query help' });
    await button.click();
    const help = page.getByRole('dialog', { name: 'How to search' });
    await help.waitFor();
    await help.getByText('the exact phrase').waitFor();
    await help.getByText('has:note').waitFor();
    await h.screenshot(page, 'search-tools-facets-help-light-en');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('query-help');
  });

  test('clicking a facet adds its filter to the query and narrows the results', async () => {
    await main().getByRole('button', { name: 'Add filter German (1)' }).click();
    await expect.poll(() => box().inputValue()).toBe('(Haushalt OR Kursk) lang:de');
    await main().getByText('1 result', { exact: true }).waitFor();
    await main().getByRole('article').getByRole('link', { name: /Haushaltsstreit/ }).waitFor();
    expect(await main().getByRole('article').count()).toBe(1);
  });

  test('a malformed query shows the parser\'s message under the box, not an error', async () => {
    await box().fill('"Schuldenbremse');
    const message = main().getByRole('alert');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/This search cannot be read yet: A quotation mark is not closed\./);
    expect(await box().getAttribute('aria-invalid')).toBe('true');
  });

  test('in the German UI the parser\'s message under the box is German', async () => {
    const de = await h.openApp({ locale: 'de-DE' });
    await de.getByRole('link', { name: 'Suche', exact: true }).click();
    const deBox = de.getByLabel('Artikel und Notizen durchsuchen');
    const message = de.getByRole('main').getByRole('alert');
    await deBox.fill('"Schuldenbremse');
    await message.getByText('Diese Suche ist so noch nicht lesbar: Ein Anführungszeichen ist nicht geschlossen.', { exact: false }).waitFor();
    await deBox.fill('Haushalt nach:gestern');
    await message.getByText('nach: braucht ein Datum in der Form Jahr-Monat-Tag, etwa nach:2026-11-01.', { exact: false }).waitFor();
    await deBox.fill('(Haushalt ODER Kursk');
    await message.getByText('Eine Klammer "(" ist nicht geschlossen.', { exact: false }).waitFor();
    expect(await deBox.getAttribute('aria-invalid')).toBe('true');
    await de.close();
  });

  test('a saved search raises a badge when an import brings a match, and opening it shows the match as new', async () => {
    await box().fill('Streumunition');
    await main().getByText('Nothing found for “Streumunition”.').waitFor();
    await main().getByRole('button', { name: 'Save this search' }).click();
    await main().getByLabel('Name', { exact: true }).fill('Streumunition');
    await main().getByRole('button', { name: 'Save', exact: true }).click();
    await saved().getByRole('link', { name: 'Streumunition' }).waitFor();
    expect(await saved().getByText(/new match/).count()).toBe(0);

    await dropFiles(page, [
      text('streumunition.txt', 'Streumunition im Donbass\n\nDie Ukraine meldet den Einsatz von Streumunition nahe Awdijiwka.\n'),
      text('wetter.txt', 'Sturm an der Nordsee\n\nDer Deutsche Wetterdienst warnt vor Orkanböen an der Küste.\n'),
    ]);
    await page.getByRole('region', { name: 'Import report' }).getByText('2 imported', { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Close import report' }).click();
    const link = saved().getByRole('link', { name: /Streumunition/ });
    await link.getByText('1 new match').waitFor();
    expect(await link.locator('.badge [aria-hidden="true"]').innerText()).toBe('1');

    await link.click();
    await main().getByRole('heading', { level: 1, name: 'Streumunition' }).waitFor();
    const hit = main().getByRole('article').filter({ hasText: 'Streumunition im Donbass' });
    await hit.getByText('New', { exact: true }).waitFor();
    await main().getByText('1 new since you last looked').waitFor();
    // Opening it counts as looking: the badge goes, the flag stays while the list is on screen.
    await link.getByText('1 new match').waitFor({ state: 'detached' });
    await h.screenshot(page, 'search-tools-saved-light-en');
  });

  test('batch search counts hits for a pasted list, most hits first', async () => {
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await main().getByText('Batch search').click();
    await main().getByLabel('Names or terms, one per line').fill('Nordsee\nSchuldenbremse\nKursk\nNirgendwo\nKoalition');
    await main().getByRole('button', { name: 'Count hits' }).click();
    const rows = main().getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    const cells = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(cells.map((c) => c[1])).toEqual(['1', '1', '1', '1', '0']);
    expect(cells.at(-1)![0]).toBe('Nirgendwo');
    await main().getByRole('button', { name: 'Search for Kursk' }).click();
    await expect.poll(() => box().inputValue()).toBe('Kursk');
    await main().getByRole('article').getByRole('link', { name: /Kursk/ }).waitFor();
  });

  test('in German and dark: the search view with facets and the help popover', async () => {
    const de = await h.openApp({ locale: 'de-DE', colorScheme: 'dark' });
    await de.getByRole('link', { name: 'Suche', exact: true }).click();
    await de.getByLabel('Artikel und Notizen durchsuchen').fill('Haushalt OR Kursk OR Streumunition');
    await de.getByRole('complementary', { name: 'Ergebnisse eingrenzen' }).getByRole('button', { name: /Deutsch/ }).waitFor();
    await de.getByText('Gesucht nach eines von: Haushalt | Kursk | Streumunition').waitFor();
    await de.getByRole('button', { name: 'Suchhilfe' }).click();
    await de.getByRole('dialog', { name: 'So suchen Sie' }).getByText('genau diese Wortgruppe').waitFor();
    await h.screenshot(de, 'search-tools-facets-help-dark-de');
    await de.keyboard.press('Escape');
    await de.getByRole('dialog').waitFor({ state: 'detached' });
  });

  test('in German: a person noun finds the feminine form too, says so, and marks it', async () => {
    await h.library.importFiles([text('finanzministerin.txt',
      'Finanzministerin legt Haushaltsentwurf vor\n\nDie Finanzministerin will die Schuldenbremse einhalten und neue Kredite begrenzen.\n')]);
    const de = await h.openApp({ locale: 'de-DE', colorScheme: 'dark' });
    await de.getByRole('link', { name: 'Suche', exact: true }).click();
    await de.getByLabel('Artikel und Notizen durchsuchen').fill('Finanzminister');
    const main = de.getByRole('main');
    await main.getByText('Finanzminister (auch die weiblichen Formen auf -in, -innen)', { exact: false }).waitFor();
    await main.getByText('2 Treffer', { exact: false }).waitFor();
    const hit = main.getByRole('article').filter({ has: de.getByRole('link', { name: /Finanzministerin legt/ }) });
    expect(await hit.locator('mark').allTextContents()).toContain('Finanzministerin');
    await h.screenshot(de, 'search-feminine-dark-de');
  });
});
