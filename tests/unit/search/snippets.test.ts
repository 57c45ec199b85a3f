// Snippets as a reader sees them: exactly the matched words (or compound parts, or phrases) marked, with
// offsets that stay right around umlauts, ß and emoji.
import { describe, expect, test } from 'vitest';
import { SearchIndex, type IndexDoc } from '../../../electron/search/search-index.ts';
import { makeSnippets } from '../../../electron/search/snippets.ts';

function marked(title: string, text: string, query: string, opts: { language?: string; note?: string; strictUmlauts?: boolean } = {}) {
  const d: IndexDoc = { id: 1, title, text, note: opts.note ?? '', outlet: null, language: opts.language ?? 'de', publishedAt: null,
    importedAt: '2026-11-24T08:00:00Z', tags: [], themeIds: [] };
  const idx = SearchIndex.empty();
  idx.add(d);
  idx.add({ ...d, id: 2, title: 'Anderes', text: 'Wand und Angriff, Munition und Alter.', note: '' });
  const hit = idx.search(query, { strictUmlauts: opts.strictUmlauts }).hits.find((h) => h.id === 1);
  if (!hit) return null;
  return makeSnippets(d, hit).map((s) => ({ field: s.field, marks: s.highlights.map(([a, b]) => s.text.slice(a, b)) }));
}

describe('highlights', () => {
  test.each([
    ['a word behind emoji and umlauts', '🚀👩‍👩‍👧 Die Außenamtssprecherin äußerte sich über Nordkoreas Rolle.', 'aussenamtssprecherin', ['Außenamtssprecherin']],
    ['inflected forms', 'Nordkoreanische Soldaten, nordkoreanischen Truppen, Nordkoreas Führung.', 'nordkoreanisch', ['Nordkoreanische', 'nordkoreanischen']],
    ['the compound part only', 'Mindestens elf Zivilisten starben bei Raketenangriffen. Auch Streumunition wurde gefunden.', 'Angriff', ['angriffen']],
    ['the head of a compound', 'Auch Streumunition wurde gefunden.', 'Munition', ['munition']],
    ['a modifier at the start', 'Der Angriffskrieg dauert an; der Krieg ist grausam.', 'Angriff', ['Angriff']],
    ['a modifier longer than its stem', 'Der Regierungssprecher schwieg, ein Sprecher nicht.', 'Regierung', ['Regierung']],
    ['a feminine form', 'Die Ministerin und der Minister.', 'Minister', ['Ministerin', 'Minister']],
    ['a genitive in -s', 'Trumps Zölle und Trump selbst.', 'Trump', ['Trumps', 'Trump']],
    ['a whole phrase as one mark', 'Kim Jong-un traf Putin. Kim sprach, Jong-un schwieg.', '"Kim Jong-un"', ['Kim Jong-un']],
    ['a hyphenated piece', 'Die US-Militärhilfe läuft aus.', 'Militärhilfe', ['Militärhilfe']],
    ['a number in two spellings', 'Erst 40.000, dann 40,000 und 40000 Soldaten.', '40000', ['40.000', '40,000', '40000']],
    ['ß and ss alike', 'Die Straße und die Strasse.', 'Strasse', ['Straße', 'Strasse']],
    ['only the umlaut spelling in strict mode', 'Dröge Reden über Droge und Drogen.', '=dröge', ['Dröge']],
  ])('%s', (_, text, query, expected) => {
    const snippets = marked('Titel', text, query)!;
    expect(snippets.find((s) => s.field === 'text')!.marks).toEqual(expected);
  });

  test('a match in the title is shown with the title, one in the note as a note snippet', () => {
    const snippets = marked('Gütersloh meldet Rekord', 'Ein Text über Bielefeld.', 'Guetersloh')!;
    expect(snippets[0]).toEqual({ field: 'title', marks: ['Gütersloh'] });
    const noted = marked('Titel', 'Ein Text.', 'Nachfragen', { note: 'Nachfragen bei der Pressestelle 🚀 Nachfragen!' })!;
    expect(noted.find((s) => s.field === 'note')).toEqual({ field: 'note', marks: ['Nachfragen', 'Nachfragen'] });
  });

  test('English text is analyzed as English: "warnings" marks "warning" and "warned" too', () => {
    const snippets = marked('Title', 'A warning was issued; warnings followed.', 'warnings', { language: 'en' })!;
    expect(snippets.find((s) => s.field === 'text')!.marks).toEqual(['warning', 'warnings']);
  });
});
