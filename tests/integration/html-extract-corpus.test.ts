// The fast web-page extractor against the reference (Readability on linkedom, Dossier's import before it) on
// every real saved page of ../shared/corpora: nearly all pages must keep the same main text, and title,
// outlet and date must agree. Skipped, with the reason in its name, when the corpora are not beside the clone.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { corporaDir, needsCorpora } from '../helpers.ts';
import { agreesStrongly, comparePage, metadataAgrees, summarize, type PageComparison } from '../bench/html-quality.ts';

const pagesDir = join(corporaDir, 'html-pages');

describe.skipIf(!existsSync(pagesDir))(`the fast HTML extractor matches Readability on the real saved pages${needsCorpora}`, () => {
  const comparisons: PageComparison[] = existsSync(pagesDir)
    ? readdirSync(pagesDir).map((p) => comparePage(`${p}.html`, readFileSync(join(pagesDir, p, 'source.html'), 'utf8'))!)
    : [];

  test('every page yields an article from both extractors', () => {
    expect(comparisons.length).toBeGreaterThan(0);
    expect(comparisons.every((c) => c !== null)).toBe(true);
  });

  test('at least 95 % of pages keep the reference text (word overlap, length within 15 %)', () => {
    const weak = comparisons.filter((c) => !agreesStrongly(c)).map((c) => `${c.name}: recall ${c.recall.toFixed(2)}, precision ${c.precision.toFixed(2)}, length ×${c.lengthRatio.toFixed(2)}`);
    expect(weak.length / comparisons.length, weak.join('\n')).toBeLessThanOrEqual(0.05);
  });

  test('at least 95 % of pages agree on title, outlet and date', () => {
    const off = comparisons.filter((c) => !metadataAgrees(c)).map((c) => `${c.name}: ${JSON.stringify(c.metadata)}`);
    expect(off.length / comparisons.length, off.join('\n')).toBeLessThanOrEqual(0.05);
  });

  test('the fast path decides for itself on nearly every page (Readability fallback on at most 5 %)', () => {
    const summary = summarize(comparisons);
    expect(summary.fallbackRate as number, JSON.stringify(summary)).toBeLessThanOrEqual(0.05);
  });
});
