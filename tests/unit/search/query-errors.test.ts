// A malformed query gets a message in the UI's language: the parser sends a reason code with params, the
// renderer's tables word it in English (the very text the CLI prints) and in German.
import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../electron/search/query.ts';
import { SearchIndex } from '../../../electron/search/search-index.ts';
import { QUERY_ERRORS, type QueryErrorDetails, type QueryErrorReason } from '../../../electron/search/query-errors.ts';
import { messages, queryErrorMessage } from '../../../renderer/lib/i18n.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

function errorOf(q: string): { message: string; details: QueryErrorDetails } {
  try {
    parseQuery(q, NOW);
  } catch (e) {
    return e as { message: string; details: QueryErrorDetails };
  }
  throw new Error(`"${q.slice(0, 40)}" parsed without an error`);
}

// [query, reason, German message it must read as]
const CASES: Array<[string, QueryErrorReason, RegExp]> = [
  ['"Kim Jong-un', 'unclosed-quote', /^Ein Anführungszeichen ist nicht geschlossen\./],
  ['„Kim Jong-un', 'unclosed-quote', /Anführungszeichen ist nicht geschlossen/],
  ['Kursk)', 'unmatched-close', /^Da steht ein "\)" ohne passendes "\("/],
  ['((((((((((((((((((Kursk))))))))))))))))))', 'too-deep', /zu viele Klammern/],
  ['Kursk OR', 'or-sides', /^OR braucht auf beiden Seiten etwas/],
  ['Kursk ODER', 'or-sides', /^ODER braucht auf beiden Seiten etwas: Streumunition ODER/],
  ['| Kursk', 'or-sides', /^"\|" braucht auf beiden Seiten etwas/],
  ['Kursk AND', 'and-sides', /^AND braucht auf beiden Seiten etwas/],
  ['Kursk UND', 'and-sides', /^UND braucht auf beiden Seiten etwas: Kursk UND Angriff/],
  ['Kursk -', 'not-needs-word', /^"-" braucht das auszuschließende Wort direkt dahinter/],
  ['NICHT', 'not-needs-word', /^NICHT braucht das auszuschließende Wort/],
  ['(Kursk OR Belgorod', 'unclosed-bracket', /^Eine Klammer "\(" ist nicht geschlossen/],
  ['()', 'empty-brackets', /^Leere Klammern "\(\)"/],
  ['outlet:', 'field-needs-value', /^outlet: braucht direkt nach dem Doppelpunkt einen Wert, etwa outlet:"Der Standard"\.$/],
  ['quelle:', 'field-needs-value', /^quelle: braucht direkt nach dem Doppelpunkt einen Wert/],
  ['titel:(Kursk Angriff)', 'text-field-one-word', /^titel: nimmt ein Wort oder eine "Wortfolge"; für mehrere Wörter schreiben Sie titel:Kursk titel:Angriff\.$/],
  ['outlet:(Spiegel Zeit)', 'field-one-value', /^outlet: nimmt genau einen Wert, etwa outlet:"Der Standard"\.$/],
  ['sort:alphabet', 'sort-value', /^sort: kennt sort:date \(neueste zuerst\) und sort:relevance\.$/],
  ['since:7x', 'since-value', /^since: nimmt eine Zahl von Tagen, Wochen, Monaten oder Jahren oder ein Datum: since:7d/],
  ['seit:gestern', 'since-value', /^seit: nimmt eine Zahl .* seit:7d, seit:2w/],
  ['after:yesterday', 'date-value', /^after: braucht ein Datum in der Form Jahr-Monat-Tag, etwa after:2026-11-01\.$/],
  ['nach:2026-02-30', 'date-value', /^nach: braucht ein Datum in der Form Jahr-Monat-Tag, etwa nach:2026-11-01\.$/],
  ['before:11/2026', 'date-value', /^before: braucht ein Datum/],
  ['has:foto', 'has-value', /^has: versteht has:notiz/],
  ['lang:klingonisch', 'lang-value', /^lang: nimmt ein Sprachkürzel wie lang:de oder lang:en\.$/],
  ['Selenskyj~3', 'fuzzy-range', /^Die unscharfe Suche erlaubt 1 oder 2 Tippfehler: Selenskyj~ oder Selenskyj~2\.$/],
  ['nord*korea', 'star-inside', /^"\*" wirkt nur am Ende eines Wortes, .*: nordkorea\*\.$/],
  ['nord*~', 'prefix-and-fuzzy', /nicht auf beides: nord\* oder nord~\.$/],
  ['*', 'star-alone', /^"\*" braucht davor den Anfang eines Wortes/],
  ['=', 'equals-alone', /^"=" braucht direkt dahinter ein Wort/],
  ['~', 'tilde-alone', /^"~" braucht direkt davor ein Wort/],
  ['a*', 'prefix-too-short', /mindestens zwei Buchstaben vor "\*": a…\* träfe fast alles\.$/],
  ['x'.repeat(2001), 'too-long', /^Die Suche ist zu lang \(über 2\.000 Zeichen\)/],
];

describe('query parser messages in English and German', () => {
  test.each(CASES)('%s → %s', (q, reason, german) => {
    const e = errorOf(q);
    expect(e).toMatchObject({ code: 'search/bad-query', details: { reason } });
    // The English table in the renderer words it exactly as the parser does for the CLI.
    expect(queryErrorMessage('en', e)).toBe(e.message);
    const de = queryErrorMessage('de', e);
    expect(de).toMatch(german);
    expect(de).not.toBe(e.message);
    expect(de).not.toMatch(/\{\w+\}/);
  });

  test('every reason the parser can give is covered above and has the same text and slots in both tables', () => {
    const reasons = Object.keys(QUERY_ERRORS) as QueryErrorReason[];
    expect(new Set(CASES.map((c) => c[1]))).toEqual(new Set(reasons.filter((r) => r !== 'unreadable')));
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const r of reasons) {
      const key = `queryError.${r}` as keyof typeof messages.en;
      expect(messages.en[key], r).toBe(QUERY_ERRORS[r]);
      expect(slots(messages.de[key] as string), r).toEqual(slots(QUERY_ERRORS[r]));
    }
  });

  test('the search index passes the reason on, and an error without one keeps its own message', () => {
    expect(() => SearchIndex.empty().search('Kursk -')).toThrowError(expect.objectContaining({ details: expect.objectContaining({ reason: 'not-needs-word' }) }));
    expect(queryErrorMessage('de', { message: 'Something else.' })).toBe('Something else.');
    expect(queryErrorMessage('de', { message: 'Something else.', details: { reason: 'no-such-reason' } })).toBe('Something else.');
  });
});
