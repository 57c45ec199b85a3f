// The entity scanner's char-by-char word finder against its oracle, the WORD regex: the same words, offsets and flags.
import { describe, expect, test } from 'vitest';
import { scanWords, scanWordsByRegex, upperCase } from '../../../electron/themes/entities.ts';
import { hasCorpora, needsCorpora, randomText, readCorpus } from '../../helpers.ts';

// Letters, digits, joiners, sentence ends and the odd cases: umlauts, ß, combining marks, non-ASCII digits and
// numbers (², ٣), Greek, İ, Cyrillic, CJK, typographic joiners the regex does not join on, no-break spaces.
const ALPHABET = [...'aZß9 0.,-\'’‐‑–ÄöÜéµ²¼ΣσςİıЖж中٣\u0301\u00a0\n!?;:•"()', 'Ab', 'US', 'x'];

describe('scanWords finds exactly what the WORD regex finds', () => {
  test.each([
    'Kim Jong-un sprach mit US-Militärhilfe über 40.000 Soldaten, 3,5 Prozent und F-16-Piloten.',
    "Don’t worry: the 16‐year‑old's £40,000 car. Mr. O'Neil ist 16-jährig; 3D 4K² x²y",
    'e\u0301cole \u0301a -a a- a-- a-\'b ’s 1a2b ٣a', '', ' ', '-', '9',
  ])('%j', (text) => {
    expect(scanWords(text)).toEqual(scanWordsByRegex(text));
  });

  test('random texts from a tricky alphabet', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(ALPHABET, seed, 200);
      expect(scanWords(text), text).toEqual(scanWordsByRegex(text));
    }
  });

  test.skipIf(!hasCorpora)(`German and English corpus articles${needsCorpora}`, () => {
    for (const a of [...readCorpus('gnad', 600), ...readCorpus('bbc', 600)]) expect(scanWords(a.text)).toEqual(scanWordsByRegex(a.text));
  });
});

test('a word is all capitals exactly when upper-casing leaves it unchanged', () => {
  for (let seed = 1; seed <= 3000; seed++) {
    const s = randomText([...'aZ9-\'ÄöÜßµéΣσİıЖж', 'US', 'Ab'], seed, 1 + (seed % 8));
    expect(upperCase(s), s).toBe(s === s.toUpperCase());
  }
});
