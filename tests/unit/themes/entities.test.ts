// Entities: people, organisations and places in German and English news, with spellings unified.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { countEntities, extractEntities } from '../../../electron/themes/index.ts';
import { foldName } from '../../../electron/themes/entity-data.ts';
import { needsCorpora, randomText, seedFile } from '../../helpers.ts';

const names = (text: string, language: string): string[] => extractEntities(text, language).map((m) => m.name);
const kinds = (text: string, language: string): Record<string, string> =>
  Object.fromEntries(extractEntities(text, language).map((m) => [m.name, m.kind]));

describe.skipIf(!existsSync(seedFile))(`entities of the seed${needsCorpora}`, () => {
  const seed = existsSync(seedFile) ? readFileSync(seedFile, 'utf8') : '';
  test.each([
    ['Maria Sacharowa', 'person'], ['Donald Tusk', 'person'], ['Mark Rutte', 'person'], ['Kim Jong-un', 'person'],
    ['NATO', 'organisation'], ['DeepState', 'organisation'], ['Kursk', 'place'], ['Belgorod', 'place'], ['Nordkorea', 'place'],
  ])('finds %s (%s)', (name, kind) => {
    expect(kinds(seed, 'de')[name]).toBe(kind);
  });

  test('each mention points at its exact place in the text', () => {
    for (const m of extractEntities(seed, 'de')) expect(seed.slice(m.start, m.end).startsWith(m.name.split(' ')[0]!)).toBe(true);
  });

  test('common nouns at the start of a German sentence are not taken for names', () => {
    const found = names(seed, 'de');
    for (const word of ['Die', 'Diese', 'Laut', 'Besonders', 'Kämpfe', 'Soldaten', 'Zusätzlich']) expect(found).not.toContain(word);
  });
});

describe('spellings and forms', () => {
  test('Selenskyj, Zelensky and Zelenskyy are one person', () => {
    const keys = ['Präsident Wolodymyr Selenskyj sagte', 'President Zelensky said', 'Mr Zelenskyy said']
      .map((t, i) => extractEntities(t, i ? 'en' : 'de')[0]?.key);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeDefined();
  });

  test.each([
    ['Die Rolle Nordkoreas wächst.', 'de', 'north korea', 'Nordkorea'],
    ["Russia's army advanced.", 'en', 'russia', 'Russia'],
    ['NATO-Generalsekretär Mark Rutte warnte.', 'de', 'nato', 'NATO'],
    ['Die US-Militärhilfe wurde eingestellt.', 'de', 'united states', 'US'],
    ['Kämpfe in der Region Charkiw.', 'de', 'kharkiv', 'Charkiw'],
    ['Fighting near Kharkiv continued.', 'en', 'kharkiv', 'Kharkiv'],
  ])('"%s" (%s) names %s', (text, language, key, name) => {
    expect(extractEntities(text, language)).toEqual(expect.arrayContaining([expect.objectContaining({ key, name })]));
  });

  test('"Who" at the start of an English sentence is not the WHO', () => {
    expect(names('Who will pay? The WHO said it would.', 'en')).toEqual(['WHO']);
  });

  test('a bare surname later in the text counts for the full name', () => {
    const counted = countEntities(extractEntities('Premierminister Donald Tusk warnte. Tusk sagte auch, Polen sei bereit.', 'de'));
    expect(counted.find((e) => e.key === 'donald tusk')).toMatchObject({ name: 'Donald Tusk', count: 2, kind: 'person' });
  });

  test('English names are found from capitals mid-sentence, people told apart by their surname used alone', () => {
    const k = kinds('Shares in Time Warner rose. Analyst John Smithers said the deal helped. Smithers expects more.', 'en');
    expect(k['Time Warner']).toBe('organisation');
    expect(k['John Smithers']).toBe('person');
  });

  test('places are recognised after a place word', () => {
    expect(kinds('Angriffe im Gebiet Belgorod und in der Stadt Sumy.', 'de')).toMatchObject({ Belgorod: 'place', Sumy: 'place' });
  });
});

describe('name folding', () => {
  test('plain ASCII names (folded by a shortcut) fold as the full rule folds them', () => {
    const full = (s: string) => s.toLowerCase().replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
      .normalize('NFD').replace(/\p{M}/gu, '').replace(/[.'’]/g, '').replace(/[\s-]+/g, ' ').trim();
    const alphabet = [...'aZq09 .-\'’ÄöÜéß\u0301', 'Ab', 'US'];
    for (let seed = 1; seed <= 3000; seed++) {
      const s = randomText(alphabet, seed, 1 + (seed % 12));
      expect(foldName(s), s).toBe(full(s));
    }
  });
});
