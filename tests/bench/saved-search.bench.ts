// Saved-search alerts and batch search at scale: the cost an import pays to check every saved search against
// its new articles only, and a batch search over a list of names. Prints one JSON line per figure.
// Run: npx tsx tests/bench/saved-search.bench.ts [N=20000] [newArticles=1000]
import { SearchIndex, type IndexDoc } from '../../electron/search/search-index.ts';
import { matchNewArticles } from '../../electron/saved-searches.ts';
import { batchSearch } from '../../electron/batch-search.ts';
import { hasCorpora, readCorpus } from '../helpers.ts';

const emit = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'saved-search', ...figure }));
const N = Number(process.argv[2] ?? 20_000);
const NEW = Number(process.argv[3] ?? 1000);

const SAVED = [
  'Streumunition OR "cluster munitions"', 'Regierung', 'Österreich Wahl', '"Premier League"', 'Brexit',
  'Bundeskanzler OR Kanzler', 'Klima*', 'Flüchtlinge', 'economy -football', 'title:Wien', 'Trump~', 'Bank lang:en',
  'Fußball', 'Polizei', 'music OR film', 'Steuer', 'election', 'Gesundheit', 'technology', 'Ukraine OR Russland',
];
const NAMES = ['Wien', 'London', 'Tony Blair', 'Gordon Brown', 'Angela Merkel', 'Werner Faymann', 'Chelsea', 'Arsenal',
  'Microsoft', 'Apple', 'Google', 'Red Bull', 'Österreich', 'Deutschland', 'Europa', 'Kim Jong-un', 'Nirgendwo'];

if (!hasCorpora) {
  emit({ skipped: '../shared/corpora is not beside this clone' });
} else {
  const pools = [readCorpus('gnad'), readCorpus('bbc')];
  const doc = (i: number): IndexDoc => {
    const pool = pools[i % 2]!;
    const a = pool[Math.floor(i / 2) % pool.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    return { id: i + 1, title: a.title ?? a.text.slice(0, 80), text: a.text, note: '', outlet: a.label, language: i % 2 ? 'en' : 'de',
      publishedAt: `2026-${String(1 + (i % 11)).padStart(2, '0')}-${day}`, importedAt: '2026-11-25T08:00:00Z', tags: [], themeIds: [] };
  };
  const index = SearchIndex.empty();
  for (let i = 0; i < N; i++) index.add(doc(i));
  const newIds = Array.from({ length: NEW }, (_, k) => N - NEW + k + 1);

  const alerts = SAVED.map((query, id) => ({ id, query, strictUmlauts: false }));
  matchNewArticles(index, alerts, newIds); // warm-up
  const rounds = 5;
  let t = performance.now();
  let found = 0;
  for (let r = 0; r < rounds; r++) found = [...matchNewArticles(index, alerts, newIds).values()].reduce((n, ids) => n + ids.length, 0);
  const alertMs = (performance.now() - t) / rounds;
  emit({ figure: 'alert check after an import', articles: N, newArticles: NEW, savedSearches: SAVED.length, matchesRecorded: found, ms: +alertMs.toFixed(1) });

  t = performance.now();
  let whole = 0;
  for (let r = 0; r < rounds; r++) whole = SAVED.reduce((n, q) => n + index.search(q, { limit: NEW }).total, 0);
  emit({ figure: 'same queries over the whole library (for comparison)', articles: N, savedSearches: SAVED.length, matches: whole, ms: +((performance.now() - t) / rounds).toFixed(1) });

  t = performance.now();
  const rows = batchSearch(index, NAMES);
  emit({ figure: 'batch search', articles: N, terms: NAMES.length, ms: +(performance.now() - t).toFixed(1), top: `${rows[0]!.term}: ${rows[0]!.count}` });
}
