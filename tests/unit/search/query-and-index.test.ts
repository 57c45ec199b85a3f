// Ranking, snippets and persistence of the search index over small in-memory documents (the parser has query.test.ts).
import { describe, expect, test } from 'vitest';
import { SearchIndex, type IndexDoc } from '../../../electron/search/search-index.ts';
import { makeSnippets } from '../../../electron/search/snippets.ts';

const doc = (id: number, title: string, text: string, language = 'de', note = ''): IndexDoc => ({
  id, title, text, note, language, outlet: null, publishedAt: null, importedAt: '2026-11-24T08:00:00Z', tags: [], themeIds: [],
});

const docs = [
  doc(1, 'Kämpfe in Kursk', 'Russische Truppen wehren in Kursk einen Angriff ab. Nordkoreanische Soldaten kämpfen mit.'),
  doc(2, 'Drohnenangriff auf Belgorod', 'Im russischen Gebiet Belgorod starben drei Menschen. Die Ukraine bestreitet den Angriff.'),
  doc(3, 'Cluster munitions reported', 'Reports of cluster munitions used near Kursk alarm aid groups.', 'en'),
  doc(4, 'Haushalt in Wien', 'Die Regierung streitet über den Haushalt.', 'de', 'Droge und dröge: Nachfragen bei Kursk-Experten'),
  doc(5, 'Gütersloh meldet Rekord', 'Die Stadt Gütersloh meldet einen Rekord bei der Straße nach Bielefeld.'),
];

function index(): SearchIndex {
  const idx = SearchIndex.empty();
  docs.forEach((d) => idx.add(d));
  return idx;
}
const ids = (idx: SearchIndex, q: string, opts = {}) => idx.search(q, opts).hits.map((h) => h.id);

describe('searching', () => {
  const idx = index();

  test('all words must match', () => {
    expect(ids(idx, 'Kursk Angriff')).toEqual([1]);
  });

  test('a title match ranks above a text match', () => {
    expect(ids(idx, 'Belgorod')[0]).toBe(2);
    expect(ids(idx, 'Kursk')[0]).toBe(1);
  });

  test('OR, exclusion and phrases', () => {
    expect(ids(idx, 'Belgorod OR Gütersloh').sort()).toEqual([2, 5]);
    expect(ids(idx, 'Kursk -Nordkoreanische').sort()).toEqual([3, 4]);
    expect(ids(idx, '"cluster munitions"')).toEqual([3]);
  });

  test('German inflections and umlaut spellings find each other', () => {
    expect(ids(idx, 'nordkoreanischen')).toEqual([1]);
    expect(ids(idx, 'Guetersloh')).toEqual([5]);
    expect(ids(idx, 'Strasse')).toEqual([5]);
  });

  test('notes are searched and reported as note matches', () => {
    const hit = idx.search('Nachfragen').hits[0]!;
    expect(hit).toMatchObject({ id: 4, matchedIn: ['note'] });
  });

  test('strict umlauts: "=dröge" does not match "Droge"', () => {
    const strict = new Set([...ids(idx, '=dröge')]);
    expect(strict).toEqual(new Set([4]));
    const withDrogeOnly = SearchIndex.empty();
    withDrogeOnly.add(doc(9, 'Drogenfund', 'Die Polizei fand eine Droge.'));
    expect(ids(withDrogeOnly, 'dröge')).toEqual([9]);
    expect(ids(withDrogeOnly, '=dröge')).toEqual([]);
    expect(ids(withDrogeOnly, 'dröge', { strictUmlauts: true })).toEqual([]);
  });

  test('removing a document removes it from results', () => {
    const i2 = index();
    i2.remove(5);
    expect(ids(i2, 'Gütersloh')).toEqual([]);
    expect(i2.has(5)).toBe(false);
    expect(i2.size).toBe(4);
  });
});

describe('snippets', () => {
  test('highlight exactly the matched words, around umlauts and emoji', () => {
    const idx = SearchIndex.empty();
    const text = '🚀🚀 Die Außenamtssprecherin äußerte sich. Später sprach die Außenamtssprecherin erneut über Nordkoreas Rolle.';
    idx.add(doc(1, 'Titel', text));
    const hit = idx.search('aussenamtssprecherin').hits[0]!;
    const [snippet] = makeSnippets({ title: 'Titel', text, note: '' }, hit);
    const marked = snippet!.highlights.map(([a, b]) => snippet!.text.slice(a, b));
    expect(marked).toEqual(['Außenamtssprecherin', 'Außenamtssprecherin']);
  });

  test('a long text is cut around the match with ellipses', () => {
    const idx = SearchIndex.empty();
    const text = `${'Vorher ist nichts passiert. '.repeat(40)}Dann kam der Angriff auf Belgorod. ${'Danach blieb es ruhig. '.repeat(40)}`;
    idx.add(doc(1, 'Titel', text));
    const [snippet] = makeSnippets({ title: 'Titel', text, note: '' }, idx.search('Belgorod').hits[0]!);
    expect(snippet!.text.startsWith('… ')).toBe(true);
    expect(snippet!.text.endsWith(' …')).toBe(true);
    expect(snippet!.text.length).toBeLessThan(240);
    expect(snippet!.highlights.map(([a, b]) => snippet!.text.slice(a, b))).toEqual(['Belgorod']);
  });
});

describe('snippet layout', () => {
  test('a heading does not run into the paragraph after it', () => {
    const idx = SearchIndex.empty();
    const text = 'Erster Absatz über etwas anderes.\n\nKämpfe und Verluste in Kursk\n\nIn der westrussischen Region Kursk hat es neue Kämpfe gegeben.';
    idx.add(doc(1, 'Titel', text));
    const [snippet] = makeSnippets({ title: 'Titel', text, note: '' }, idx.search('Kursk').hits[0]!);
    expect(snippet!.text).toContain('Kämpfe und Verluste in Kursk — In der westrussischen Region Kursk');
    expect(snippet!.highlights.map(([a, b]) => snippet!.text.slice(a, b))).toEqual(['Kursk', 'Kursk']);
  });
});
