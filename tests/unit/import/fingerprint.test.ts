// Duplicate keys: one exact hash per article body across formats, MinHash for near copies.
import { describe, expect, test } from 'vitest';
import { contentHash, lshBands, minhash, similarity } from '../../../electron/import/fingerprint.ts';

const ARTICLE = [
  'Die Gewerkschaft Deutscher Lokomotivführer hat für Donnerstag einen bundesweiten Streik im Personen- und Güterverkehr angekündigt.',
  'Reisende müssen sich auf massive Ausfälle einstellen; die Deutsche Bahn richtet einen Notfahrplan ein und bittet Fahrgäste, nicht notwendige Reisen zu verschieben.',
  'Nach Angaben der Gewerkschaft sind die Tarifverhandlungen über Arbeitszeitverkürzung und höhere Löhne gescheitert. Die Bahn nannte den Streik völlig überzogen.',
  'Pendler in Köln, Düsseldorf und Frankfurt werden besonders betroffen sein. Auch der Güterverkehr soll für mindestens 24 Stunden ruhen, teilte die Gewerkschaft mit.',
].join('\n\n');

describe('the exact-duplicate key', () => {
  test.each([
    ['case', ARTICLE.toUpperCase()],
    ['line breaks and spacing (PDF vs TXT)', ARTICLE.replace(/\n\n/g, ' ').replace(/ /g, '  ')],
    ['punctuation and quotes', ARTICLE.replace(/[.;,]/g, '').replace(/völlig überzogen/, '„völlig überzogen“')],
  ])('ignores %s', (_what, variant) => {
    expect(contentHash(variant)).toBe(contentHash(ARTICLE));
  });

  test('changes when a word changes', () => {
    expect(contentHash(ARTICLE.replace('Donnerstag', 'Freitag'))).not.toBe(contentHash(ARTICLE));
  });

  test('is SHA-256 hex', () => {
    expect(contentHash(ARTICLE)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('near duplicates', () => {
  const sig = minhash(ARTICLE);

  test('a signature is 64 unsigned 32-bit numbers, the same every time', () => {
    expect(sig).toHaveLength(64);
    expect(sig.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff)).toBe(true);
    expect(minhash(ARTICLE)).toEqual(sig);
  });

  test('a lightly edited copy is very similar and shares candidate bands', () => {
    const edited = minhash(ARTICLE.replace('für Donnerstag', 'für kommenden Donnerstag'));
    expect(similarity(sig, edited)).toBeGreaterThan(0.7);
    const bands = new Set(lshBands(sig));
    expect(lshBands(edited).some((b) => bands.has(b))).toBe(true);
  });

  test('a different article is not similar', () => {
    const other = minhash('Flood warnings have been issued for parts of Yorkshire and Cumbria after two days of heavy rain, the Environment Agency said on Tuesday. Rivers in York and Carlisle are expected to peak overnight.');
    expect(similarity(sig, other)).toBeLessThan(0.1);
  });

  test('the same text re-formatted is identical', () => {
    expect(similarity(sig, minhash(ARTICLE.toLowerCase().replace(/\n\n/g, '\n')))).toBe(1);
  });

  test('band keys: 16 distinct bands', () => {
    const bands = lshBands(sig);
    expect(bands).toHaveLength(16);
    expect(new Set(bands.map((b) => b.split(':')[0])).size).toBe(16);
  });

  test('very short texts still get a signature', () => {
    expect(similarity(minhash('Kurzer Text'), minhash('kurzer text!'))).toBe(1);
    expect(similarity(minhash('Kurzer Text'), minhash('Ganz anders'))).toBeLessThan(0.2);
  });
});
