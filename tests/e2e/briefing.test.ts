// The briefing view in Chromium on a real library: themes with key points, stories and entities; renaming a
// theme survives a reload; an entity chip filters the themes; a key point opens its passage, marked; export.
// Screenshots in light and dark. Uses the seed and real corpus articles when ../shared is there.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { hasCorpora, readCorpus, seedFile } from '../helpers.ts';
import { fixtureArticles } from '../unit/themes/fixture-articles.ts';
import { startHarness, type Harness, expectNoPageProblems } from './harness.ts';

function files(): Array<{ name: string; bytes: Uint8Array }> {
  const out = fixtureArticles().map((a) => ({ name: `${a.topic}-${a.id}.md`, bytes: Buffer.from(`# ${a.title}\n\n${a.text}\n`) }));
  if (existsSync(seedFile)) out.push({ name: 'seed.txt', bytes: readFileSync(seedFile) });
  if (hasCorpora) {
    const bbc = readCorpus('bbc', 60).map((a) => ({ name: `bbc-${a.id}.txt`, bytes: Buffer.from(`${a.title}\n\n${a.text}`) }));
    const gnad = readCorpus('gnad', 60).map((a) => ({ name: `standard-${a.id}.txt`, bytes: Buffer.from(a.text.replace(/^(.{10,160}?[.?!])\s+/, '$1\n\n')) }));
    out.push(...bbc, ...gnad);
  }
  return out;
}

describe('the briefing view', () => {
  let h: Harness;
  let page: Page;
  const main = () => page.getByRole('main');
  const themes = () => main().getByRole('region');

  async function showAll(p: Page): Promise<void> {
    await p.getByRole('main').getByRole('radio', { name: /^(All|Alle)$/ }).check();
    await p.getByRole('main').getByRole('region').first().waitFor();
  }

  beforeAll(async () => {
    h = await startHarness();
    const report = await h.library.importFiles(files());
    expect(report.failed).toBe(0);
    page = await h.openApp({ locale: 'en-US', colorScheme: 'light' });
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expectNoPageProblems(h);
  });

  test('shows themes, each with a label, key points that link to their passage, stories and entity chips', async () => {
    await showAll(page);
    expect(await themes().count()).toBeGreaterThanOrEqual(3);
    const first = themes().first();
    expect((await first.getByRole('heading', { level: 2 }).textContent())?.trim()).toMatch(/\S/);
    expect(await first.getByRole('link').count()).toBeGreaterThan(1);
    await first.getByRole('heading', { name: 'Stories' }).waitFor();
    const points = first.locator('a[href*="start="]');
    expect(await points.count()).toBeGreaterThan(0);
    expect(await first.getByRole('list', { name: 'People, organisations and places' }).getByRole('button').count()).toBeGreaterThan(0);
    await h.screenshot(page, 'briefing-themes-light-en');
  });

  test('a theme renamed inline keeps its new name after reloading the page', async () => {
    const theme = themes().nth(1);
    const old = (await theme.getByRole('heading', { level: 2 }).textContent())!.trim();
    await theme.getByRole('button', { name: 'Rename' }).click();
    const input = page.getByLabel('New name for the theme');
    expect(await input.inputValue()).toBe(old);
    await input.fill('Meine Recherche: Bahnstreik');
    await input.press('Enter');
    await main().getByRole('heading', { level: 2, name: 'Meine Recherche: Bahnstreik' }).waitFor();
    await page.reload();
    await showAll(page);
    await main().getByRole('heading', { level: 2, name: 'Meine Recherche: Bahnstreik' }).waitFor();
    expect(await main().getByRole('heading', { level: 2, name: old, exact: true }).count()).toBe(0);
  });

  test('clicking an entity chip shows only the themes that name it, and the filter can be cleared', async () => {
    const all = await themes().count();
    const chip = themes().first().getByRole('list', { name: 'People, organisations and places' }).getByRole('button').first();
    const name = (await chip.textContent())!.trim();
    await chip.click();
    await page.getByText(`Only themes naming ${name}`).waitFor();
    const shown = await themes().count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    // Each shown theme names the entity (perhaps spelled its own way: Österreich / Austria), its chip pressed.
    for (let i = 0; i < shown; i++) {
      expect(await themes().nth(i).getByRole('list', { name: 'People, organisations and places' })
        .getByRole('button', { pressed: true }).count()).toBe(1);
    }
    await h.screenshot(page, 'briefing-entity-filter-light-en');
    await page.getByRole('button', { name: 'Show all themes' }).click();
    await expect.poll(() => themes().count()).toBe(all);
  });

  test('a key point opens its article scrolled to the sentence, which is marked', async () => {
    const point = themes().first().locator('a[href*="start="]').first();
    const sentence = (await point.textContent())!.trim();
    await point.click();
    await main().getByRole('heading', { level: 1 }).waitFor();
    const mark = main().locator('mark#passage');
    await mark.waitFor();
    expect((await mark.textContent())!.replace(/\s+/g, ' ').trim()).toBe(sentence.replace(/\s+/g, ' '));
    expect(await mark.isVisible()).toBe(true);
    await h.screenshot(page, 'briefing-passage-light-en');
    await page.goBack();
  });

  test('exports the briefing as a Markdown file saved from the page', async () => {
    await showAll(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export this briefing as Markdown' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^briefing-\d{4}-\d{2}-\d{2}\.md$/);
    const text = readFileSync((await d.path())!, 'utf8');
    expect(text).toMatch(/^# Briefing/);
    expect(text).toContain('## Meine Recherche: Bahnstreik');
  });

  test('hiding a theme lists it below the briefing, and “Show again” brings it back', async () => {
    await showAll(page);
    const before = await themes().count();
    const last = themes().nth(before - 1);
    const label = (await last.getByRole('heading', { level: 2 }).textContent())!.trim();
    await last.getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => themes().count()).toBe(before - 1);
    await page.getByText('1 hidden theme').click();
    await page.getByRole('button', { name: `Show the theme “${label}” again` }).click();
    await expect.poll(() => themes().count()).toBe(before);
  });

  test('an article moved to another theme with the keyboard is listed there', async () => {
    const from = themes().first();
    await from.getByText(/^All \d+ articles$/).click();
    const move = from.getByRole('combobox', { name: /^Move “.*” to another theme$/ }).first();
    const title = (await move.getAttribute('aria-label'))!.replace(/^Move “(.*)” to another theme$/, '$1');
    const targetId = await move.locator('option').nth(1).getAttribute('value');
    await move.focus();
    await move.selectOption(targetId!);
    const target = main().locator(`section[aria-labelledby="theme-${targetId}"]`);
    await target.getByText(/^All \d+ articles$/).click();
    await target.getByRole('link', { name: title, exact: true }).first().waitFor();
  });

  test('in German and dark, the briefing reads as a page too', async () => {
    const de = await h.openApp({ locale: 'de-DE', colorScheme: 'dark' });
    await showAll(de);
    await de.getByRole('main').getByRole('heading', { name: 'Meldungen' }).first().waitFor();
    await h.screenshot(de, 'briefing-themes-dark-de');
    await de.context().close();
  });
});
