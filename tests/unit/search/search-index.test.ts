// The search index as a journalist uses it: German compounds, phrases, OR/NOT, fields, dates, strict
// umlauts, names and numbers, ranking, facets, and the seed briefing from the product brief.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SearchIndex, type IndexDoc } from '../../../electron/search/search-index.ts';
import { hasCorpora, needsCorpora, readCorpus, seedFile } from '../../helpers.ts';

let nextId = 1;
function doc(fields: Partial<IndexDoc> & { text: string }): IndexDoc {
  return { id: nextId++, title: '', note: '', outlet: null, language: 'de', publishedAt: null, importedAt: '2026-11-20T08:00:00Z',
    tags: [], themeIds: [], ...fields };
}
function build(docs: IndexDoc[]): SearchIndex {
  const idx = SearchIndex.empty();
  for (const d of docs) idx.add(d);
  return idx;
}
const NOW = new Date('2026-11-25T12:00:00Z');
const ids = (idx: SearchIndex, q: string, opts = {}) => idx.search(q, { now: NOW, ...opts }).hits.map((h) => h.id);

describe('German compounds', () => {
  const plain = doc({ text: 'Die Munition der Armee reicht nur noch für wenige Tage.' });
  const compound = doc({ title: 'Streumunition', text: 'Streumunition wurde eingesetzt. Streumunition ist geächtet. Wieder Streumunition.' });
  const rocket = doc({ text: 'Bei Raketenangriffen starben elf Zivilisten.' });
  const attack = doc({ text: 'Der Angriff wurde abgewehrt.' });
  const war = doc({ text: 'Der Angriffskrieg dauert an. Der Krieg ist grausam.' });
  const wall = doc({ text: 'Die Wandhalterung für den Fernseher hält. Eine Wand aus Beton.' });
  const ageing = doc({ text: 'Die Alterung der Bevölkerung schreitet voran.' });
  const legend = doc({ text: 'Eine Legende des Fußballs. Die Preise steigend, der Kreis schließt sich, die Anlage läuft.' });
  const council = doc({ text: 'Der Sicherheitsrat tagt. Die Sicherheit steht im Mittelpunkt. Ein Demokrat und eine Heirat.' });
  const tax = doc({ text: 'Die Einkommensteuer steigt, sagt das Einkommen-Ministerium.' });
  const english = doc({ language: 'en', text: 'Ammunition ran low; the counterattack failed.' });
  const idx = build([plain, compound, rocket, attack, war, wall, ageing, legend, council, tax, english]);

  test('a word finds the compounds containing it, ranked below whole-word matches', () => {
    expect(ids(idx, 'Munition')).toEqual([plain.id, compound.id]);
    const angriff = ids(idx, 'Angriff');
    expect(angriff[0]).toBe(attack.id);
    expect(new Set(angriff)).toEqual(new Set([attack.id, rocket.id, war.id]));
    expect(ids(idx, 'Steuer')).toEqual([tax.id]);
    expect(ids(idx, 'Rat')).toEqual([council.id]);
  });

  test('the query as understood says that compounds were searched too, in the UI language', () => {
    expect(idx.search('Munition', { now: NOW }).understood).toBe('Munition (also inside compound words, ranked lower)');
    expect(idx.search('Munition', { now: NOW, locale: 'de' }).understood).toBe('Munition (auch in zusammengesetzten Wörtern, weiter unten)');
  });

  test('a compound-only match says so in what it highlights: the part, not the whole word', () => {
    const hit = idx.search('Munition', { now: NOW }).hits.find((h) => h.id === compound.id)!;
    expect(hit.match.parts).toContainEqual({ key: 'streumunition', start: 5, end: 13 });
  });

  test.each([
    ['Alterung', [ageing.id], 'Wandhalterung is wand + halterung, not wandh + alterung'],
    ['Ende', [], 'Legende and steigend are no compounds of Ende'],
    ['Eis', [], 'Kreis and Preise hold no ice'],
    ['Lage', [], 'Anlage is a derivation, not a compound'],
  ])('wrong splits do not flood the results: %s', (q, expected, why) => {
    expect(ids(idx, q), why).toEqual(expected);
  });

  test('English articles are not searched for German compound parts', () => {
    expect(ids(idx, 'Munition')).not.toContain(english.id);
    expect(ids(idx, 'attack')).toEqual([]);
  });
});

