// The built renderer in Debian Chromium, wired to a real Library: drop, list, search, read, take a
// note, reload, brief; in English/light and German/dark, with screenshots of each view.
// Any page error, console error, CSP violation or off-machine request fails the test it happened in.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir, junkBytes, readCorpus, seedFile } from '../helpers.ts';
import { dropFiles, startHarness, type DropFile, type Harness, expectNoPageProblems } from './harness.ts';

const fixture = (name: string): DropFile => ({ name, bytes: readFileSync(join(fixturesDir, 'e2e', name)) });

interface Journey {
  /** Prefix of the screenshot files. */
  shots: string;
  /** The article the journey follows, and what else is dropped with it. */
  main: () => DropFile;
  others: () => DropFile[];
  /** Queries that must find the main article with a highlighted match. */
  queries: Array<{ q: string; marked: RegExp }>;
  /** Section headings the reader must show. */
  sections: string[];
  note: { body: string; word: string };
}

/** The stored title of the article imported from `fileName` (the importer decides titles, not the test). */
async function titleOf(h: Harness, fileName: string): Promise<string> {
  for (const a of await h.library.list({})) {
    const detail = await h.library.get(a.id);
    if (detail.article.fileName === fileName) return detail.article.title;
  }
  return '';
}

function defineJourney(name: string, skip: boolean, j: Journey): void {
  describe.skipIf(skip)(name, () => {
    let h: Harness;
    let page: Page;
    let title = '';

    const shot = (view: string) => h.screenshot(page, `${j.shots}-${view}`);
    const main = () => page.getByRole('main');
    const region = (name: string | RegExp) => page.getByRole('region', { name });

    beforeAll(async () => {
      h = await startHarness();
      page = await h.openApp({ locale: 'en-US', colorScheme: 'light' });
    });
    afterAll(async () => {
      await h?.close();
    });
    afterEach(() => {
      expectNoPageProblems(h);
    });

    test('the window opens on the briefing and invites me to import', async () => {
      await main().getByRole('heading', { level: 1, name: 'Briefing' }).waitFor();
      await page.getByRole('button', { name: 'Import files…' }).waitFor();
      await page.getByText('drop files and folders anywhere', { exact: false }).first().waitFor();
      await shot('empty-light-en');
    });

    test('dragging files over the window shows “Drop to import”, and dropping imports them', async () => {
      const files = [j.main(), ...j.others()];
      await dropFiles(page, files, async () => {
        await page.getByText('Drop to import').waitFor();
        await shot('drop-light-en');
      });
      const report = region('Import report');
      await report.getByText(`${files.length} imported`, { exact: true }).waitFor({ timeout: 60_000 });
      expect(await page.getByText('Drop to import').count()).toBe(0);
      title = await titleOf(h, files[0]!.name);
      expect(title).not.toBe('');
      await report.getByRole('link', { name: title }).waitFor();
      await shot('import-report-light-en');
    });

    test('the imported article is listed in the library', async () => {
      await page.getByRole('button', { name: 'Close import report' }).click();
      await page.getByRole('navigation').getByRole('link', { name: /Library/ }).click();
      await main().getByRole('heading', { level: 1, name: 'Library' }).waitFor();
      await main().getByRole('list', { name: 'Library' }).getByRole('link', { name: title }).waitFor();
      await shot('library-light-en');
    });

    test('searching shows the article with the match highlighted', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Search' }).click();
      const box = page.getByLabel('Search articles and notes');
      for (const { q, marked } of j.queries) {
        await box.fill(q);
        // Results update as I type: wait for a hit on this article whose passage marks the query.
        const hit = main().getByRole('article').filter({ has: page.getByRole('link', { name: title }) });
        await hit.locator('mark', { hasText: marked }).first().waitFor();
      }
      await shot('search-light-en');
    });

    test('opening a hit shows the article with its sections and a note editor', async () => {
      await main().getByRole('article').getByRole('link', { name: title }).first().click();
      await main().getByRole('heading', { level: 1, name: title }).waitFor();
      for (const s of j.sections) await main().getByRole('heading', { level: 2, name: s }).waitFor();
      await page.getByLabel('Note on this article (Markdown)').waitFor();
    });

    test('a note written in the reader is still there after reloading the page', async () => {
      const editor = page.getByLabel('Note on this article (Markdown)');
      await editor.fill(j.note.body);
      await page.getByText(/^Saved /).waitFor();
      await page.getByRole('complementary').getByText(j.note.word).first().waitFor();
      await shot('article-light-en');
      await page.reload();
      await main().getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await page.getByLabel('Note on this article (Markdown)').inputValue()).toBe(j.note.body);
    });

    test('a word from my note is found by search and marked as in my note', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Search' }).click();
      await page.getByLabel('Search articles and notes').fill(j.note.word);
      const hit = main().getByRole('article').filter({ has: page.getByRole('link', { name: title }) });
      await hit.getByText('in your note').first().waitFor();
    });

    test('the briefing shows the article under a theme', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Briefing' }).click();
      await main().getByRole('radio', { name: 'All' }).check();
      const theme = main().getByRole('region').filter({ has: page.getByRole('link', { name: title }) });
      await theme.first().waitFor();
      expect(await theme.first().getByRole('heading', { level: 2 }).textContent()).toBeTruthy();
      await shot('briefing-light-en');
    });

    test('dropping the same file again reports it as already in the library', async () => {
      await dropFiles(page, [j.main()]);
      await region('Import report').getByText('1 already in the library', { exact: true }).waitFor();
      await page.keyboard.press('Escape');
    });

    test('a broken file fails alone, with a reason I can read', async () => {
      await dropFiles(page, [{ name: 'broken.pdf', bytes: junkBytes(4096) }]);
      const report = region('Import report');
      await report.getByText('1 failed', { exact: true }).waitFor();
      const row = report.getByRole('listitem').filter({ hasText: 'broken.pdf' });
      expect((await row.textContent())!.replace(/broken\.pdf|Failed/g, '').trim().length).toBeGreaterThan(10);
      await shot('import-failed-light-en');
      await page.getByRole('button', { name: 'Close import report' }).click();
      expect(await h.library.list({})).toHaveLength([j.main(), ...j.others()].length);
    });

    test('language and theme can be switched in the settings', async () => {
      await page.getByLabel('Language').selectOption('de');
      await page.getByRole('navigation').getByRole('link', { name: /Bibliothek/ }).waitFor();
      await page.getByLabel('Darstellung').selectOption('dark');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
      await page.getByLabel('Darstellung').selectOption('system');
      await page.getByLabel('Sprache').selectOption('system');
      await page.getByRole('navigation').getByRole('link', { name: /Library/ }).waitFor();
    });

    test('a German system gets the German interface, and a dark system the dark theme', async () => {
      const de = await h.openApp({ locale: 'de-DE', colorScheme: 'dark' });
      const shotDe = (view: string) => h.screenshot(de, `${j.shots}-${view}-dark-de`);
      const mainDe = de.getByRole('main');
      await mainDe.getByRole('heading', { level: 1, name: 'Lage' }).waitFor();
      expect(await de.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(247, 246, 242)');
      await mainDe.getByRole('radio', { name: 'Alle' }).check();
      await mainDe.getByRole('link', { name: title }).first().waitFor();
      await shotDe('briefing');

      await de.getByRole('navigation').getByRole('link', { name: /Bibliothek/ }).click();
      await mainDe.getByRole('list', { name: 'Bibliothek' }).getByRole('link', { name: title }).waitFor();
      await shotDe('library');

      await de.getByRole('navigation').getByRole('link', { name: 'Suche' }).click();
      await de.getByLabel('Artikel und Notizen durchsuchen').fill(j.queries[0]!.q);
      await mainDe.getByRole('article').locator('mark').first().waitFor();
      await shotDe('search');

      await mainDe.getByRole('article').getByRole('link', { name: title }).first().click();
      await mainDe.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await de.getByLabel('Notiz zu diesem Artikel (Markdown)').inputValue()).toBe(j.note.body);
      await shotDe('article');

      await dropFiles(de, [j.main()], async () => {
        await de.getByText('Zum Importieren loslassen').waitFor();
        await shotDe('drop');
      });
      await de.getByRole('region', { name: 'Importbericht' }).getByText('1 schon in der Bibliothek', { exact: true }).waitFor();
      await shotDe('import-report');
      await de.context().close();
    });
  });
}

