// The fast web-page extractor against the reference (Readability on linkedom, Dossier's import before it) on
// the real HTML of ../shared/corpora: the saved news pages, and the HTML inside the feeds and newsletters
// wrapped as pages. Nearly all must keep the same main text, and title, outlet and date must agree. Skipped,
// with the reason in its name, when the corpora are not beside the clone.
import { beforeAll, describe, expect, test } from 'vitest';
import { hasCorpora, needsCorpora } from '../helpers.ts';
import { agreesStrongly, compareAll, embeddedPages, metadataAgrees, savedPages, summarize, type PageComparison } from '../bench/html-quality.ts';

describe.skipIf(!hasCorpora)(`the fast HTML extractor matches Readability on the corpus HTML${needsCorpora}`, () => {
  const sets: Record<string, PageComparison[]> = {};
  beforeAll(async () => {
    sets['saved pages'] = compareAll(savedPages());
    sets['feed and newsletter HTML'] = compareAll(await embeddedPages());
  });

  test.each(['saved pages', 'feed and newsletter HTML'])('%s: at least 95 %% keep the reference text (word overlap, length within 15 %%)', (set) => {
    const all = sets[set]!;
    expect(all.length).toBeGreaterThan(5);
    const weak = all.filter((c) => !agreesStrongly(c)).map((c) => `${c.name}: recall ${c.recall.toFixed(2)}, precision ${c.precision.toFixed(2)}, length ×${c.lengthRatio.toFixed(2)}`);
    expect(weak.length / all.length, weak.join('\n')).toBeLessThanOrEqual(0.05);
  });

  test.each(['saved pages', 'feed and newsletter HTML'])('%s: at least 95 %% agree on title, outlet and date', (set) => {
    const all = sets[set]!;
    const off = all.filter((c) => !metadataAgrees(c)).map((c) => `${c.name}: ${JSON.stringify(c.metadata)}`);
    expect(off.length / all.length, off.join('\n')).toBeLessThanOrEqual(0.05);
  });

  test.each(['saved pages', 'feed and newsletter HTML'])('%s: the fast path decides for itself (Readability fallback on at most 5 %%)', (set) => {
    const summary = summarize(sets[set]!);
    expect(summary.fallbackRate as number, JSON.stringify(summary)).toBeLessThanOrEqual(0.05);
  });
});
