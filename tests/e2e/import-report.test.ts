// The import report in the built renderer, wired to a real Library: a good and a damaged file dropped together
// (the drag over the window starting the import's threads ahead),
// the failure listed with its reason, "Retry failed" sending only the failed file again, and Cancel stopping an
// import whose file hangs. Screenshots: import-report-*.png.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { dropFiles, startHarness, type DropFile, type Harness, expectNoPageProblems } from './harness.ts';

/** Each import starts its worker threads from TypeScript sources here, which is slow on a busy 2-core machine. */
const WAIT = 120_000;
const enc = (s: string) => new TextEncoder().encode(s);
const good: DropFile = {
  name: 'stadtrat.txt',
  bytes: enc('Stadtrat beschließt neuen Haushalt\n\nDer Stadtrat hat am Dienstag den Haushalt für das kommende Jahr '
    + 'beschlossen. Die Opposition kritisierte die Kürzungen bei Schulen und Bibliotheken scharf.'),
};
// A Word file cut off after its first bytes: a zip signature and nothing a reader can use.
const damaged: DropFile = { name: 'bericht.docx', bytes: enc('PK\u0003\u0004\u0014\u0000\u0006\u0000truncated') };
const stuck: DropFile = { name: 'stuck.txt', bytes: enc('Ein Text, dessen Lesen hängt.\n\nDer Parser kommt hier nie an ein Ende.') };

describe('the import report', () => {
  let h: Harness;
  let page: Page;
  const report = () => page.getByRole('region', { name: /Import report|Importbericht/ });

  beforeAll(async () => {
    h = await startHarness({ parseTimeoutMs: 600_000, hangOnNamesForTests: [stuck.name] });
    page = await h.openApp({ locale: 'en-US', colorScheme: 'light' });
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expectNoPageProblems(h);
  });

  test('a good and a damaged file dropped together: one imported, the damaged one listed with its reason', async () => {
    // Files dragged over the window already start the import's threads (Library.prepareImport), before the drop.
    let prepared = 0;
    const prepare = h.library.prepareImport.bind(h.library);
    h.library.prepareImport = () => { prepared++; prepare(); };
    await dropFiles(page, [good, damaged], async () => {
      await expect.poll(() => prepared, { timeout: WAIT }).toBe(1);
    });
    await report().getByText('1 imported', { exact: true }).waitFor({ timeout: WAIT });
    await report().getByText('1 failed', { exact: true }).waitFor({ timeout: WAIT });
    const failures = report().getByRole('list', { name: 'Files that failed' });
    const row = failures.getByRole('listitem').filter({ hasText: damaged.name });
    expect(await row.textContent()).toMatch(/bericht\.docx.*(damaged|incomplete)/s);
    await h.screenshot(page, 'import-report-failed-light-en');
    expect(await h.library.list({})).toHaveLength(1);
  }, 300_000);

  test('“Retry the failed file” sends only the failed file again, from the keyboard', async () => {
    const retry = report().getByRole('button', { name: 'Retry the failed file' });
    await retry.focus();
    await page.keyboard.press('Enter');
    // The new report is about the retried file alone: nothing imported (it is still damaged), one failure.
    await report().getByText('0 imported', { exact: true }).waitFor({ timeout: WAIT });
    await report().getByText('1 failed', { exact: true }).waitFor({ timeout: WAIT });
    expect(await report().getByRole('listitem').filter({ hasText: good.name }).count()).toBe(0);
    expect(await h.library.list({})).toHaveLength(1);
    await page.getByRole('button', { name: 'Close import report' }).click();
  }, 300_000);

  test('while importing, progress and a Cancel button show; cancelling stops a file that hangs', async () => {
    await dropFiles(page, [stuck, { ...good, name: 'zweiter.txt' }]);
    await report().getByText('Now: stuck.txt').waitFor({ timeout: WAIT });
    const progress = report().getByRole('progressbar');
    expect(await progress.getAttribute('max')).toBe('2');
    await h.screenshot(page, 'import-report-progress-light-en');
    await report().getByRole('button', { name: 'Cancel import' }).click();
    await report().getByText('The import was cancelled', { exact: false }).waitFor({ timeout: WAIT });
    expect(await h.library.list({})).toHaveLength(1);
    await page.keyboard.press('Escape');
  }, 300_000);
});

describe('the import report in German and dark', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startHarness();
    page = await h.openApp({ locale: 'de-DE', colorScheme: 'dark' });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('lists the failure with its reason in German and offers to retry it', async () => {
    await dropFiles(page, [good, damaged]);
    const report = page.getByRole('region', { name: 'Importbericht' });
    await report.getByText('1 fehlgeschlagen', { exact: true }).waitFor({ timeout: WAIT });
    await report.getByRole('button', { name: 'Fehlgeschlagene Datei erneut versuchen' }).waitFor({ timeout: WAIT });
    await report.getByText(/bericht\.docx sieht aus wie ein Word-Dokument \(DOCX\), ist aber beschädigt/).waitFor({ timeout: WAIT });
    await h.screenshot(page, 'import-report-failed-dark-de');
    expect(h.problems).toEqual([]);
  }, 300_000);
});