defineJourney('with a small fixture article (runs without ../shared)', false, {
  shots: 'fixture',
  main: () => fixture('kursk-frontline.md'),
  others: () => [fixture('haushaltsstreit.txt')],
  queries: [{ q: 'Kursk', marked: /kursk/i }, { q: 'sanction', marked: /sanction/i }],
  sections: ['Losses on both sides', 'Sanctions and diplomacy'],
  note: { body: 'Check the **casualty figures** with a second source.\n\n- call the Kyiv desk', word: 'casualty' },
});

/** A few real articles beside the seed so that the briefing has several themes to show. */
function corpusFiles(): DropFile[] {
  const pick = <T extends { label: string }>(items: T[], labels: string[], per: number) =>
    labels.flatMap((l) => items.filter((a) => a.label === l).slice(0, per));
  const bbc = pick(readCorpus('bbc'), ['politics', 'business', 'tech'], 2)
    .map((a) => ({ name: `bbc-${a.id}.txt`, bytes: Buffer.from(`${a.title}\n\n${a.text}`) }));
  const gnad = pick(readCorpus('gnad', 400), ['International', 'Wirtschaft', 'Sport'], 2)
    // gnad's first sentence is the headline: save it as the title line, as a clipped article would be.
    .map((a) => ({ name: `standard-${a.id}.txt`, bytes: Buffer.from(a.text.replace(/^(.{10,160}?[.?!])\s+/, '$1\n\n')) }));
  return [...gnad, ...bbc];
}

