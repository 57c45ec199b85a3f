// Saved-search alert matching (restricted to new article ids) and batch-search term handling, on a real index.
import { describe, expect, test } from 'vitest';
import { SearchIndex, type IndexDoc } from '../../../electron/search/search-index.ts';
import { matchNewArticles } from '../../../electron/saved-searches.ts';
import { batchSearch, parseTermList, termQuery } from '../../../electron/batch-search.ts';

const doc = (id: number, title: string, text: string, language = 'de'): IndexDoc => ({
  id, title, text, note: '', outlet: null, language, publishedAt: '2026-11-20', importedAt: '2026-11-20T10:00:00Z', tags: [], themeIds: [],
});

function index(): SearchIndex {
  const ix = SearchIndex.empty();
  ix.add(doc(1, 'Streumunition an der Front', 'Der Einsatz von Streumunition wird kritisiert.'));
  ix.add(doc(2, 'Haushalt', 'Der Bundestag streitet über den Haushalt.'));
  ix.add(doc(3, 'Cluster munitions', 'The US will send cluster munitions.', 'en'));
  ix.add(doc(4, 'Neue Munition', 'Lieferung von Artilleriemunition.'));
  ix.add(doc(5, 'Kim Jong-un besucht Moskau', 'Nordkoreas Machthaber Kim Jong-un reiste nach Russland.'));
  return ix;
}

describe('saved-search alerts', () => {
  const searches = [
    { id: 10, query: 'Streumunition OR "cluster munitions"', strictUmlauts: false },
    { id: 11, query: 'Haushalt', strictUmlauts: false },
    { id: 12, query: 'Munition -Streumunition', strictUmlauts: false },
  ];

  test('only the newly imported articles are checked, old matches are not alerts', () => {
    const found = matchNewArticles(index(), searches, [3, 4]);
    expect(found.get(10)).toEqual([3]);
    expect(found.has(11)).toBe(false);
    // "munitions" (English) and the German compound part both count as Munition.
    expect(found.get(12)!.sort()).toEqual([3, 4]);
  });

  test('no new articles, no alerts; ids unknown to the index are ignored', () => {
    expect(matchNewArticles(index(), searches, []).size).toBe(0);
    expect(matchNewArticles(index(), searches, [99]).size).toBe(0);
  });

  test('a query that no longer parses matches nothing instead of failing the import', () => {
    const found = matchNewArticles(index(), [{ id: 1, query: '(kaputt', strictUmlauts: false }, searches[1]!], [2]);
    expect([...found.keys()]).toEqual([11]);
  });
});

describe('batch search', () => {
  test('a pasted list: one term per line, blanks, comments and repeats dropped', () => {
    expect(parseTermList('Scholz\n\n# Kommentar\r\nMerz\nscholz\n  Kim Jong-un  \n')).toEqual(['Scholz', 'Merz', 'Kim Jong-un']);
  });

  test('a CSV file: the first column, quoted cells included', () => {
    expect(parseTermList('"Kim, Jong-un",Nordkorea\nStreumunition;x\n\uFEFF', { csv: true })).toEqual(['Kim, Jong-un', 'Streumunition']);
  });

  test('a CSV header line (English or German) is a column title, not a term; the same word later is a term', () => {
    expect(parseTermList('\uFEFFName,Partei\nOlaf Scholz,SPD\nFriedrich Merz,CDU', { csv: true })).toEqual(['Olaf Scholz', 'Friedrich Merz']);
    expect(parseTermList('Suchbegriff;Notiz\nStreumunition;Ukraine\nOrte;x', { csv: true })).toEqual(['Streumunition', 'Orte']);
    expect(parseTermList('Name\nScholz'), 'a pasted list has no header').toEqual(['Name', 'Scholz']);
  });

  test('a plain name of several words is a phrase; a line with query syntax stays as written', () => {
    expect(termQuery('Kim Jong-un')).toBe('"Kim Jong-un"');
    expect(termQuery('Streumunition')).toBe('Streumunition');
    expect(termQuery('Scholz OR Merz')).toBe('Scholz OR Merz');
    expect(termQuery('title:Haushalt')).toBe('title:Haushalt');
  });

  test('counts per term, most hits first, a malformed line reported instead of failing the batch', () => {
    const rows = batchSearch(index(), ['Haushalt', 'Munition', 'Kim Jong-un', '(kaputt', 'Nirgendwo']);
    expect(rows.map((r) => [r.term, r.count])).toEqual([['Munition', 3], ['Haushalt', 1], ['Kim Jong-un', 1], ['(kaputt', 0], ['Nirgendwo', 0]]);
    expect(rows.find((r) => r.term === 'Munition')!.topIds.sort()).toEqual([1, 3, 4]);
    expect(rows.find((r) => r.term === '(kaputt')!.error).toMatch(/\S/);
  });
});
