// Charset detection: BOMs, declared charsets, strict UTF-8, then detection for legacy 8-bit files.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { declaredCharset, decodeText } from '../../../electron/import/charset.ts';
import { corporaDir, fixturesDir, junkBytes, needsCorpora } from '../../helpers.ts';

const utf16 = (s: string, le: boolean, bom: boolean) => {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const c of s) out.push(...(le ? [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8] : [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));
  return new Uint8Array(out);
};
const GERMAN = 'Die Bürgermeisterin äußerte sich über die Straßenbahn in Köln und Düsseldorf: „Größere Züge“ – für 1,5 Mio. €.';

describe('German text comes out right in every encoding a newsroom uses', () => {
  test.each([
    ['UTF-8', new TextEncoder().encode(GERMAN), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(GERMAN)]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(GERMAN, true, true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(GERMAN, false, true), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(GERMAN, true, false), 'utf-16le'],
    ['Windows-1252', Buffer.from(GERMAN, 'latin1').map((b, i) => (GERMAN[i] === '„' ? 0x84 : GERMAN[i] === '“' ? 0x93 : GERMAN[i] === '–' ? 0x96 : GERMAN[i] === '€' ? 0x80 : b)), 'windows-1252'],
  ])('%s', (_name, bytes, charset) => {
    const decoded = decodeText(bytes, 'x.txt');
    expect(decoded.text).toBe(GERMAN);
    expect(decoded.charset).toBe(charset);
  });

  test('ISO-8859-1 umlauts without any Windows-only characters', () => {
    const latin1 = 'Größere Gemeinden fürchten höhere Kosten für die Übernahme der Betreuung in Nürnberg und Würzburg.';
    expect(decodeText(Buffer.from(latin1, 'latin1'), 'x.txt').text).toBe(latin1);
  });

  test('ISO-8859-15: the euro sign next to an amount', () => {
    const bytes = Buffer.from('Die Fahrkarte kostet künftig 49 ¤ im Monat, für Schüler weniger.', 'latin1');
    expect(decodeText(bytes, 'x.txt')).toMatchObject({ text: 'Die Fahrkarte kostet künftig 49 € im Monat, für Schüler weniger.', charset: 'iso-8859-15' });
  });

  test('the Windows-1252 fixture keeps €, „ “ and the en dash', () => {
    const { text } = decodeText(readFileSync(join(fixturesDir, 'import/wahlkampf-cp1252.txt')), 'w.txt');
    expect(text).toContain('München – Im bayerischen');
    expect(text).toContain('1,2 Milliarden €');
    expect(text).toContain('„geschönten Zahlen“');
  });

  test('a declared charset is used when the bytes are not UTF-8', () => {
    const html = '<meta charset="iso-8859-1"><p>Grüße aus Graz</p>';
    expect(declaredCharset(html)).toBe('iso-8859-1');
    expect(decodeText(Buffer.from(html, 'latin1'), 'x.html', 'iso-8859-1').text).toBe(html);
  });

  test('a wrong declaration does not spoil valid UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('Grüße'), 'x.html', 'iso-8859-1').text).toBe('Grüße');
  });

  test('UTF-8 is accepted and decoded exactly as a strict TextDecoder does it, and refused where it refuses', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const pieces = [[0x41], [0xc3, 0xa4], [0xe2, 0x80, 0x9e], [0xf0, 0x9f, 0x93, 0xb0], [0xc3], [0x80], [0xed, 0xa0, 0x80], [0xc0, 0xaf],
      [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x0a], [0x20]];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let i = 0; i < 2000; i++) {
      const bytes: number[] = [0x3c, 0x70, 0x3e];
      for (let j = next(12); j >= 0; j--) bytes.push(...pieces[next(i % 2 ? 4 : pieces.length)]!);
      const b = new Uint8Array(bytes);
      let expected: string | null = null;
      try { expected = strict.decode(b); } catch { /* not UTF-8 */ }
      let got: { text: string; charset: string } | null = null;
      try { got = decodeText(b, 'x.html'); } catch { /* refused outright */ }
      if (expected !== null) expect(got).toEqual({ text: expected, charset: 'utf-8' });
      else expect(got?.charset ?? null).not.toBe('utf-8');
    }
  });

  test('the XML declaration names the charset of a feed', () => {
    expect(declaredCharset('<?xml version="1.0" encoding="ISO-8859-15"?><rss/>')).toBe('iso-8859-15');
  });
});

describe('junk is refused, not stored as mojibake', () => {
  test.each([
    ['random bytes', junkBytes(4000)],
    ['text with NUL bytes', new Uint8Array([...new TextEncoder().encode('Hallo'), 0, 0, 0, ...new TextEncoder().encode('Welt')])],
  ])('%s -> import/binary', (_name, bytes) => {
    expect(() => decodeText(bytes, 'kaputt.txt')).toThrow(expect.objectContaining({ code: 'import/binary', message: expect.stringContaining('kaputt.txt') }));
  });
});

const encodings = join(corporaDir, 'encodings');
describe.skipIf(!existsSync(encodings))(`the encodings corpus${needsCorpora}`, () => {
  const files = existsSync(encodings) ? readdirSync(encodings) : [];
  test.each(files)('%s decodes with umlauts and without replacement characters', (file) => {
    const { text, charset } = decodeText(readFileSync(join(encodings, file)), file);
    expect(text).not.toContain('\uFFFD');
    expect(text).toMatch(/[äöüÄÖÜß]/);
    expect(text).not.toMatch(/Ã[¤¶¼]|[\u0080-\u009F]/);
    if (file.includes('utf16')) expect(charset).toMatch(/^utf-16/);
    else expect(charset).toMatch(/^(windows-1252|iso-8859-15?)$/);
  });
});
