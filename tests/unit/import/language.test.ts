// Language detection: function words for the common European languages, franc-min for the rest.
import { describe, expect, test } from 'vitest';
import { detectLanguage, languageTag } from '../../../electron/import/language.ts';
import { hasCorpora, needsCorpora, readCorpus } from '../../helpers.ts';

describe('the language of an article', () => {
  test.each([
    ['de', 'Die Bundesregierung hat sich nach langen Verhandlungen auf einen Haushalt für das kommende Jahr geeinigt.'],
    ['en', 'The government has agreed a budget for next year after weeks of talks with the opposition.'],
    ['fr', 'Les députés ont adopté à une large majorité le projet de loi sur le renseignement défendu par le gouvernement.'],
    ['es', 'El Gobierno ha aprobado los presupuestos para el próximo año tras semanas de negociaciones con la oposición.'],
    ['it', 'Il governo ha approvato la legge di bilancio per il prossimo anno dopo settimane di trattative con i sindacati.'],
    ['nl', 'De regering heeft na weken van onderhandelingen een akkoord bereikt over de begroting voor het komende jaar.'],
    ['pl', 'Rząd przyjął budżet na przyszły rok po tygodniach negocjacji z opozycją i związkami zawodowymi w Warszawie.'],
    ['ru', 'Правительство утвердило бюджет на следующий год после нескольких недель переговоров с оппозицией.'],
    ['de', 'Streik bei der Bahn'],
    ['en', 'Rail strike in the north'],
    ['und', '12345 !!!'],
    ['und', ''],
  ])('%s: %j', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  test('a long text is judged on a bounded sample of its opening', () => {
    const long = `${'Die Regierung und die Opposition streiten über den Haushalt, der bald beschlossen werden soll. '.repeat(20)}${'x'.repeat(200_000)}`;
    expect(detectLanguage(long)).toBe('de');
  });

  test.each([['de-AT', 'de'], ['en_US', 'en'], ['EN', 'en'], ['x', null], [null, null]])('declared %j -> %j', (tag, lang) => {
    expect(languageTag(tag)).toBe(lang);
  });
});

describe.skipIf(!hasCorpora)(`corpus articles keep their language${needsCorpora}`, () => {
  test.each([['gnad', 'de'], ['bbc', 'en']] as const)('every %s article is %s', (corpus, lang) => {
    const wrong = readCorpus(corpus).filter((a) => detectLanguage(a.text) !== lang).map((a) => a.id);
    expect(wrong).toEqual([]);
  });
});
