// Search at scale: Dossier's SearchIndex against SQLite FTS5 (bm25, unicode61 remove_diacritics 2) on the
// same N articles built from gnad (German) + bbc (English). Prints one JSON line per figure.
// Run: npx tsx tests/bench/search.bench.ts [N=10000] [rounds=5]
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SearchIndex, type IndexDoc } from '../../electron/search/search-index.ts';
import { hasCorpora, readCorpus, tempDir, type CorpusArticle } from '../helpers.ts';

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'search', ...figure }));
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settle = () => { for (let i = 0; i < 3; i++) gc(); };
const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;

/**
 * Article i of the library. Round 0 is the corpus as is; round r > 0 joins the first half of article k with the
 * second half of article k + 7r of the same language, under a numbered title, with its own date and outlet,
 * so repeats are distinct documents with realistic vocabulary (no new words are invented).
 */
function article(pools: CorpusArticle[][], i: number): IndexDoc {
  const pool = pools[i % 2]!;
  const k = Math.floor(i / 2);
  const a = pool[k % pool.length]!;
  const round = Math.floor(k / pool.length);
  const sentences = a.text.split(/(?<=[.!?])\s+/);
  const title = a.title ?? sentences.shift()!;
  let text = sentences.join(' ');
  if (round > 0) {
    const other = pool[(k + round * 7) % pool.length]!.text.split(/(?<=[.!?])\s+/);
    text = `${sentences.slice(0, Math.ceil(sentences.length / 2)).join(' ')}\n\n${other.slice(Math.floor(other.length / 2)).join(' ')}`;
  }
  const day = new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 700) * 86_400_000).toISOString().slice(0, 10);
  const outlets = i % 2 === 0 ? ['Der Standard', 'Die Presse', 'Kurier'] : ['BBC News', 'The Guardian'];
  return {
    id: i + 1, title: round > 0 ? `${title} (${round + 1})` : title, text, note: i % 50 === 0 ? 'Nachfragen: Quelle prüfen, Zahlen bestätigen.' : '',
    outlet: outlets[round % outlets.length]!, language: i % 2 === 0 ? 'de' : 'en', publishedAt: day, importedAt: '2026-11-24T08:00:00Z',
    tags: [], themeIds: [],
  };
}

/** The fixed mixed query set: common and rare words in both languages, AND, phrases, OR, NOT, prefix, fuzzy, fields, compounds. */
const QUERIES: Array<{ q: string; fts: string }> = [
  { q: 'Regierung', fts: 'regierung' }, { q: 'government', fts: 'government' }, { q: 'Österreich', fts: 'osterreich' },
  { q: 'election', fts: 'election' }, { q: 'Flüchtlinge', fts: 'fluchtlinge' }, { q: 'music', fts: 'music' },
  { q: 'Wien Polizei', fts: 'wien polizei' }, { q: 'Prime Minister Blair', fts: 'prime minister blair' },
  { q: 'Bundeskanzler Faymann', fts: 'bundeskanzler faymann' }, { q: 'mobile phone', fts: 'mobile phone' },
  { q: '"Tony Blair"', fts: '"tony blair"' }, { q: '"in der Ukraine"', fts: '"in der ukraine"' }, { q: '"world cup"', fts: '"world cup"' },
  { q: 'Syrien OR Irak', fts: 'syrien OR irak' }, { q: 'film OR music', fts: 'film OR music' }, { q: 'Griechenland -Tsipras', fts: 'griechenland NOT tsipras' },
  { q: 'Fußball -Rapid', fts: 'fussball NOT rapid' }, { q: 'econom*', fts: 'econom*' }, { q: 'Flücht*', fts: 'flucht*' },
  { q: 'Parl*', fts: 'parl*' }, { q: 'Regirung~', fts: 'regirung' }, { q: 'goverment~', fts: 'goverment' },
  { q: 'title:Wien', fts: 'title:wien' }, { q: 'title:Blair', fts: 'title:blair' }, { q: 'Munition', fts: 'munition' },
  { q: 'Angriff', fts: 'angriff' }, { q: 'Steuer', fts: 'steuer' }, { q: 'Gütersloh', fts: 'gutersloh' },
  { q: 'Lokfuehrer', fts: 'lokfuehrer' }, { q: 'Strasse', fts: 'strasse' }, { q: 'Euro Milliarden Budget', fts: 'euro milliarden budget' },
  { q: 'lang:en Iraq since:90d', fts: 'iraq' }, { q: 'outlet:standard Wien', fts: 'wien' }, { q: 'Nachfragen has:note', fts: 'nachfragen' },
  { q: '(Wahl OR Abstimmung) ÖVP', fts: '(wahl OR abstimmung) AND ovp' }, { q: 'Microsoft Apple Google', fts: 'microsoft apple google' },
  { q: '40000', fts: '40000' }, { q: 'after:2026-01-01 Regierung', fts: 'regierung' }, { q: 'Selenskyj', fts: 'selenskyj' },
  { q: 'Champions League', fts: 'champions league' },
];