describe('German compounds led by a word whose stem is shorter than the word', () => {
  // Snowball indexes "Regierung" as "regier" and "Sicherheit" as "sich", but a compound keeps the whole
  // modifier in its key ("regierungssprech"): the finder reads the rest of the word after the stem.
  const spokesman = doc({ text: 'Der Regierungssprecher sagte nichts. Ein Sprecher der Polizei schwieg.' });
  const partner = doc({ text: 'Der Regierungspartner zögert, ein Partner fehlt.' });
  const federal = doc({ text: 'Der Bundesregierungssprecher war verreist.' });
  const court = doc({ text: 'Das Verwaltungsgericht entschied, das Gericht tagt.' });
  const council = doc({ text: 'Der Sicherheitsrat tagt, der Rat berät.' });
  const housing = doc({ text: 'Der Wohnungsbau stockt, der Bau ruht.' });
  const jobless = doc({ text: 'Er ist arbeitslos und los geht es.' });
  const rulers = doc({ text: 'Die Regierungen streiten.' });
  const ballast = doc({ text: 'Der Ballast wiegt schwer, der Ast bricht.' });
  const fertile = doc({ text: 'Der Boden ist fruchtbar, die Bar hat offen.' });
  const fruit = doc({ text: 'Die Frucht reift.' });
  const idx = build([spokesman, partner, federal, court, council, housing, jobless, rulers, ballast, fertile, fruit]);

  test.each([
    ['Regierung', [rulers.id, spokesman.id, partner.id, federal.id]],
    ['Verwaltung', [court.id]],
    ['Sicherheit', [council.id]],
    ['Wohnung', [housing.id]],
  ])('%s finds the compounds it leads, below the word itself', (q, expected) => {
    const found = ids(idx, q);
    expect(found[0]).toBe(expected[0]);
    expect(new Set(found)).toEqual(new Set(expected));
  });

  test('an inflected query word leads the same compounds', () => {
    expect(new Set(ids(idx, 'Regierungen'))).toEqual(new Set(ids(idx, 'Regierung')));
    expect(ids(idx, 'Sicherheiten')).toEqual([council.id]);
  });

  test('the part marked is the whole word, not only its stem', () => {
    const hit = idx.search('Regierung', { now: NOW }).hits.find((h) => h.id === spokesman.id)!;
    expect(hit.match.parts).toContainEqual({ key: 'regierungssprech', start: 0, end: 9 });
  });

  test('a three-letter head counts only after a long word, and a derivational ending never', () => {
    expect(ids(idx, 'Ball'), 'Ballast is no ball').toEqual([]);
    expect(ids(idx, 'Frucht'), 'fruchtbar is a derivation').toEqual([fruit.id]);
    expect(ids(idx, 'Arbeit')).toEqual([]);
    expect(ids(idx, 'Bau')).toEqual([housing.id]);
  });
});

