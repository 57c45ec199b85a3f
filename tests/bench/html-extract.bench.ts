// HTML extraction cost in isolation: CPU-ms per page of parseHtml over the corpus pages (no store, no index),
// which stays meaningful when other processes share the cores. Run: npx tsx tests/bench/html-extract.bench.ts [rounds]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../electron/import/formats/html.ts';
import { corporaDir, hasCorpora } from '../helpers.ts';

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'html-extract', ...figure }));

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function main(): void {
  if (!hasCorpora) {
    emit({ skipped: 'no ../shared/corpora beside this clone' });
    return;
  }
  const rounds = Number(process.argv[2] ?? 20);
  const dir = join(corporaDir, 'html-pages');
  const pages = readdirSync(dir).map((p) => ({ name: p, html: readFileSync(join(dir, p, 'source.html'), 'utf8') }));
  for (const p of pages) parseHtml(p.html, `${p.name}.html`); // warm-up (JIT)
  const perPage: Record<string, number> = {};
  let total = 0;
  for (const p of pages) {
    const ms = cpuMs(() => { for (let r = 0; r < rounds; r++) parseHtml(p.html, `${p.name}.html`); });
    perPage[p.name] = +(ms / rounds).toFixed(2);
    total += ms;
  }
  emit({ figure: 'parseHtml.cpuMsPerPage', rounds, mean: +(total / rounds / pages.length).toFixed(2), perPage });
}

main();
