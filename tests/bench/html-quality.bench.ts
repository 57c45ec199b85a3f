// Prints the fast-vs-Readability comparison for every HTML page of the corpora (html-pages, and the HTML
// parts are not included: they go through the fragment path). Run: npx tsx tests/bench/html-quality.bench.ts [--pages]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir, hasCorpora } from '../helpers.ts';
import { comparePage, summarize, type PageComparison } from './html-quality.ts';

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'html-quality', ...figure }));

if (!hasCorpora) emit({ skipped: 'no ../shared/corpora beside this clone' });
else {
  const dir = join(corporaDir, 'html-pages');
  const all: PageComparison[] = [];
  for (const p of readdirSync(dir)) {
    const c = comparePage(`${p}.html`, readFileSync(join(dir, p, 'source.html'), 'utf8'));
    if (c) all.push(c);
  }
  if (process.argv.includes('--pages')) for (const c of all) emit({ page: c });
  emit({ figure: 'fast-vs-readability', ...summarize(all) });
}