describe('German feminine forms', () => {
  const minister = doc({ text: 'Der Minister schwieg zu den Vorwürfen.' });
  const ministerin = doc({ text: 'Die Ministerin reiste nach Kiew.' });
  const plural = doc({ text: 'Die Ministerinnen der Länder tagten.' });
  const foreign = doc({ text: 'Die Außenministerin traf ihren Amtskollegen.' });
  const doctor = doc({ text: 'Die Ärztin behandelte elf Verletzte.' });
  const colleague = doc({ text: 'Eine Kollegin aus Wien half.' });
  const fuel = doc({ text: 'Benzin wird teurer, die Kantine schließt, sagt Martin.' });
  const teacher = doc({ text: 'Eine Lehrerin streikt.' });
  const teachers = doc({ text: 'Grundschullehrerinnen streiken.' });
  const starred = doc({ text: 'Die Lehrer*innen streiken.' });
  const idx = build([minister, ministerin, plural, foreign, doctor, colleague, fuel, teacher, teachers, starred]);

  test('a person noun finds its feminine forms too, in compounds as well, ranked below the word as typed', () => {
    const found = ids(idx, 'Minister');
    expect(found[0]).toBe(minister.id);
    expect(new Set(found)).toEqual(new Set([minister.id, ministerin.id, plural.id, foreign.id]));
    expect(found.at(-1)).toBe(foreign.id);
    expect(ids(idx, 'Arzt'), 'umlauts need no rule: Ärztin').toEqual([doctor.id]);
    expect(ids(idx, 'Kollege'), 'the e goes: Kollegin').toEqual([colleague.id]);
  });

  test('the query as understood says so, in the UI language', () => {
    expect(idx.search('Arzt', { now: NOW }).understood).toBe('Arzt (also its feminine forms in -in, -innen)');
    expect(idx.search('Minister', { now: NOW, locale: 'de' }).understood)
      .toBe('Minister (auch die weiblichen Formen auf -in, -innen und in zusammengesetzten Wörtern, weiter unten)');
    expect(idx.search('Ministerin', { now: NOW }).understood).not.toContain('feminine');
  });

  test('a feminine singular finds its plural and the other way round', () => {
    expect(new Set(ids(idx, 'Lehrerin'))).toEqual(new Set([teacher.id, teachers.id]));
    expect(new Set(ids(idx, 'Lehrerinnen'))).toEqual(new Set([teacher.id, teachers.id]));
  });

  test('a gender-inclusive spelling finds what the word finds', () => {
    const all = new Set([teacher.id, teachers.id, starred.id]);
    expect(new Set(ids(idx, 'Lehrer'))).toEqual(all);
    for (const q of ['Lehrer*innen', 'Lehrer:innen', 'Lehrer_innen', 'LehrerInnen']) expect(new Set(ids(idx, q)), q).toEqual(all);
  });

  test('words that only look like a feminine form are not one', () => {
    expect(ids(idx, 'Benz'), 'Benzin').toEqual([]);
    expect(ids(idx, 'Kant'), 'Kantine is indexed as kantin').toEqual([]);
    expect(ids(idx, 'Mart'), 'a name').toEqual([]);
  });
});

describe('German -s forms Snowball keeps apart', () => {
  const tariffs = doc({ text: 'Trumps Zölle treffen die europäische Autoindustrie.' });
  const ukraine = doc({ text: 'Selenskyjs Appell an den Westen, Kiews Bürgermeister und Moskaus Antwort.' });
  const photos = doc({ text: 'Die Fotos und Interviews zeigen die Partys der Saison.' });
  const corn = doc({ text: 'Der Mais wächst, der Reis auch.' });
  const idx = build([tariffs, ukraine, photos, corn]);

  test.each([
    ['Trump', [tariffs.id]],
    ['Selenskyj', [ukraine.id]],
    ['Kiew', [ukraine.id]],
    ['Moskau', [ukraine.id]],
    ['Foto', [photos.id]],
    ['Interview', [photos.id]],
    ['Party', [photos.id]],
  ])('%s finds its genitive or plural in -s', (q, expected) => {
    expect(ids(idx, q)).toEqual(expected);
  });

  test('a three-letter word does not: Mai is not Mais, Rei not Reis', () => {
    expect(ids(idx, 'Mai')).toEqual([]);
    expect(ids(idx, 'Rei')).toEqual([]);
  });

  test('the -s form is marked in the snippet', () => {
    const hit = idx.search('Trump', { now: NOW }).hits[0]!;
    expect(hit.match.keys).toContain('trumps');
  });
});

describe.skipIf(!hasCorpora)(`compounds and feminine forms over the German corpus${needsCorpora}`, () => {
  const articles = hasCorpora ? readCorpus('gnad') : [];
  const docs = articles.map((a) => doc({ text: a.text }));
  const idx = build(docs);
  const textOf = new Map(docs.map((d) => [d.id, d.text]));
  const hitsOf = (q: string) => idx.search(q, { now: NOW, limit: 5000 }).hits.map((h) => textOf.get(h.id)!);

  // Each query finds articles whose only form of the word is the new kind: strip those forms and the stem is gone.
  test.each([
    ['Regierung', /regier/i, /\bregierungs\p{L}+/giu],
    ['Sicherheit', /sicher/i, /\bsicherheits\p{L}+/giu],
    ['Minister', /minist/i, /\p{L}*ministerin\p{L}*/giu],
    ['Kanzler', /kanzl/i, /\p{L}*kanzlerin\p{L}*/giu],
  ])('%s: every article found holds the stem, and some only in a compound it leads or in a feminine form', (q, stem, only) => {
    const texts = hitsOf(q);
    for (const t of texts) expect(t).toMatch(stem);
    const onlyThere = texts.filter((t) => {
      const stripped = t.replace(only, '');
      return stripped !== t && !stem.test(stripped);
    });
    expect(onlyThere.length).toBeGreaterThan(0);
  });
});