function percentiles(ms: number[]): { p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), max: +s[s.length - 1]!.toFixed(2) };
}

function timeQueries(run: (q: { q: string; fts: string }) => void, rounds: number): { p50: number; p95: number; max: number } {
  for (const q of QUERIES) run(q); // warm-up
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const t = performance.now();
      run(q);
      ms.push(performance.now() - t);
    }
  }
  return percentiles(ms);
}

/**
 * Child mode: load a saved index in a fresh process, so the figures are a real cold load and the memory of
 * the index as the app holds it (after the query set ran once, so lazy lookup structures are counted too).
 */
function coldLoad(file: string): void {
  settle();
  const before = process.memoryUsage();
  const t = performance.now();
  const bytes = readFileSync(file);
  const read = performance.now() - t;
  const { index } = SearchIndex.deserialize(bytes);
  const loaded = performance.now() - t;
  const first = performance.now();
  index.search('Regierung');
  const firstQuery = performance.now() - first;
  for (const { q } of QUERIES) index.search(q);
  settle();
  const after = process.memoryUsage();
  console.log(JSON.stringify({ readMs: +read.toFixed(1), loadMs: +loaded.toFixed(1), firstQueryMs: +firstQuery.toFixed(1), size: index.size,
    heapMB: mb(after.heapUsed - before.heapUsed), arrayBuffersMB: mb(after.arrayBuffers - before.arrayBuffers), rssMB: mb(after.rss) }));
}

