// Dossier at 10k and 100k articles, through the Library as the app uses it: import (time, peak memory), app
// start (opening the library and loading its index, in a fresh process), start with the index file gone (usable
// at once, search ready after the background rebuild), search latency and the briefing.
// The 100k library is built once into .bench/ (git-ignored) and reused; pass --rebuild to build it again.
// Run: npx tsx tests/bench/scale.bench.ts [--sizes 10000,100000] [--rebuild]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DB_FILE, INDEX_FILE, openLibrary, type Library } from '../../electron/library.ts';
import { hasCorpora, repoRoot } from '../helpers.ts';
import { textArticles } from './corpus-articles.ts';

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'scale', ...figure }));
const mb = (n: number) => Math.round(n / 1048576);
const QUERIES = ['Regierung', 'Bundesregierung Haushalt', '"prime minister"', 'Wahl OR election', 'Fußball -Bayern', 'market shares', 'Klima*', 'Polizei Berlin'];

function percentiles(ms: number[]): { medianMs: number; p95Ms: number; maxMs: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => +s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1);
  return { medianMs: at(0.5), p95Ms: at(0.95), maxMs: +s[s.length - 1]!.toFixed(1) };
}

/** Child mode: open the library cold, as the app does at start, and run one search and one briefing. */
async function childOpen(dir: string): Promise<void> {
  const t = performance.now();
  const lib = await openLibrary({ dir });
  const openMs = performance.now() - t;
  const q = performance.now();
  lib.search('Regierung');
  const firstSearchMs = performance.now() - q;
  const rss = process.memoryUsage().rss;
  console.log(JSON.stringify({ openMs: +openMs.toFixed(0), indexOrigin: lib.indexOrigin, firstSearchMs: +firstSearchMs.toFixed(1), rssMB: mb(rss), heapMB: mb(process.memoryUsage().heapUsed) }));
  await lib.close();
}

/**
 * Child mode: open with the index file gone, as after an upgrade of the analyzer or a damaged file. The library is
 * usable (list, get, briefing) at once; search answers once the background rebuild has finished and caught up.
 */
async function childRebuild(dir: string): Promise<void> {
  const file = join(dir, INDEX_FILE);
  renameSync(file, `${file}.bench-kept`); // put back below if the rebuild did not save one
  const t = performance.now();
  const lib = await openLibrary({ dir });
  const openMs = performance.now() - t;
  const state = lib.indexStatus().state;
  const first = lib.list({ limit: 50 });
  lib.get(first[0]!.id);
  const usableMs = performance.now() - t;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  await lib.whenIndexReady();
  const readyMs = performance.now() - t;
  clearInterval(timer);
  const q = performance.now();
  const hits = lib.search('Regierung').total;
  const firstSearchMs = performance.now() - q;
  await lib.close();
  if (existsSync(file)) rmSync(`${file}.bench-kept`);
  else renameSync(`${file}.bench-kept`, file);
  console.log(JSON.stringify({ openMs: +openMs.toFixed(0), stateAtOpen: state, usableMs: +usableMs.toFixed(0), readyMs: +readyMs.toFixed(0),
    firstSearchMs: +firstSearchMs.toFixed(1), hits, peakRssMB: mb(peak) }));
}