describe('the query language against documents', () => {
  const kursk = doc({ title: 'Kämpfe in Kursk', text: 'Russische Truppen wehren in Kursk einen Angriff ab.', outlet: 'Der Standard',
    publishedAt: '2026-11-24', tags: ['Ukraine'], themeIds: ['t-war'] });
  const belgorod = doc({ title: 'Drohnenangriff auf Belgorod', text: 'Im Gebiet Belgorod starben drei Menschen, auch in Kursk.',
    outlet: 'Deutschlandfunk', publishedAt: '2026-11-10' });
  const cluster = doc({ title: 'Cluster munitions reported', text: 'Reports of cluster munitions used near Kursk. Munitions, cluster bombs.',
    language: 'en', outlet: 'BBC', publishedAt: '2026-10-01' });
  const scattered = doc({ title: 'Munitions', text: 'The munitions were found near a cluster of houses.', language: 'en', outlet: 'BBC', publishedAt: '2026-11-23' });
  const noted = doc({ title: 'Haushalt in Wien', text: 'Die Regierung streitet über den Haushalt.', note: 'Nachfragen: dröge Debatte, Quelle prüfen',
    publishedAt: null, importedAt: '2026-11-22T10:00:00Z' });
  const drug = doc({ title: 'Drogenfund', text: 'Die Polizei fand eine Droge im Wert von 40.000 Euro.' });
  const names = doc({ title: 'Kim Jong-un besucht Moskau', text: 'Kim Jong-un bietet F-16-Piloten nichts, aber 40,000 Soldaten.', language: 'en' });
  const idx = build([kursk, belgorod, cluster, scattered, noted, drug, names]);

  test('a compound part counts as a match, ranked after the whole word', () => {
    expect(ids(idx, 'Kursk Angriff')).toEqual([kursk.id, belgorod.id]);
  });

  test.each([
    ['Kursk OR Belgorod', [kursk.id, belgorod.id, cluster.id]],
    ['Kursk -Belgorod', [kursk.id, cluster.id]],
    ['Kursk NOT Belgorod', [kursk.id, cluster.id]],
    ['(Belgorod OR Haushalt) -Drohne*', [noted.id]],
    ['"cluster munitions"', [cluster.id]],
    ['"Kim Jong-un"', [names.id]],
    ['"Kim Jong Un"', [names.id]],
    ['Jong-un', [names.id]],
    ['F16', [names.id]],
    ['F-16', [names.id]],
    ['40000', [drug.id, names.id]],
    ['40.000', [drug.id, names.id]],
    ['"40,000 Soldaten"', [names.id]],
    ['title:Kursk', [kursk.id]],
    ['note:Quelle', [noted.id]],
    ['has:note', [noted.id]],
    ['outlet:standard', [kursk.id]],
    ['outlet:BBC munitions', [cluster.id, scattered.id]],
    ['lang:en Kursk', [cluster.id]],
    ['tag:ukraine', [kursk.id]],
    ['theme:t-war', [kursk.id]],
    ['Kursk since:7d', [kursk.id]],
    ['Kursk after:2026-11-01', [kursk.id, belgorod.id]],
    ['Kursk before:2026-11-01', [cluster.id]],
    ['Haushalt since:7d', [noted.id]],
    ['Kursk -lang:en', [kursk.id, belgorod.id]],
    ['nordkorea* OR Belg*', [belgorod.id]],
    ['Belgrod~', [belgorod.id]],
    ['Belgrod', []],
  ])('%s finds %j', (q, expected) => {
    expect(new Set(ids(idx, q))).toEqual(new Set(expected));
  });

  test('title matches rank above text matches; a phrase ranks the adjacent words first', () => {
    expect(ids(idx, 'Kursk')[0]).toBe(kursk.id);
    expect(ids(idx, 'Belgorod')[0]).toBe(belgorod.id);
    expect(ids(idx, 'cluster munitions')).toEqual([cluster.id, scattered.id]);
  });

  test('matches in notes are reported as note matches', () => {
    expect(idx.search('Nachfragen', { now: NOW }).hits[0]).toMatchObject({ id: noted.id, matchedIn: ['note'] });
  });

  test('strict umlauts: "=dröge" and the setting keep dröge and Droge apart', () => {
    expect(new Set(ids(idx, 'dröge'))).toEqual(new Set([noted.id, drug.id]));
    expect(ids(idx, '=dröge')).toEqual([noted.id]);
    expect(ids(idx, 'dröge', { strictUmlauts: true })).toEqual([noted.id]);
    expect(ids(idx, 'Droge', { strictUmlauts: true }).sort()).toEqual([noted.id, drug.id].sort());
  });

  test('filters alone list matching articles newest first; sort:date orders any search by date', () => {
    expect(ids(idx, 'outlet:BBC')).toEqual([scattered.id, cluster.id]);
    expect(ids(idx, 'Kursk sort:date')).toEqual([kursk.id, belgorod.id, cluster.id]);
    expect(ids(idx, 'Kursk', { sort: 'date' })).toEqual([kursk.id, belgorod.id, cluster.id]);
  });

  test('facets count outlets, languages, themes and months over all matches', () => {
    const { facets, total } = idx.search('Kursk', { now: NOW, facets: true, limit: 1 });
    expect(total).toBe(3);
    expect(facets!.outlet).toEqual([{ value: 'BBC', count: 1 }, { value: 'Der Standard', count: 1 }, { value: 'Deutschlandfunk', count: 1 }]);
    expect(facets!.language).toEqual([{ value: 'de', count: 2 }, { value: 'en', count: 1 }]);
    expect(facets!.theme).toEqual([{ value: 't-war', count: 1 }]);
    expect(facets!.month).toEqual([{ value: '2026-11', count: 2 }, { value: '2026-10', count: 1 }]);
  });

  test('paging returns the next hits and the same total', () => {
    const first = idx.search('Kursk', { now: NOW, limit: 2 });
    const second = idx.search('Kursk', { now: NOW, limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(ids(idx, 'Kursk'));
  });

  test('a query of common words only finds nothing and says why, without an error', () => {
    const r = idx.search('die the und', { now: NOW });
    expect(r.total).toBe(0);
    expect(r.understood).toMatch(/common words not searched: die, the, und/);
  });
});

describe('changing the index', () => {
  test('removing or re-adding a document changes what is found', () => {
    const a = doc({ text: 'Gütersloh meldet einen Rekord.' });
    const idx = build([a, doc({ text: 'Bielefeld meldet nichts.' })]);
    expect(ids(idx, 'Guetersloh')).toEqual([a.id]);
    idx.add({ ...a, text: 'Gütersloh meldet nichts mehr, dafür Paderborn.' });
    expect(ids(idx, 'Rekord')).toEqual([]);
    expect(ids(idx, 'Paderborn')).toEqual([a.id]);
    idx.remove(a.id);
    expect(ids(idx, 'Gutersloh')).toEqual([]);
    expect(idx.has(a.id)).toBe(false);
    expect(idx.size).toBe(1);
  });
});

describe.skipIf(!existsSync(seedFile))(`the seed briefing${needsCorpora}`, () => {
  const seed = doc({ title: 'Russland verstärkt Offensive', text: existsSync(seedFile) ? readFileSync(seedFile, 'utf8') : '' });
  const other = doc({ text: 'Der Angriff auf die Festung. Munition und Raketen.' });
  const idx = build([seed, other]);

  test.each([
    'Nordkorea', 'nordkoreanischen', 'Nordkoreas', 'aussenamtssprecherin', 'Außenamtssprecherin', 'Streumunition',
    'Raketenangriffen', '40000', '"Maria Sacharowa"', 'US-Militärhilfe', 'Militärhilfe', 'Rutte', 'NATO-Generalsekretär',
  ])('%s finds the seed', (q) => {
    expect(ids(idx, q)).toContain(seed.id);
  });

  test('"Munition" and "Angriff" find the seed through its compounds, below the article with the words themselves', () => {
    expect(ids(idx, 'Munition')).toEqual([other.id, seed.id]);
    expect(ids(idx, 'Angriff')[0]).toBe(other.id);
  });
});
