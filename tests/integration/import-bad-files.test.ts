// Bad files of every format fail alone with a reason, filling the gaps of import-formats.test.ts: truncated
// mailboxes, feeds and saved pages, junk under each extension, oversized files of the remaining formats, and
// more files whose extension lies about what they are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFile, type ParsedItem, type ParseOptions } from '../../electron/import/parse-file.ts';
import { fixturesDir, junkBytes } from '../helpers.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, 'import', name)));
const enc = (s: string) => new TextEncoder().encode(s);
const half = (b: Uint8Array) => b.subarray(0, Math.floor(b.length / 2));
const errors = (items: ParsedItem[]) => items.flatMap((i) => ('error' in i ? [i.error] : []));
const formats = (items: ParsedItem[]) => items.flatMap((i) => ('draft' in i ? [i.draft.format] : []));

/** A page saved by a browser as MHTML: the HTML part of a multipart/related message. */
function mhtml(html: string): Uint8Array {
  return enc(['From: <Saved by Blink>', 'Snapshot-Content-Location: https://example.org/stadtrat', 'Subject: Stadtrat',
    'MIME-Version: 1.0', 'Content-Type: multipart/related; type="text/html"; boundary="B"', '', '--B',
    'Content-Type: text/html; charset=utf-8', 'Content-Location: https://example.org/stadtrat', '', html, '--B--', ''].join('\r\n'));
}

async function failure(name: string, bytes: Uint8Array, opts?: ParseOptions): Promise<{ code: string; message: string }> {
  const items = await parseFile({ name, bytes }, opts);
  expect(items, `${name} should be one failed item`).toHaveLength(1);
  const [error] = errors(items);
  expect(error, `${name} should fail`).toBeDefined();
  expect(error!.message).toContain(name);
  return error!;
}

describe('truncated files', () => {
  test('a saved page (MHTML) cut off before its article fails as a page without an article', async () => {
    const whole = mhtml(new TextDecoder().decode(fixture('seite.html')));
    expect(formats(await parseFile({ name: 'seite.mhtml', bytes: whole }))).toEqual(['html']);
    expect((await failure('seite.mhtml', half(whole))).code).toBe('import/no-article');
  });

  test('a truncated Atom feed is reported as damaged', async () => {
    expect((await failure('kaputt.atom', half(fixture('feed.atom')))).code).toBe('import/corrupt');
  });

  test('a truncated mailbox keeps the complete messages before the cut and stores nothing half-read', async () => {
    const bytes = fixture('briefe.mbox');
    const whole = await parseFile({ name: 'briefe.mbox', bytes });
    // Cut inside the second message's headers.
    const second = new TextDecoder().decode(bytes).indexOf('\nFrom ', 1);
    const cut = await parseFile({ name: 'briefe.mbox', bytes: bytes.subarray(0, second + 80) });
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.length).toBeLessThanOrEqual(whole.length);
    const first = (items: ParsedItem[]) => ('draft' in items[0]! ? items[0].draft.text : '');
    expect(first(cut)).toBe(first(whole));
  });
});

describe('junk under every extension is refused as binary, not stored as mojibake', () => {
  test.each(['mbox', 'atom', 'rss', 'json', 'eml', 'html', 'htm', 'mhtml', 'odt', 'zip', 'xml'])('junk.%s', async (ext) => {
    expect((await failure(`junk.${ext}`, junkBytes(3000, ext.length * 7))).code).toBe('import/binary');
  });
});

describe('oversized files of each remaining format are refused with the limit in the message', () => {
  test.each([
    ['Markdown', 'gross.md', () => fixture('klimabericht.md')],
    ['web page', 'gross.html', () => fixture('seite.html')],
    ['e-mail', 'gross.eml', () => fixture('newsletter-latin1.eml')],
    ['mailbox', 'gross.mbox', () => fixture('briefe.mbox')],
    ['ODT', 'gross.odt', () => fixture('ratsbericht.odt')],
    ['Atom feed', 'gross.atom', () => fixture('feed.atom')],
    ['JSON Feed', 'gross.json', () => fixture('feed.json')],
  ])('%s', async (_what, name, bytes) => {
    const error = await failure(name, bytes(), { maxBytes: 100 });
    expect(error.code).toBe('import/too-large');
    expect(error.message).toMatch(/more than the 1 KB limit/);
  });
});

describe('more mislabelled files are read by what they contain', () => {
  test.each([
    ['an e-mail named .txt', 'mail.txt', () => fixture('newsletter-latin1.eml'), 'email'],
    ['a mailbox named .txt', 'briefe.txt', () => fixture('briefe.mbox'), 'email'],
    ['an ODT named .docx', 'bericht.docx', () => fixture('ratsbericht.odt'), 'odt'],
    ['an RSS feed named .html', 'feed.html', () => fixture('feed.rss'), 'feed'],
    ['a web page named .eml', 'seite.eml', () => fixture('seite.html'), 'html'],
  ])('%s', async (_what, name, bytes, format) => {
    const items = await parseFile({ name, bytes: bytes() });
    expect(errors(items)).toEqual([]);
    expect(new Set(formats(items))).toEqual(new Set([format]));
  });

  test('a zip named .txt is unpacked as an archive', async () => {
    const items = await parseFile({ name: 'archiv.txt', bytes: fixture('archiv.zip') });
    expect(items.every((i) => i.name.startsWith('archiv.txt/'))).toBe(true);
    expect(formats(items).length).toBeGreaterThan(1);
  });
});

describe('empty files of the remaining formats', () => {
  test.each(['leer.mhtml', 'leer.atom', 'leer.htm', 'leer.xml'])('%s -> import/empty', async (name) => {
    expect((await failure(name, new Uint8Array())).code).toBe('import/empty');
  });
});
