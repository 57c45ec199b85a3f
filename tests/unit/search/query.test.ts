// The query language as a user types it: what each query is understood as, and a helpful message (never a
// crash) for anything malformed.
import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../electron/search/query.ts';
import { describeQuery } from '../../../electron/search/query-describe.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const understood = (q: string) => describeQuery(parseQuery(q, NOW));
const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe('the query parser understands', () => {
  test.each([
    ['Kursk Angriff', 'all of: Kursk, Angriff'],
    ['Kursk AND Angriff', 'all of: Kursk, Angriff'],
    ['"cluster munitions"', '"cluster munitions"'],
    ['„Kim Jong-un“', '"Kim Jong-un"'],
    ['Streumunition OR "cluster munitions"', 'any of: Streumunition | "cluster munitions"'],
    ['Streumunition ODER Clustermunition', 'any of: Streumunition | Clustermunition'],
    ['Kursk -Belgorod', 'Kursk; without: Belgorod'],
    ['Kursk NOT Belgorod', 'Kursk; without: Belgorod'],
    ['(Kursk OR Belgorod) Angriff -Drohne', 'all of: (any of: Kursk | Belgorod), Angriff; without: Drohne'],
    ['nordkorea*', 'nordkorea*'],
    ['Selenskyj~', 'Selenskyj (up to 1 typo)'],
    ['Selenskyj~2', 'Selenskyj (up to 2 typos)'],
    ['=dröge', 'dröge (umlauts exact)'],
    ['title:Kursk', 'Kursk in the title'],
    ['titel:"Kim Jong-un"', '"Kim Jong-un" in the title'],
    ['note:Quelle', 'Quelle in your note'],
    ['outlet:"Der Standard" lang:de', 'all of: from outlet "Der Standard", in German'],
    ['lang:english tag:ukraine theme:t1', 'all of: in English, tagged ukraine, in theme t1'],
    ['has:note Kursk', 'all of: with a note, Kursk'],
    ['Kursk since:7d', 'all of: Kursk, in the last 7 days'],
    ['after:2026-11-01 before:2026-12-01', 'all of: after 2026-11-01, before 2026-12-01'],
    ['Kursk sort:date', 'Kursk, newest first'],
    ['F-16 Kampfjet', 'all of: F-16, Kampfjet'],
    ['Kursk - Belgorod', 'all of: Kursk, Belgorod'],
    ['https://example.org', 'https://example.org'],
    ['Lehrer*innen', 'Lehrer'],
    ['Lehrer:innen Streik', 'all of: Lehrer, Streik'],
    ['Lehrer_innen', 'Lehrer'],
    ['LehrerInnen', 'Lehrer'],
    ['Ärzt*in', 'Ärzt'],
    ['title:Schüler*innen', 'Schüler in the title'],
    ['LinkedIn', 'LinkedIn'],
  ])('%s as: %s', (q, expected) => {
    expect(understood(q)).toBe(expected);
  });

  test.each([
    ['Nordkorea Kursk', 'alle von: Nordkorea, Kursk'],
    ['Streumunition OR "cluster munitions"', 'eines von: Streumunition | "cluster munitions"'],
    ['Ukraine -Russland', 'Ukraine; ohne: Russland'],
    ['Selenskyj~2', 'Selenskyj (bis zu 2 Tippfehler)'],
    ['=dröge', 'dröge (Umlaute exakt)'],
    ['title:Kursk note:Quelle', 'alle von: Kursk im Titel, Quelle in Ihrer Notiz'],
    ['outlet:"Der Standard" lang:en', 'alle von: aus dem Medium „Der Standard“, auf Englisch'],
    ['Kursk since:7d', 'alle von: Kursk, in den letzten 7 Tagen'],
    ['Kursk since:1w', 'alle von: Kursk, in der letzten Woche'],
    ['after:2026-11-01 before:2026-12-01 sort:date', 'alle von: nach 2026-11-01, vor 2026-12-01, neueste zuerst'],
  ])('in the German interface, %s reads: %s', (q, expected) => {
    expect(describeQuery(parseQuery(q, NOW), 'de')).toBe(expected);
  });

  test('dates become day ranges: after/before exclude the day named, since counts back from now', () => {
    expect(parseQuery('after:2026-11-01', NOW).root).toMatchObject({ type: 'date', from: day('2026-11-02'), to: null });
    expect(parseQuery('before:2026-11-01', NOW).root).toMatchObject({ type: 'date', from: null, to: day('2026-11-01') });
    expect(parseQuery('since:7d', NOW).root).toMatchObject({ type: 'date', from: day('2026-11-19'), to: null });
    expect(parseQuery('since:2w', NOW).root).toMatchObject({ from: day('2026-11-12') });
    expect(parseQuery('after:2026-10', NOW).root).toMatchObject({ from: day('2026-11-01') });
  });

  test('word modifiers are read off the word', () => {
    expect(parseQuery('=dröge nord* Selensky~2', NOW).root).toEqual({ type: 'and', children: [
      { type: 'word', text: 'dröge', prefix: false, fuzzy: 0, strict: true, field: null },
      { type: 'word', text: 'nord', prefix: true, fuzzy: 0, strict: false, field: null },
      { type: 'word', text: 'Selensky', prefix: false, fuzzy: 2, strict: false, field: null },
    ] });
  });

  test('an empty query or only options searches nothing yet, without an error', () => {
    expect(parseQuery('   ', NOW).root).toBeNull();
    expect(parseQuery('sort:date', NOW)).toEqual({ root: null, sort: 'date' });
  });
});

