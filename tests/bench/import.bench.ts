// Import throughput, end to end through the Library (read, sniff, parse, language, store, index):
// 10,000 text articles from gnad (German) + bbc (English), then the HTML pages, PDFs and e-mails of the corpora.
// Prints one JSON line per figure (wall-clock rate and CPU-ms per file). Run: npx tsx tests/bench/import.bench.ts [count] [html-copies]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir, hasCorpora, repoRoot, tempDir } from '../helpers.ts';
import { textArticles } from './corpus-articles.ts';

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'import', ...figure }));

/**
 * The bundled library (dist/, built from the current sources first) with the in-process runner beside it: the
 * throughput and next-drop figures time the code the app runs, each in a fresh process of its own.
 */
const runner = join(repoRoot, 'dist', 'bench-import.mjs');
function buildBundles(): void {
  const r = spawnSync(process.execPath, ['build/bundle.mjs', 'bench-import=tests/bench/import-inprocess.ts'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build/bundle.mjs failed: ${r.stderr}`);
}

/** A first drop into a new library (or, with `next`, a second drop after `paths`), timed in the bundled library. */
function timeInProcess(label: string, paths: string[], files: number, next?: string[]): void {
  const r = spawnSync(process.execPath, [runner, JSON.stringify({ label, files, paths, next })], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) emit({ figure: `${label}.${next ? 'nextDrop' : 'throughput'}`, failed: r.stderr.slice(0, 300) });
}

/**
 * The same import as a user runs it: the bundled `dossier import` in a fresh process (start, import, index saved,
 * exit): unlike the in-process figures it includes starting Node and opening the library.
 */
function timeCli(label: string, paths: string[], files: number): number | null {
  const cli = join(repoRoot, 'dist', 'cli.mjs');
  const t = tempDir('dossier-bench-cli-');
  const start = performance.now();
  const r = spawnSync(process.execPath, [cli, 'import', ...paths, '--library', join(t.dir, 'lib'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  t.cleanup();
  if (r.status !== 0) { emit({ figure: `${label}.cli`, failed: r.stderr.slice(0, 300) }); return null; }
  emit({ figure: `${label}.cli`, files, seconds: +(ms / 1000).toFixed(2), perSecond: Math.round((files / ms) * 1000),
    note: 'bundled dossier import in a fresh process, start to exit' });
  return ms;
}

/**
 * Writes `copies` copies of every corpus web page into a new folder `name` under `dir`. Each copy ends in its own
 * comment (the reader drops comments): every file differs, every text is the page's own. The comment grows with
 * the copy's number, so no two copies have the same size either (as in a real folder): a file of a size the
 * library knew before the import is hashed and compared before it is parsed (known-files.ts), which a bench of
 * first imports should not pay.
 */
function writePageCopies(dir: string, name: string, pages: string[], copies: number): string {
  const out = join(dir, name);
  mkdirSync(out);
  for (let r = 0; r < copies; r++) {
    for (const p of pages) {
      const html = readFileSync(join(corporaDir, 'html-pages', p, 'source.html'));
      writeFileSync(join(out, `${p}-${r}.html`), Buffer.concat([html, Buffer.from(`\n<!-- ${name} copy ${r} ${'.'.repeat(r)} -->\n`)]));
    }
  }
  return out;
}

async function main(): Promise<void> {
  if (!hasCorpora) {
    emit({ skipped: 'no ../shared/corpora beside this clone' });
    return;
  }
  buildBundles();
  const count = Number(process.argv[2] ?? 10_000);
  const t = tempDir('dossier-bench-src-');
  const textDir = join(t.dir, 'text');
  mkdirSync(textDir);
  for (const a of textArticles(count)) writeFileSync(join(textDir, a.name), a.text);
  emit({ note: `${count} .txt files from gnad+bbc alternating; repeats join halves of two articles under a numbered title` });
  timeInProcess('text', [textDir], count);
  timeCli('text', [textDir], count);

  const pages = readdirSync(join(corporaDir, 'html-pages'));
  // One article dropped alone: how long the user waits for it, nearly all of it the start of Node and the threads.
  const oneDir = writePageCopies(t.dir, 'one', pages.slice(0, 1), 1);
  timeCli('one', [oneDir], 1);
  // 25 copies of each page: every copy is parsed in full before the duplicate check, so this measures parsing.
  const copies = Number(process.argv[3] ?? 25);
  const htmlDir = writePageCopies(t.dir, 'html', pages, copies);
  timeInProcess('html', [htmlDir], pages.length * copies);
  timeInProcess('html', [htmlDir], pages.length * copies, [writePageCopies(t.dir, 'html-next', pages, copies)]);
  const small = timeCli('html', [htmlDir], pages.length * copies);
  // A fresh process pays a fixed cost before its first page (start, threads, every thread's JIT warming up on
  // the parser). Five times the pages in a second run, less the first run, gives the rate once that is paid.
  const bigDir = writePageCopies(t.dir, 'html-big', pages, copies * 5);
  const big = timeCli('html.big', [bigDir], pages.length * copies * 5);
  if (small !== null && big !== null) {
    const extra = pages.length * copies * 4;
    emit({ figure: 'html.sustained', files: extra, seconds: +((big - small) / 1000).toFixed(2), perSecond: Math.round((extra / (big - small)) * 1000),
      fixedSeconds: +((small - (pages.length * copies * (big - small)) / extra) / 1000).toFixed(2),
      note: 'pages per second beyond the first run\'s pages (html.big less html), and the fixed cost per fresh process' });
  }
  timeInProcess('pdf+docx', [join(corporaDir, 'office')], readdirSync(join(corporaDir, 'office')).length);
  timeInProcess('email', [join(corporaDir, 'eml')], readdirSync(join(corporaDir, 'eml')).length);
  t.cleanup();
  rmSync(runner, { force: true });
  rmSync(`${runner}.map`, { force: true });
}

await main();
