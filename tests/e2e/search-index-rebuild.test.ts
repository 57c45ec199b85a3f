// A journalist opens a library whose search index must be rebuilt: the search view says so, with progress, in
// English and German; the library is usable meanwhile, and when the index is ready the results appear by
// themselves (main pushes 'search.index'), with no need to type the query again.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openLibrary, INDEX_FILE } from '../../electron/library.ts';
import { fixturesDir, tempDir } from '../helpers.ts';
import { startHarness, type Harness, expectNoPageProblems } from './harness.ts';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(fixturesDir, 'e2e', name))) });

describe('searching while the search index is rebuilt', () => {
  const t = tempDir('dossier-e2e-rebuild-');
  let h: Harness;
  let page: Page;
  let release!: () => void;

  beforeAll(async () => {
    const lib = await openLibrary({ dir: t.dir });
    await lib.importFiles([fixture('haushaltsstreit.txt'), fixture('kursk-frontline.md')]);
    await lib.close();
    rmSync(join(t.dir, INDEX_FILE));
    // The rebuild finishes in its worker but is installed only when the test says so.
    h = await startHarness({ libraryDir: t.dir, indexRebuild: 'background', holdIndexBuildForTests: new Promise<void>((r) => { release = r; }) });
    page = await h.openApp({ locale: 'en-US' });
  });
  afterAll(async () => {
    release?.();
    await h?.close();
    t.cleanup();
  });
  afterEach(() => {
    expectNoPageProblems(h);
  });

  test('the library lists its articles at once while search says the index is being rebuilt, with progress', async () => {
    expect(h.library.indexStatus().state).toBe('building');
    await page.getByRole('navigation').getByRole('link', { name: /Library/ }).click();
    await page.getByRole('main').getByRole('list', { name: 'Library' }).getByRole('link').nth(1).waitFor();
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByLabel('Search articles and notes').fill('Haushalt OR Kursk');
    const notice = page.getByRole('main').getByRole('status').filter({ hasText: 'The search index is being rebuilt' });
    await notice.getByText(/of 2 articles/).waitFor();
    await notice.getByRole('progressbar', { name: 'Search index rebuild' }).waitFor();
    expect(await page.getByRole('main').getByText(/Nothing found/).count()).toBe(0);
    await h.screenshot(page, 'search-index-rebuilding-en');
  });

  test('in German the notice is German', async () => {
    const de = await h.openApp({ locale: 'de-DE' });
    await de.getByRole('link', { name: 'Suche', exact: true }).click();
    await de.getByLabel('Artikel und Notizen durchsuchen').fill('Kursk');
    await de.getByRole('main').getByRole('status').filter({ hasText: 'Der Suchindex wird neu aufgebaut' }).getByText(/von 2 Artikeln/).waitFor();
    await de.getByRole('progressbar', { name: 'Neuaufbau des Suchindex' }).waitFor();
    await de.close();
  });

  test('when the index is ready the open search view shows the results by itself', async () => {
    release();
    await h.library.whenIndexReady();
    await page.getByRole('main').getByText('2 results').waitFor();
    expect(await page.getByText('The search index is being rebuilt', { exact: false }).count()).toBe(0);
    expect(await page.getByRole('main').getByRole('article').count()).toBe(2);
  });
});