async function build(n: number, dir: string): Promise<void> {
  const src = join(dir, 'src');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  for (const a of textArticles(n)) writeFileSync(join(src, a.name), a.text);
  const lib = await openLibrary({ dir: join(dir, 'lib') });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  const t = performance.now();
  const report = await lib.importPaths([src]);
  const s = (performance.now() - t) / 1000;
  clearInterval(timer);
  await lib.close();
  rmSync(src, { recursive: true, force: true });
  emit({ n, figure: 'import', files: n, imported: report.imported, duplicates: report.duplicates, failed: report.failed,
    seconds: +s.toFixed(1), perSecond: Math.round(n / s), peakRssMB: mb(peak), note: 'main process; the worker thread shares it' });
  writeFileSync(join(dir, 'built.json'), JSON.stringify({ n, imported: report.imported, at: new Date().toISOString() }));
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

async function measure(n: number, dir: string): Promise<void> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child-open', join(dir, 'lib')], { encoding: 'utf8' });
  const cold = JSON.parse(child.stdout.trim().split('\n').pop() || '{}');
  emit({ n, figure: 'appStart', seconds: +((cold.openMs ?? NaN) / 1000).toFixed(2), indexOrigin: cold.indexOrigin, firstSearchMs: cold.firstSearchMs,
    rssMB: cold.rssMB, heapMB: cold.heapMB, note: 'fresh process: open SQLite, load the saved index, first search' });
  const rebuild = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child-rebuild', join(dir, 'lib')], { encoding: 'utf8' });
  const r = JSON.parse(rebuild.stdout.trim().split('\n').pop() || '{}');
  emit({ n, figure: 'indexRebuild', usableSeconds: +((r.usableMs ?? NaN) / 1000).toFixed(2), searchReadySeconds: +((r.readyMs ?? NaN) / 1000).toFixed(2),
    stateAtOpen: r.stateAtOpen, firstSearchMs: r.firstSearchMs, peakRssMB: r.peakRssMB,
    note: 'fresh process, index file gone: open + list + get (usable) vs. background rebuild in a worker, caught up and saved (search ready)' });
  const lib: Library = await openLibrary({ dir: join(dir, 'lib') });
  try {
    const ms: number[] = [];
    for (let round = 0; round < 3; round++) for (const q of QUERIES) ms.push(timed(() => lib.search(q))[1]);
    emit({ n, figure: 'search', queries: ms.length, ...percentiles(ms), note: 'Library.search incl. snippets, 50 hits' });
    // As after a big import: themes are recomputed from scratch on the briefing thread. The main thread meanwhile
    // answers searches; its longest stall (event-loop lag) and the searches' latency show whether the app stays usable.
    resetThemes(join(dir, 'lib'));
    for (const since of ['24h', '7d', 'all']) {
      const lagged: number[] = [];
      const during: number[] = [];
      let last = performance.now();
      const lag = setInterval(() => { const now = performance.now(); lagged.push(now - last - 20); last = now; }, 20);
      const probe = setInterval(() => during.push(timed(() => lib.search(QUERIES[during.length % QUERIES.length]!))[1]), 250);
      const t = performance.now();
      const b = await lib.buildBriefing({ since });
      const s = (performance.now() - t) / 1000;
      clearInterval(lag);
      clearInterval(probe);
      emit({ n, figure: `briefing.${since}`, seconds: +s.toFixed(2), themes: b.themes.length, articles: b.articleCount,
        mainThreadMaxLagMs: Math.round(Math.max(0, ...lagged)), searchesMeanwhile: during.length,
        ...(during.length ? { searchMeanwhileP95Ms: percentiles(during).p95Ms } : {}), rssMB: mb(process.memoryUsage().rss),
        note: since === '24h' ? 'first briefing: recomputes every theme (briefing thread)' : 'themes persisted; details of new member sets built' });
    }
  } finally {
    await lib.close();
  }
}

/** Marks the stored themes as from another version, so the next briefing recomputes them all. */
function resetThemes(libDir: string): void {
  const db = new Database(join(libDir, DB_FILE));
  db.prepare("UPDATE theme_state SET value = 'bench: recompute' WHERE key = 'version'").run();
  db.close();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' }, rebuild: { type: 'boolean', default: false },
    'child-open': { type: 'string' }, 'child-rebuild': { type: 'string' } } });
  if (values['child-open']) return childOpen(values['child-open']);
  if (values['child-rebuild']) return childRebuild(values['child-rebuild']);
  if (!hasCorpora) { emit({ skipped: 'no ../shared/corpora beside this clone' }); return; }
  for (const n of values.sizes.split(',').map(Number)) {
    const dir = join(repoRoot, '.bench', `scale-${n}`);
    if (values.rebuild || !existsSync(join(dir, 'built.json'))) await build(n, dir);
    else emit({ n, figure: 'import', cached: true, note: `library reused from ${dir}; --rebuild measures the import again` });
    await measure(n, dir);
  }
}

await main();