const seedReason = existsSync(seedFile) ? '' : ' (skipped: ../shared/corpora is not beside this clone)';
defineJourney(`with the seed briefing and real articles from ../shared/corpora${seedReason}`, !existsSync(seedFile), {
  shots: 'seed',
  main: () => ({ name: '000_e4f8963eb54722b6.txt', bytes: readFileSync(seedFile) }),
  others: corpusFiles,
  queries: [{ q: 'nordkoreanischen', marked: /nordkorean/i }, { q: 'Kursk', marked: /kursk/i }],
  sections: ['Kämpfe und Verluste in Kursk', 'Die Rolle Nordkoreas'],
  note: { body: 'Zahlen zu **Streumunition** gegenchecken.\n\n- DeepState-Quelle prüfen', word: 'Streumunition' },
});

describe('a keyboard-only user', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    page = await h.openApp();
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expect(h?.problems.splice(0) ?? []).toEqual([]);
  });

  test('can import with the Import button, search with “/”, open a hit and write a note', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files…' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(join(fixturesDir, 'e2e', 'haushaltsstreit.txt'));
    await page.getByRole('region', { name: 'Import report' }).getByText('1 imported', { exact: true }).waitFor();
    await page.keyboard.press('Escape');

    await page.locator('body').focus();
    await page.keyboard.press('/');
    await page.getByLabel('Search articles and notes').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('Schuldenbremse');
    await page.getByRole('main').getByRole('article').locator('mark').first().waitFor();

    // Past the search tools (query help, batch search, save) to the first hit.
    let inHit = false;
    for (let i = 0; i < 10 && !inHit; i++) {
      await page.keyboard.press('Tab');
      inHit = await page.evaluate(() => document.activeElement?.closest('article') !== null);
    }
    expect(inHit).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('main').getByRole('heading', { level: 1, name: /Haushaltsstreit/ }).waitFor();

    let inEditor = false;
    for (let i = 0; i < 25 && !inEditor; i++) {
      await page.keyboard.press('Tab');
      inEditor = await page.evaluate(() => document.activeElement?.id === 'note-body');
    }
    expect(inEditor).toBe(true);
    await page.keyboard.type('Nachfragen beim Finanzministerium');
    await page.keyboard.press('Tab');
    await page.getByText(/^Saved /).waitFor();
  });
});

describe('the e2e rig', () => {
  test('a page that breaks the security policy would fail these tests', async () => {
    const h = await startHarness();
    try {
      const page = await h.openApp();
      await page.evaluate(() => {
        const probe = document.createElement('div');
        probe.innerHTML = '<span style="color: red">inline style</span>';
        document.body.append(probe);
      });
      await expect.poll(() => h.problems.some((p) => p.startsWith('csp: style-src'))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
