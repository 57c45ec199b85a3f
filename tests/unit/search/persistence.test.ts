// Saving and loading the index: the same answers after a round trip, and a stale or damaged file is
// reported as such (so the Library rebuilds it), never loaded half-way and never a crash.
import { describe, expect, test } from 'vitest';
import { ANALYZER_VERSION } from '../../../electron/search/analyze.ts';
import { SearchIndex, type IndexDoc } from '../../../electron/search/search-index.ts';

const doc = (id: number, title: string, text: string, extra: Partial<IndexDoc> = {}): IndexDoc => ({
  id, title, text, note: '', outlet: null, language: 'de', publishedAt: null, importedAt: '2026-11-24T08:00:00Z', tags: [], themeIds: [], ...extra,
});

function sample(): SearchIndex {
  const idx = SearchIndex.empty();
  idx.add(doc(1, 'Kämpfe in Kursk', 'Russische Truppen wehren in Kursk einen Angriff ab.', { outlet: 'Der Standard', tags: ['Ukraine'], themeIds: ['t1'] }));
  idx.add(doc(2, 'Drohnenangriff auf Belgorod', 'Im Gebiet Belgorod starben drei Menschen.', { publishedAt: '2026-11-10' }));
  idx.add(doc(3, 'Cluster munitions', 'Reports of cluster munitions near Kursk.', { language: 'en' }));
  idx.add(doc(4, 'Haushalt', 'Die Regierung streitet über Streumunition.', { note: 'Nachfragen: dröge Debatte' }));
  idx.add(doc(5, 'Gütersloh meldet Rekord', 'Die Stadt Gütersloh an der Straße nach Bielefeld.'));
  return idx;
}
const QUERIES = ['Kursk', 'Guetersloh', 'Nachfragen', '"cluster munitions"', 'Munition', 'Angriff', 'Belg*', 'Belgrod~', '=dröge',
  'outlet:standard', 'tag:ukraine', 'theme:t1', 'has:note', 'before:2026-11-11', 'Kursk -Belgorod'];
const answers = (idx: SearchIndex) => QUERIES.map((q) => idx.search(q).hits.map((h) => [h.id, h.score.toFixed(6), h.matchedIn.join()]));

describe('saving and loading', () => {
  test('a loaded index answers every kind of query exactly as before, and carries its last change id', () => {
    const idx = sample();
    const { index, meta } = SearchIndex.deserialize(idx.serialize({ lastChangeId: 42 }));
    expect(meta.lastChangeId).toBe(42);
    expect(index.size).toBe(5);
    expect(answers(index)).toEqual(answers(idx));
  });

  test('a loaded index keeps taking changes and saves them again', () => {
    const { index } = SearchIndex.deserialize(sample().serialize({ lastChangeId: 1 }));
    index.add(doc(6, 'Neu: Paderborn', 'Paderborn meldet Streumunition.'));
    index.remove(1);
    const again = SearchIndex.deserialize(index.serialize({ lastChangeId: 2 })).index;
    for (const idx of [index, again]) {
      expect(idx.search('Paderborn').hits.map((h) => h.id)).toEqual([6]);
      expect(idx.search('Kursk').hits.map((h) => h.id)).toEqual([3]);
      expect(idx.has(1)).toBe(false);
    }
  });

  test('removed articles are dropped for good when saving, and the file shrinks', () => {
    const idx = SearchIndex.empty();
    for (let i = 1; i <= 200; i++) idx.add(doc(i, `Artikel ${i}`, `Bericht Nummer ${i} über Kursk und Belgorod, Wort${i}.`));
    const full = idx.serialize({ lastChangeId: 1 }).length;
    for (let i = 1; i <= 150; i++) idx.remove(i);
    const small = idx.serialize({ lastChangeId: 2 });
    expect(small.length).toBeLessThan(full / 2);
    const loaded = SearchIndex.deserialize(small).index;
    expect(loaded.size).toBe(50);
    expect(loaded.search('Kursk', { limit: 100 }).hits.map((h) => h.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 151));
    expect(loaded.search('Wort7').total).toBe(0);
    expect(loaded.search('Wort170').hits.map((h) => h.id)).toEqual([170]);
  });
});

describe('stale and damaged files', () => {
  const good = sample().serialize({ lastChangeId: 1 });
  const code = (data: Uint8Array | string) => {
    try {
      SearchIndex.deserialize(data);
      return 'loaded';
    } catch (e) {
      return (e as { code?: string }).code;
    }
  };
  const patched = (from: string, to: string) => {
    const text = new TextDecoder('latin1').decode(good);
    expect(text).toContain(from);
    return Uint8Array.from(text.replace(from, to), (c) => c.charCodeAt(0));
  };

  test.each([
    ['another analyzer version', () => patched(`"analyzerVersion":${ANALYZER_VERSION},`, `"analyzerVersion":${ANALYZER_VERSION + 1},`), 'search/index-stale'],
    ['another file format', () => patched('dossier-index/2', 'dossier-index/9'), 'search/index-stale'],
    ['a JSON index of an earlier version', () => new TextEncoder().encode('{"format":"dossier-index/1","index":{}}'), 'search/index-stale'],
    ['a cut-off file', () => good.slice(0, Math.floor(good.length / 2)), 'search/index-corrupt'],
    ['one flipped byte', () => { const b = good.slice(); b[b.length - 40]! ^= 0xff; return b; }, 'search/index-corrupt'],
    ['an empty file', () => new Uint8Array(0), 'search/index-corrupt'],
    ['binary junk', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff), 'search/index-corrupt'],
    ['the bytes read as text', () => new TextDecoder().decode(good), 'search/index-corrupt'],
  ])('%s is reported, not loaded', (_, make, expected) => {
    expect(code(make())).toBe(expected);
  });

  test('a good file loads from a Buffer slice that does not start on an 8-byte boundary', () => {
    const padded = new Uint8Array(good.length + 3);
    padded.set(good, 3);
    expect(code(padded.subarray(3))).toBe('loaded');
  });
});
