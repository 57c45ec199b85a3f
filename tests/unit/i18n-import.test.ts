// Why a file failed, in the German UI: the import side's reasons worded in German (renderer/lib/i18n-import.ts),
// from real parses of bad files, and every phrase the import code can put into a reason has a German form.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fail } from '../../electron/import/failures.ts';
import { parseFile } from '../../electron/import/parse-file.ts';
import { importFailureMessage } from '../../renderer/lib/i18n-import.ts';
import { repoRoot } from '../helpers.ts';

async function failureOf(name: string, bytes: Uint8Array) {
  const [item] = await parseFile({ name, bytes });
  if (!item || !('error' in item)) throw new Error(`${name} was expected to fail`);
  return item.error;
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('import failures in the UI language', () => {
  test('a cut-off Word file, a PNG named .txt and an empty file read in German, with the file name', async () => {
    const zipHead = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
    const docx = await failureOf('bericht.docx', zipHead);
    expect(importFailureMessage('de', docx)).toBe('bericht.docx sieht aus wie ein Word-Dokument (DOCX), ist aber beschädigt oder '
      + 'unvollständig (die Datei ist abgeschnitten oder kein vollständiges Archiv) und konnte nicht gelesen werden. Öffnen Sie die '
      + 'Datei in ihrem eigenen Programm und speichern Sie sie neu.');
    const png = await failureOf('foto.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(importFailureMessage('de', png)).toMatch(/^foto\.txt ist ein PNG-Bild, kein Textdokument\. Dossier importiert reinen Text/);
    const empty = await failureOf('leer.txt', enc('  \n '));
    expect(importFailureMessage('de', empty)).toBe('leer.txt ist leer; es gibt nichts zu importieren.');
  });

  test('the English UI shows the import side’s own message', async () => {
    const e = await failureOf('leer.txt', enc(''));
    expect(importFailureMessage('en', e)).toBe(e.message);
    expect(e.message).toBe('leer.txt is empty; there is nothing to import.');
  });

  test('a library’s technical detail stays as it came, inside the German sentence', () => {
    const e = fail.corrupt('feed.xml', 'a news feed', 'Unexpected end of input').toData();
    expect(importFailureMessage('de', e)).toContain('sieht aus wie ein Newsfeed, ist aber beschädigt oder unvollständig (Unexpected end of input)');
  });

  test('a failure without a reason (an older report) keeps its English message', () => {
    expect(importFailureMessage('de', { message: 'x.txt could not be read.' })).toBe('x.txt could not be read.');
  });

  test('every failure reason and every phrase the import code puts into one has a German wording', () => {
    const samples = [
      fail.empty('a'), fail.noEntries('a'), fail.tooLarge('a', 300e6, 200e6), fail.binary('a'), fail.unsupported('a'),
      fail.scannedPdf('a'), fail.noArticle('a'), fail.encoding('a'), fail.timeout('a', 2.5), fail.readerFailed('a'),
      fail.crashed('a'), fail.unreadable('a'), fail.missing('a'), fail.folderUnreadable('a'), fail.internal('a', 'x'),
      fail.damaged('a', 'x'), fail.zipBomb('a', 'it holds 20000 files, more than the limit of 10000'),
    ];
    // The phrases are read from the import code itself, so a new one without German fails here.
    const dir = join(repoRoot, 'electron', 'import');
    const files = [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(join(dir, 'formats')).map((f) => join(dir, 'formats', f))]
      .filter((f) => f.endsWith('.ts'));
    const source = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const literals = (re: RegExp) => [...source.matchAll(re)].map((m) => m[1]!);
    const unsupported = [...literals(/fail\.unsupported\([^,]+, '([^']+)'\)/g), ...literals(/^\s*\[\(b\) => .*, '([^']+)'\],$/gm)];
    const kinds = [...literals(/fail\.corrupt\([^,]+, '([^']+)'/g), ...literals(/return '(a[n]? [^']+)';/g)];
    const empties = [...literals(/fail\.noText\([^,]+, '([^']+)'\)/g), ...literals(/what: '([^']+)'/g)];
    expect(unsupported.length).toBeGreaterThan(20);
    expect(kinds.length).toBeGreaterThan(8);
    expect(empties.length).toBeGreaterThan(6);
    samples.push(...unsupported.map((w) => fail.unsupported('a', w)), ...kinds.map((k) => fail.corrupt('a', k)),
      ...kinds.map((k) => fail.corrupt('a', k, 'the file is cut off')), ...empties.map((w) => fail.noText('a', w)));
    for (const e of samples) {
      const german = importFailureMessage('de', e.toData());
      expect(german, e.message).not.toBe(e.message);
      expect(german, e.message).not.toMatch(/\b(the|is|not|file|document)\b/);
    }
  });
});
