// Prints the fast-vs-Readability comparison for every HTML page of the corpora: the saved news pages, and as a
// second, wider set the HTML inside the feeds and newsletters, each wrapped as a page of its own.
// Run: npx tsx tests/bench/html-quality.bench.ts [--pages]
import { hasCorpora } from '../helpers.ts';
import { compareAll, embeddedPages, savedPages, summarize } from './html-quality.ts';

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'html-quality', ...figure }));

if (!hasCorpora) emit({ skipped: 'no ../shared/corpora beside this clone' });
else {
  const saved = compareAll(savedPages());
  const embedded = compareAll(await embeddedPages());
  if (process.argv.includes('--pages')) for (const c of [...saved, ...embedded]) emit({ page: c });
  emit({ figure: 'saved-pages.fast-vs-readability', ...summarize(saved) });
  emit({ figure: 'feed-and-mail-html.fast-vs-readability', note: 'entries without an article in both extractors are left out', ...summarize(embedded) });
}
