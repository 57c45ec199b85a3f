// Dates in German and English text and in metadata, normalized to ISO 8601.
import { describe, expect, test } from 'vitest';
import { findDate, toIsoDate } from '../../../electron/import/dates.ts';

describe('dates written in article text', () => {
  test.each([
    ['24. November 2026', '2026-11-24'],
    ['am 3. März 2025 in Wien', '2025-03-03'],
    ['Stand: 1. Jänner 2026', '2026-01-01'],
    ['24.11.2026', '2026-11-24'],
    ['Berlin, 05.01.2026, 14:30 Uhr', '2026-01-05'],
    ['24. Nov. 2026', '2026-11-24'],
    ['November 24, 2026', '2026-11-24'],
    ['Nov 24 2026', '2026-11-24'],
    ['24 November 2026', '2026-11-24'],
    ['3rd March 2026', '2026-03-03'],
    ['published 2026-11-24', '2026-11-24'],
  ])('%j -> %s', (text, iso) => {
    expect(findDate(text)?.iso).toBe(iso);
  });

  test.each([
    ['no year: am 9. Juni', 'am 9. Juni'],
    ['impossible day', '31. Februar 2026'],
    ['a score, not a date', 'Salzburg gewann 1:1 (1:0)'],
    ['a number with thousands dots', '40.000 Soldaten'],
  ])('%s -> nothing', (_what, text) => {
    expect(findDate(text)).toBeNull();
  });

  test('the earliest date in the text wins', () => {
    expect(findDate('Zuerst am 1.2.2026, dann am 3. März 2026')?.iso).toBe('2026-02-01');
  });
});

describe('dates from metadata keep their time and offset', () => {
  test.each([
    ['2015-07-24T05:36:09+01:00', '2015-07-24T05:36:09+01:00'],
    ['2019-01-03T07:00:02.000Z', '2019-01-03T07:00:02.000Z'],
    ['2026-11-24 10:05', '2026-11-24T10:05:00'],
    ['2026-11-24', '2026-11-24'],
    ['Tue, 17 Nov 2026 06:02:00 +0100', '2026-11-17T06:02:00+01:00'],
    ['Mon, 09 Apr 2018 18:55:38 GMT', '2018-04-09T18:55:38Z'],
    ['Sun, 22 Nov 2026 06:00:00 +0000', '2026-11-22T06:00:00Z'],
    ['Wed, 1 Jul 2020 9:05:00 EDT', '2020-07-01T09:05:00-04:00'],
    ["D:20261125032442Z'", '2026-11-25T03:24:42Z'],
    ["D:20261125032442+01'00'", '2026-11-25T03:24:42+01:00'],
    ['24. November 2026', '2026-11-24'],
    ['1700000000', '2023-11-14T22:13:20.000Z'],
  ])('%j -> %s', (value, iso) => {
    expect(toIsoDate(value)).toBe(iso);
  });

  test.each([[''], [null], [undefined], ['gestern'], ['2026-13-45']])('%j -> null', (value) => {
    expect(toIsoDate(value)).toBeNull();
  });
});