describe('malformed queries get a message saying what to do', () => {
  test.each([
    ['"Kim Jong-un', /quotation mark is not closed/],
    ['Kursk OR', /OR needs something on both sides/],
    ['OR Kursk', /OR needs something on both sides/],
    ['Kursk OR OR Belgorod', /OR needs something on both sides/],
    ['(Kursk OR Belgorod', /bracket "\(" is not closed/],
    ['Kursk)', /"\)" without a matching "\("/],
    ['()', /Empty brackets/],
    ['Kursk -', /needs the word to leave out/],
    ['NOT', /needs the word to leave out/],
    ['Kursk AND', /AND needs something on both sides/],
    ['title:', /title: needs a value/],
    ['outlet:', /outlet: needs a value/],
    ['after:yesterday', /year-month-day, like after:2026-11-01/],
    ['before:2026-02-30', /year-month-day/],
    ['since:7x', /since:7d, since:2w/],
    ['lang:klingonisch', /language code such as lang:de/],
    ['has:foto', /has:note/],
    ['sort:alphabet', /sort:date/],
    ['a*', /at least two letters/],
    ['*', /needs the start of a word/],
    ['Selenskyj~3', /1 or 2 typos/],
    ['nord*~', /prefix\) or ~ \(typos\), not both/],
    ['nord*korea', /at the end of a word only/],
    ['=', /"=" needs a word/],
    ['((((((((((((((((((Kursk))))))))))))))))))', /nests brackets too deeply/],
    ['x'.repeat(2001), /too long/],
  ])('%s', (q, message) => {
    expect(() => parseQuery(q, NOW)).toThrowError(expect.objectContaining({ code: 'search/bad-query', message: expect.stringMatching(message) }));
  });

  test('random junk never throws anything but a DossierError with a message', () => {
    const alphabet = ['a', 'ö', ' ', '"', '„', '“', '(', ')', '-', '*', '~', '=', ':', 'OR', 'NOT', 'AND', 'title:', 'since:', '2', '7d', '🚀', '|'];
    let seed = 42;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    for (let i = 0; i < 3000; i++) {
      const q = Array.from({ length: 1 + rand(12) }, () => alphabet[rand(alphabet.length)]).join(rand(2) ? ' ' : '');
      try {
        describeQuery(parseQuery(q, NOW));
      } catch (e) {
        expect(e, q).toMatchObject({ code: 'search/bad-query', message: expect.stringMatching(/\w{3,}/) });
      }
    }
  });
});