function main(): void {
  if (process.argv[2] === '--cold-load') return coldLoad(process.argv[3]!);
  if (!hasCorpora) { emit({ skipped: 'no ../shared/corpora beside this clone' }); return; }
  const n = Number(process.argv[2] ?? 10_000);
  const rounds = Number(process.argv[3] ?? 5);
  const pools = [readCorpus('gnad'), readCorpus('bbc')];
  const tmp = tempDir('dossier-search-bench-');
  emit({ note: `${n} articles alternating gnad (de) / bbc (en); repeats join halves of two same-language articles under a numbered title, with spread dates and outlets`, queries: QUERIES.length, rounds });

  // The articles are made up front, so build times measure indexing only; the heap baseline includes them.
  let t = performance.now();
  let docs: IndexDoc[] | null = Array.from({ length: n }, (_, i) => article(pools, i));
  emit({ figure: 'articles', n, seconds: +((performance.now() - t) / 1000).toFixed(2), textMB: mb(docs.reduce((s, d) => s + d.text.length + d.title.length, 0)) });

  // Dossier
  let peakRss = process.memoryUsage().rss;
  t = performance.now();
  let idx: SearchIndex | null = SearchIndex.empty();
  for (let i = 0; i < docs.length; i++) {
    idx.add(docs[i]!);
    if (i % 2000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const buildMs = performance.now() - t;
  t = performance.now();
  let bytes: Uint8Array | null = idx.serialize({ lastChangeId: n });
  const serializeMs = performance.now() - t;
  emit({ engine: 'dossier', n, figure: 'build', seconds: +(buildMs / 1000).toFixed(2), serializeSeconds: +(serializeMs / 1000).toFixed(2) });
  const file = join(tmp.dir, 'index.bin');
  writeFileSync(file, bytes);
  bytes = null;
  docs = null; // the app holds no article text either; FTS5 gets the same articles made again below
  emit({ engine: 'dossier', n, figure: 'persisted', MB: mb(statSync(file).size) });
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--cold-load', file], { encoding: 'utf8' });
  const cold = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
  emit({ engine: 'dossier', n, figure: 'coldLoad', seconds: +((cold.loadMs ?? NaN) / 1000).toFixed(3), readSeconds: +((cold.readMs ?? NaN) / 1000).toFixed(3), firstQueryMs: cold.firstQueryMs });
  emit({ engine: 'dossier', n, figure: 'memory', note: 'loaded index in a fresh process, after the query set ran once', heapMB: cold.heapMB,
    arrayBuffersMB: cold.arrayBuffersMB, totalMB: +(cold.heapMB + cold.arrayBuffersMB).toFixed(1), processRssMB: cold.rssMB });
  emit({ engine: 'dossier', n, figure: 'buildPeakRss', MB: mb(peakRss), note: 'whole bench process while building, articles included' });
  const totals: Record<string, number> = {};
  const dossierLatency = timeQueries(({ q }) => { totals[q] = idx!.search(q, { now: new Date('2026-11-25T12:00:00Z') }).total; }, rounds);
  emit({ engine: 'dossier', n, figure: 'query', ...dossierLatency });
  const loaded = SearchIndex.deserialize(readFileSync(file)).index;
  emit({ engine: 'dossier', n, figure: 'queryAfterLoad', ...timeQueries(({ q }) => loaded.search(q, { now: new Date('2026-11-25T12:00:00Z') }), rounds) });
  idx = null;

  // FTS5 on the same articles
  const db = new Database(join(tmp.dir, 'fts.db'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, text, tokenize = "unicode61 remove_diacritics 2")`);
  const insert = db.prepare('INSERT INTO docs(rowid, title, text) VALUES (?, ?, ?)');
  let making = 0; // time spent making the articles again, taken out of the FTS5 figure
  t = performance.now();
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const m = performance.now();
      const a = article(pools, i);
      making += performance.now() - m;
      insert.run(a.id, a.title, a.text);
    }
  })();
  const ftsBuild = performance.now() - t - making;
  db.pragma('wal_checkpoint(TRUNCATE)');
  emit({ engine: 'fts5', n, figure: 'build', seconds: +(ftsBuild / 1000).toFixed(2) });
  emit({ engine: 'fts5', n, figure: 'persisted', MB: mb(statSync(join(tmp.dir, 'fts.db')).size) });
  const search = db.prepare('SELECT rowid, bm25(docs, 3.0, 1.0) AS score FROM docs WHERE docs MATCH ? ORDER BY score LIMIT 50');
  const count = db.prepare('SELECT count(*) FROM docs WHERE docs MATCH ?').pluck();
  const ftsLatency = timeQueries(({ fts }) => search.all(fts), rounds);
  emit({ engine: 'fts5', n, figure: 'query', ...ftsLatency });
  const ftsWithCount = timeQueries(({ fts }) => { search.all(fts); count.get(fts); }, rounds);
  emit({ engine: 'fts5', n, figure: 'queryWithTotal', ...ftsWithCount });
  emit({ n, figure: 'ratio', dossierOverFts5P95: +(dossierLatency.p95 / ftsLatency.p95).toFixed(2), dossierOverFts5WithTotalP95: +(dossierLatency.p95 / ftsWithCount.p95).toFixed(2) });
  emit({ n, figure: 'totals', dossier: totals, fts5: Object.fromEntries(QUERIES.map(({ q, fts }) => [q, count.get(fts)])) });
  db.close();
  tmp.cleanup();
}

main();
