// Import throughput, end to end through the Library (read, sniff, parse, language, store, index):
// 10,000 text articles from gnad (German) + bbc (English), then the HTML pages, PDFs and e-mails of the corpora.
// Prints one JSON line per figure (wall-clock rate and CPU-ms per file). Run: npx tsx tests/bench/import.bench.ts [count] [html-copies]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary } from '../../electron/library.ts';
import { corporaDir, hasCorpora, repoRoot, tempDir } from '../helpers.ts';
import { textArticles } from './corpus-articles.ts';

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'import', ...figure }));

async function timeImport(label: string, paths: string[], files: number): Promise<void> {
  const t = tempDir('dossier-bench-');
  const lib = await openLibrary({ dir: join(t.dir, 'lib') });
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
  const start = performance.now();
  const cpuStart = process.cpuUsage(); // the whole process: import worker and parse threads included
  const report = await lib.importPaths(paths);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  clearInterval(timer);
  await lib.close();
  t.cleanup();
  // Why files failed, by code: on an overloaded machine parses can run into the per-file time limit (import/timeout).
  const reasons: Record<string, number> = {};
  for (const o of report.outcomes) if (o.error) reasons[o.error.code] = (reasons[o.error.code] ?? 0) + 1;
  emit({ figure: `${label}.throughput`, files, imported: report.imported, duplicates: report.duplicates, failed: report.failed, reasons,
    seconds: +(ms / 1000).toFixed(2), perSecond: Math.round((files / ms) * 1000),
    // CPU time is what other processes on a shared machine cannot inflate: cores / cpuMsPerFile bounds the rate.
    cpuMsPerFile: +(cpuMs / files).toFixed(2), peakRssMB: Math.round(peakRss / 1048576) });
}

/**
 * A drop right after another one in the same library (the app keeps the import worker and its warmed-up parse
 * threads for a minute): the first import untimed, the second timed.
 */
async function timeNextDrop(label: string, first: string[], second: string[], files: number): Promise<void> {
  const t = tempDir('dossier-bench-');
  const lib = await openLibrary({ dir: join(t.dir, 'lib') });
  await lib.importPaths(first);
  const start = performance.now();
  const report = await lib.importPaths(second);
  const ms = performance.now() - start;
  await lib.close();
  t.cleanup();
  emit({ figure: `${label}.nextDrop`, files, imported: report.imported, duplicates: report.duplicates, failed: report.failed,
    seconds: +(ms / 1000).toFixed(2), perSecond: Math.round((files / ms) * 1000), note: 'a second drop into the same library, on warm threads' });
}

/**
 * The same import as a user runs it: the bundled `dossier import` in a fresh process (start, import, index saved,
 * exit). Source runs above pay for transpiling every worker module through tsx; the app and CLI do not.
 */
function timeCli(label: string, paths: string[], files: number): number | null {
  const cli = join(repoRoot, 'dist', 'cli.mjs');
  if (!existsSync(cli)) { emit({ figure: `${label}.cli`, skipped: 'no dist/cli.mjs: run npm run build first' }); return null; }
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
  const count = Number(process.argv[2] ?? 10_000);
  const t = tempDir('dossier-bench-src-');
  const textDir = join(t.dir, 'text');
  mkdirSync(textDir);
  for (const a of textArticles(count)) writeFileSync(join(textDir, a.name), a.text);
  emit({ note: `${count} .txt files from gnad+bbc alternating; repeats join halves of two articles under a numbered title` });
  await timeImport('text', [textDir], count);
  timeCli('text', [textDir], count);

  const pages = readdirSync(join(corporaDir, 'html-pages'));
  // 25 copies of each page: every copy is parsed in full before the duplicate check, so this measures parsing.
  const copies = Number(process.argv[3] ?? 25);
  const htmlDir = writePageCopies(t.dir, 'html', pages, copies);
  await timeImport('html', [htmlDir], pages.length * copies);
  await timeNextDrop('html', [htmlDir], [writePageCopies(t.dir, 'html-next', pages, copies)], pages.length * copies);
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
  await timeImport('pdf+docx', [join(corporaDir, 'office')], readdirSync(join(corporaDir, 'office')).length);
  await timeImport('email', [join(corporaDir, 'eml')], readdirSync(join(corporaDir, 'eml')).length);
  t.cleanup();
}

await main();
