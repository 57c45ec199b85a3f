// Every import format end to end through parseFile: small fixtures (always), the real corpora in
// ../shared/corpora (skipped with a reason when absent), and bad files of each format failing alone.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { ArticleDraft } from '../../electron/article.ts';
import { htmlFragmentBlocks } from '../../electron/import/light-dom.ts';
import { contentHash } from '../../electron/import/fingerprint.ts';
import { parseFile, type ParsedItem, type ParseOptions } from '../../electron/import/parse-file.ts';
import { corporaDir, fixturesDir, junkBytes, needsCorpora } from '../helpers.ts';
import { buildDocx, buildScannedPdf, buildTextPdf, buildZip } from '../unit/import/builders.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, 'import', name)));
const enc = (s: string) => new TextEncoder().encode(s);

async function drafts(name: string, bytes: Uint8Array, opts?: ParseOptions): Promise<ArticleDraft[]> {
  const items = await parseFile({ name, bytes }, opts);
  const failed = items.filter((i) => 'error' in i);
  expect(failed, `${name} should import`).toEqual([]);
  return items.map((i) => (i as { draft: ArticleDraft }).draft);
}

async function one(name: string, bytes: Uint8Array): Promise<ArticleDraft> {
  const all = await drafts(name, bytes);
  expect(all).toHaveLength(1);
  return all[0]!;
}

async function failure(name: string, bytes: Uint8Array, opts?: ParseOptions): Promise<{ code: string; message: string }> {
  const items = await parseFile({ name, bytes }, opts);
  expect(items).toHaveLength(1);
  const item = items[0]!;
  expect('error' in item, `${name} should fail`).toBe(true);
  const { error } = item as Extract<ParsedItem, { error: unknown }>;
  expect(error.message).toContain(name);
  return error;
}

function sectionsPointAtHeadings(d: ArticleDraft): void {
  for (const s of d.sections) expect(d.text.slice(s.start, s.start + s.heading.length)).toBe(s.heading);
}

describe('each format imports with its text and metadata (fixtures)', () => {
  test('a Windows-1252 text file keeps its umlauts, euro sign and quotes', async () => {
    const d = await one('wahlkampf-cp1252.txt', fixture('wahlkampf-cp1252.txt'));
    expect(d).toMatchObject({ format: 'text', language: 'de', title: 'Wahlkampf in Bayern: Parteien streiten über Kosten' });
    expect(d.text).toContain('1,2 Milliarden €, die Opposition spricht von „geschönten Zahlen“.');
    expect(d.text).not.toMatch(/[\uFFFD\u0080-\u009F]/);
  });

  test('a UTF-16 text file with BOM', async () => {
    const text = 'Stürmische Böen über Norddeutschland\n\nDer Deutsche Wetterdienst warnt vor Orkanböen an der Nordseeküste. Fährverbindungen zu den Inseln fallen aus.';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const d = await one('wetter.txt', bytes);
    expect(d).toMatchObject({ title: 'Stürmische Böen über Norddeutschland', language: 'de' });
    expect(d.text.startsWith('Der Deutsche Wetterdienst')).toBe(true);
  });

  test('a text file with a title, a short byline and a dateline: each taken, the dateline\'s place kept', async () => {
    const d = await one('dateline.txt', fixture('dateline.txt'));
    expect(d).toMatchObject({ title: 'Bahnbrücke über die Elbe bleibt gesperrt', byline: 'Jana Roth', publishedAt: '2026-12-02', language: 'de' });
    expect(d.text.startsWith('Dresden, 2. Dezember 2026\n\nDie Eisenbahnbrücke')).toBe(true);
  });

  test('a hard-wrapped text file gets whole paragraphs', async () => {
    const d = await one('hard-wrapped.txt', fixture('hard-wrapped.txt'));
    expect(d).toMatchObject({ title: 'Ferry service to Heligoland suspended after storm damage', language: 'en' });
    expect(d.text.split('\n\n')).toHaveLength(2);
  });

  test('Markdown: "# " is the title, "##" are sections, the markup is gone', async () => {
    const d = await one('klimabericht.md', fixture('klimabericht.md'));
    expect(d).toMatchObject({ format: 'markdown', title: 'Hitzewelle setzt Landwirten in Brandenburg zu', byline: 'Anna Berger', publishedAt: '2026-07-14', language: 'de' });
    expect(d.sections.map((s) => s.heading)).toEqual(['Wasser wird knapp', 'Was die Politik plant']);
    sectionsPointAtHeadings(d);
    expect(d.text).not.toMatch(/[*#`[\]]|\(https?:/);
    expect(d.text).toContain('Nach Angaben des Landesbauernverbands drohen');
    expect(d.citedOutlets).toEqual(['rbb24', 'Märkische Allgemeine']);
  });

  test('a saved web page: the article without navigation, scripts or footer, metadata from meta tags', async () => {
    const d = await one('seite.html', fixture('seite.html'));
    expect(d).toMatchObject({
      format: 'html', title: 'Stadtrat beschließt Radwegenetz', byline: 'Miriam Schulte', outlet: 'Kölner Lokalblatt',
      publishedAt: '2026-11-24T18:05:00+01:00', language: 'de', links: ['https://lokalblatt.example.de/koeln/radwege'],
    });
    expect(d.sections.map((s) => s.heading)).toEqual(['Kritik vom Einzelhandel']);
    sectionsPointAtHeadings(d);
    expect(d.text).not.toMatch(/tracking|Impressum|Abo|Stadtrat beschließt Radwegenetz/);
    expect(d.text.startsWith('Der Kölner Stadtrat hat am Dienstagabend')).toBe(true);
  });

  test('a saved web page as MHTML', async () => {
    const html = '<html><head><title>Brücke gesperrt</title></head><body><article><h1>Brücke gesperrt</h1><p>Die Rheinbrücke bei Leverkusen bleibt nach einem Unfall bis auf Weiteres für Lastwagen gesperrt, teilte die Autobahn GmbH mit.</p><p>Pendler sollen auf die Kölner Brücken ausweichen.</p></article></body></html>';
    const mhtml = `From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.de/bruecke\r\nSubject: =?utf-8?Q?Br=C3=BCcke_gesperrt?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n--B\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(html).toString('base64')}\r\n--B--\r\n`;
    const d = await one('bruecke.mhtml', enc(mhtml));
    expect(d).toMatchObject({ format: 'html', title: 'Brücke gesperrt', links: ['https://example.de/bruecke'] });
    expect(d.text).toContain('Die Rheinbrücke bei Leverkusen');
  });

  test('an e-mail newsletter: subject, sender as outlet, date, decoded umlauts, no footer or tracking', async () => {
    const d = await one('newsletter-latin1.eml', fixture('newsletter-latin1.eml'));
    expect(d).toMatchObject({ format: 'email', title: 'Gletscher in Tirol schmelzen schneller', outlet: 'Alpenpost', publishedAt: '2026-11-23T06:30:00+01:00', language: 'de' });
    expect(d.text).toContain('Österreichischen Alpenvereins');
    expect(d.text).not.toMatch(/abbestellen|Impressum|Vorschau|Alpenpost/);
  });

  test('an mbox becomes one article per message', async () => {
    const items = await parseFile({ name: 'briefe.mbox', bytes: fixture('briefe.mbox') });
    expect(items.map((i) => i.name)).toEqual(['briefe.mbox#1', 'briefe.mbox#2']);
    const [a, b] = items.map((i) => (i as { draft: ArticleDraft }).draft);
    expect(a).toMatchObject({ title: 'Hafenstreik in Rotterdam', outlet: 'Hafenbrief', publishedAt: '2026-11-23T06:00:00+01:00' });
    expect(a!.text).toContain('From the harbour master');
    expect(b).toMatchObject({ title: 'Lotsen einigen sich mit Hafenbetrieb', fileName: 'briefe.mbox#2' });
  });

  test('an RSS feed: one article per item, content:encoded preferred, links kept', async () => {
    const [a, b] = await drafts('feed.rss', fixture('feed.rss'));
    expect(a).toMatchObject({
      format: 'feed', fileName: 'feed.rss#1', title: 'Bahn streicht Nachtzüge nach Paris', byline: 'Jonas Weber', outlet: 'Morgenlage',
      publishedAt: '2026-11-24T06:15:00+01:00', language: 'de', links: ['https://morgenlage.example.de/bahn-nachtzug'],
      citedOutlets: ['Süddeutsche Zeitung'],
    });
    expect(a!.text).not.toContain('Kurzfassung');
    expect(a!.sections.map((s) => s.heading)).toEqual(['Fahrgastverband kritisiert Entscheidung']);
    sectionsPointAtHeadings(a!);
    expect(b).toMatchObject({ title: 'Flood barriers raised in Hamburg', language: 'en', publishedAt: '2026-11-23T18:00:00Z' });
    expect(b!.text).not.toContain('<p>');
  });

  test('an Atom feed: HTML in titles is stripped, only the article link is kept', async () => {
    const [a] = await drafts('feed.atom', fixture('feed.atom'));
    expect(a).toMatchObject({ title: 'Ceasefire talks resume in Cairo', byline: 'Sam Reed', outlet: 'World Desk', links: ['https://desk.example.com/cairo-talks'], language: 'en' });
  });

  test('a JSON Feed: items with text import, an item with only a headline fails alone', async () => {
    const items = await parseFile({ name: 'feed.json', bytes: fixture('feed.json') });
    expect(items.map((i) => i.name)).toEqual(['feed.json#1', 'feed.json#2', 'feed.json#3']);
    expect(items[0]).toMatchObject({ draft: { title: 'U5 fährt ab Herbst 2027 fahrerlos', byline: 'Petra Huber', outlet: 'Nachrichten aus Wien', publishedAt: '2026-11-20T09:30:00+01:00' } });
    expect(items[1]).toMatchObject({ draft: { links: ['https://wien.example.at/2026/11/christkindlmarkt', 'https://www.wien.gv.at/maerkte'] } });
    expect(items[2]).toMatchObject({ error: { code: 'import/empty', message: expect.stringContaining('feed.json#3') } });
  });

  test('a PDF: title from the large type, byline line, words and umlauts intact', async () => {
    const d = await one('brueckensperre.pdf', fixture('brueckensperre.pdf'));
    expect(d).toMatchObject({ format: 'pdf', title: 'Brückensperre in Dresden verlängert', byline: 'Lea Hoffmann', language: 'de' });
    expect(d.text.split('\n\n')).toHaveLength(2);
    expect(d.text).toContain('Gutachter haben an weiteren Spannbetonträgern Risse festgestellt');
  });

  test('a Word document: heading styles give title and sections, the byline line gives author and outlet', async () => {
    const d = await one('stahlgipfel.docx', fixture('stahlgipfel.docx'));
    expect(d).toMatchObject({ format: 'docx', title: 'Stahlgipfel im Kanzleramt bleibt ohne Ergebnis', byline: 'Tobias Krämer', outlet: 'Rheinische Nachrichten' });
    expect(d.sections.map((s) => s.heading)).toEqual(['Gewerkschaft warnt vor Stellenabbau']);
    sectionsPointAtHeadings(d);
  });

  test('an OpenDocument text', async () => {
    const d = await one('ratsbericht.odt', fixture('ratsbericht.odt'));
    expect(d).toMatchObject({ format: 'odt', title: 'Gemeinderat vertagt Entscheidung über Hallenbad', byline: 'Karin Lechner', language: 'de' });
    expect(d.sections.map((s) => s.heading)).toEqual(['Opposition fordert Neubau']);
    sectionsPointAtHeadings(d);
  });

  test('a zip archive: every entry imports under "archive/inner/path", system files are skipped', async () => {
    const items = await parseFile({ name: 'archiv.zip', bytes: fixture('archiv.zip') });
    expect(items.map((i) => i.name).sort()).toEqual([
      'archiv.zip/artikel/klimabericht.md', 'archiv.zip/artikel/wahlkampf-cp1252.txt',
      'archiv.zip/feeds/feed.json#1', 'archiv.zip/feeds/feed.json#2', 'archiv.zip/feeds/feed.json#3',
    ]);
    const md = items.find((i) => i.name.endsWith('.md')) as { draft: ArticleDraft };
    expect(md.draft).toMatchObject({ format: 'markdown', fileName: 'archiv.zip/artikel/klimabericht.md' });
  });
});

describe('bad files fail alone with a clear reason', () => {
  const half = (b: Uint8Array) => b.subarray(0, Math.floor(b.length / 2));
  const zeros = new Uint8Array(8 * 1024 * 1024);

  test.each([
    ['truncated PDF', 'kaputt.pdf', () => half(fixture('brueckensperre.pdf')), 'import/corrupt'],
    ['PDF header over junk', 'kaputt.pdf', () => new Uint8Array([...enc('%PDF-1.7\n'), ...junkBytes(3000)]), 'import/corrupt'],
    ['scanned PDF without text layer', 'scan.pdf', () => buildScannedPdf(), 'import/scanned-pdf'],
    ['truncated DOCX', 'kaputt.docx', () => half(fixture('stahlgipfel.docx')), 'import/corrupt'],
    ['DOCX full of junk', 'kaputt.docx', () => junkBytes(5000), 'import/binary'],
    ['truncated ODT', 'kaputt.odt', () => half(fixture('ratsbericht.odt')), 'import/corrupt'],
    ['truncated zip', 'kaputt.zip', () => half(fixture('archiv.zip')), 'import/corrupt'],
    ['truncated RSS', 'kaputt.rss', () => half(fixture('feed.rss')), 'import/corrupt'],
    ['truncated JSON Feed', 'kaputt.json', () => half(fixture('feed.json')), 'import/corrupt'],
    ['feed without entries', 'leer.rss', () => enc('<?xml version="1.0"?><rss version="2.0"><channel><title>X</title></channel></rss>'), 'import/empty'],
    ['e-mail cut off before its body', 'kaputt.eml', () => fixture('newsletter-latin1.eml').subarray(0, 300), 'import/empty'],
    ['web page cut off before its article', 'kaputt.html', () => fixture('seite.html').subarray(0, 700), 'import/no-article'],
    ['web page with only navigation', 'menu.html', () => enc('<html><body><nav><a href="/">Start</a> <a href="/p">Politik</a></nav><script>track()</script></body></html>'), 'import/no-article'],
    ['binary junk named .txt', 'kaputt.txt', () => junkBytes(4000), 'import/binary'],
    ['binary junk named .md', 'kaputt.md', () => junkBytes(4000, 11), 'import/binary'],
    ['symbols without letters', 'zahlen.txt', () => enc('0101 1101 ||| ### 4711 ==> 0815 <<< 9999 +++ '.repeat(20)), 'import/binary'],
    ['a PNG picture named .txt', 'notiz.txt', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...junkBytes(200)]), 'import/unsupported'],
    ['a JPEG named .pdf', 'scan.pdf', () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...junkBytes(200)]), 'import/unsupported'],
    ['an old .doc file', 'alt.doc', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...junkBytes(200)]), 'import/unsupported'],
    ['JSON that is not a feed', 'daten.json', () => enc('{"temperatur": 21}'), 'import/unsupported'],
    ['XML that is not a feed', 'daten.xml', () => enc('<?xml version="1.0"?><config><a>1</a></config>'), 'import/unsupported'],
  ])('%s -> %s', async (_what, name, bytes, code) => {
    expect((await failure(name, bytes())).code).toBe(code);
  });

  test.each(['leer.txt', 'leer.md', 'leer.html', 'leer.pdf', 'leer.docx', 'leer.odt', 'leer.eml', 'leer.mbox', 'leer.rss', 'leer.json', 'leer.zip'])(
    'empty file %s -> import/empty', async (name) => {
      expect((await failure(name, new Uint8Array())).code).toBe('import/empty');
    });

  test('a file of only blank lines is empty', async () => {
    expect((await failure('leer.txt', enc(' \r\n\r\n\t'))).code).toBe('import/empty');
  });

  test.each([
    ['text', 'gross.txt', () => enc('Ein Satz über die Stadt. '.repeat(100))],
    ['PDF', 'gross.pdf', () => fixture('brueckensperre.pdf')],
    ['DOCX', 'gross.docx', () => fixture('stahlgipfel.docx')],
    ['zip', 'gross.zip', () => fixture('archiv.zip')],
    ['feed', 'gross.rss', () => fixture('feed.rss')],
  ])('an oversized %s file is refused with the limit in the message', async (_what, name, bytes) => {
    const error = await failure(name, bytes(), { maxBytes: 1000 });
    expect(error.code).toBe('import/too-large');
    expect(error.message).toMatch(/limit/);
  });

  test('a zip that would unpack beyond the limit is a zip bomb, refused before unpacking', async () => {
    const error = await failure('bombe.zip', zipSync({ 'nullen.txt': zeros }), { maxArchiveBytes: 4 * 1024 * 1024 });
    expect(error).toMatchObject({ code: 'import/zip-bomb', message: expect.stringContaining('4 MB') });
  });

  test('a zip whose header lies about the unpacked size is caught while unpacking', async () => {
    const zip = zipSync({ 'nullen.txt': zeros });
    // Rewrite the central directory's uncompressed size to 100 bytes.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let p = zip.length - 22; p >= 0; p--) {
      if (view.getUint32(p, true) === 0x02014b50) {
        view.setUint32(p + 24, 100, true);
        break;
      }
    }
    expect((await failure('luege.zip', zip)).code).toBe('import/zip-bomb');
  });

  test('a zip with more files than allowed is refused', async () => {
    const many = buildZip(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`notiz-${i}.txt`, `Notiz ${i}`])));
    expect((await failure('viele.zip', many, { maxArchiveEntries: 10 })).code).toBe('import/zip-bomb');
  });

  test('archives nested too deeply fail, the outer archive does not crash', async () => {
    const deep = buildZip({ 'b.zip': buildZip({ 'c.zip': buildZip({ 'd.zip': buildZip({ 'e.txt': 'Tief verschachtelt, aber ein richtiger Satz.' }) }) }) });
    const items = await parseFile({ name: 'tief.zip', bytes: deep });
    expect(items).toEqual([{ name: 'tief.zip/b.zip/c.zip/d.zip', error: expect.objectContaining({ code: 'import/zip-bomb' }) }]);
  });

  test('one bad entry in a zip fails alone, the others import', async () => {
    const zip = buildZip({ 'gut.txt': 'Der Landtag hat das Schulgesetz beschlossen. Die Opposition stimmte dagegen.', 'kaputt.pdf': enc('%PDF-1.4 kaputt') });
    const items = await parseFile({ name: 'gemischt.zip', bytes: zip });
    expect(items).toEqual([
      expect.objectContaining({ name: 'gemischt.zip/gut.txt', draft: expect.objectContaining({ format: 'text' }) }),
      expect.objectContaining({ name: 'gemischt.zip/kaputt.pdf', error: expect.objectContaining({ code: 'import/corrupt' }) }),
    ]);
  });

  test('an entity bomb in a feed is not expanded', async () => {
    const entities = '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">';
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${entities}]><rss version="2.0"><channel><title>X</title><item><title>T</title><description>Bombe: &d;&d;&d;&d;&d;&d;&d;&d;</description></item></channel></rss>`;
    const items = await parseFile({ name: 'bombe.rss', bytes: enc(xml) });
    const text = items.map((i) => ('draft' in i ? i.draft.text : '')).join('');
    expect(text.length).toBeLessThan(10_000);
  });
});

describe('mislabelled files are read by what they contain', () => {
  test.each([
    ['a text file named .pdf', 'notiz.pdf', () => enc('Der Gemeinderat hat die Gebühren für die Müllabfuhr erhöht. Die Erhöhung gilt ab Januar.'), 'text'],
    ['a Word file named .pdf', 'bericht.pdf', () => buildDocx([{ style: 'Heading1', text: 'Titel' }, { text: 'Ein Absatz mit Inhalt über die Stadtwerke und ihre Preise.' }]), 'docx'],
    ['a PDF named .docx', 'bericht.docx', () => buildTextPdf('Titel der Meldung', ['Ein Absatz mit Inhalt über die Stadtwerke und ihre Preise.']), 'pdf'],
    ['a web page named .txt', 'seite.txt', () => fixture('seite.html'), 'html'],
    ['a feed named .txt', 'feed.txt', () => fixture('feed.atom'), 'feed'],
    ['Markdown named .txt', 'notiz.txt', () => fixture('klimabericht.md'), 'markdown'],
  ])('%s', async (_what, name, bytes, format) => {
    const all = await drafts(name, bytes());
    expect(all[0]!.format).toBe(format);
  });
});

const pages = join(corporaDir, 'html-pages');
describe.skipIf(!existsSync(pages))(`real saved news pages match the expected extraction${needsCorpora}`, () => {
  const names = existsSync(pages) ? readdirSync(pages) : [];
  test.each(names)('%s', async (page) => {
    const expected = JSON.parse(readFileSync(join(pages, page, 'expected-metadata.json'), 'utf8')) as
      { title: string; byline: string | null; siteName: string | null; publishedTime: string | null; lang?: string };
    const d = await one(`${page}.html`, new Uint8Array(readFileSync(join(pages, page, 'source.html'))));
    expect(d.title).toBe(expected.title);
    expect(d.byline).toBe(expected.byline?.replace(/^By\s+/i, '') ?? null);
    if (expected.siteName) expect(d.outlet).toBe(expected.siteName);
    if (expected.publishedTime) expect(Date.parse(d.publishedAt!)).toBe(Date.parse(expected.publishedTime));
    if (expected.lang) expect(d.language).toBe(expected.lang.slice(0, 2));
    // Same words in the same order as the reference extraction (boilerplate dropped, nothing lost).
    const reference = htmlFragmentBlocks(readFileSync(join(pages, page, 'expected.html'), 'utf8')).map((b) => b.text).join('\n\n');
    expect(contentHash(d.text)).toBe(contentHash(reference));
    expect(d.links.length).toBeGreaterThan(0);
  });
});

const eml = join(corporaDir, 'eml');
describe.skipIf(!existsSync(eml))(`real newsletter e-mails${needsCorpora}`, () => {
  test.each([
    ['newsletter-01-de-utf-8.eml', 'Der Morgen', '2026-11-11T06:25:00+01:00', 'Biochemiker plädierte auf Fachtagung'],
    ['newsletter-02-de-iso-8859-1.eml', 'Wiener Presseschau', '2026-11-17T06:02:00+01:00', 'Prähistorisches Schmuckstück aus Western Australia ist eine ausgesprochene Rarität'],
    ['newsletter-03-de-utf-8.eml', 'Tagesüberblick', '2026-11-18T08:03:00+01:00', 'Der Lebensmittelriese nimmt Maggi-Fertignudeln aus dem Verkauf'],
    ['newsletter-04-en-utf-8.eml', 'The Daily Brief', '2026-11-08T05:35:00+01:00', "'Super union' merger plan touted"],
    ['newsletter-05-en-us-ascii.eml', 'World Desk', '2026-11-19T07:35:00+01:00', 'Three DJs replace Peel radio show'],
    ['newsletter-06-de-windows-1252.eml', 'Lagebild', '2026-11-03T05:39:00+01:00', 'Nachdem sich AfD-Vize Gauland rassistisch über den deutschen Nationalspieler'],
  ])('%s: subject, sender, date and decoded text', async (file, outlet, date, title) => {
    const d = await one(file, new Uint8Array(readFileSync(join(eml, file))));
    expect(d).toMatchObject({ format: 'email', outlet, publishedAt: date });
    expect(d.title.startsWith(title)).toBe(true);
    expect(d.text).not.toMatch(/[\uFFFD\u0080-\u009F]|=[0-9A-F]{2}|Ã¤|unsubscribe|Abmelden/);
    expect(d.text).not.toContain(outlet === 'The Daily Brief' ? 'The Daily Brief' : `${outlet}\n`);
    if (file.includes('-de-')) expect(d.text).toMatch(/[äöüß]/);
    if (file.includes('windows-1252')) expect(d.text).toContain('Berlin – Zwei Wochen');
  });

  test('sample.mbox holds three newsletters', async () => {
    const all = await drafts('sample.mbox', new Uint8Array(readFileSync(join(eml, 'sample.mbox'))));
    expect(all.map((d) => d.fileName)).toEqual(['sample.mbox#1', 'sample.mbox#2', 'sample.mbox#3']);
    expect(all.map((d) => d.outlet)).toEqual(['Der Morgen', 'Wiener Presseschau', 'Tagesüberblick']);
    expect(all[0]!.title).toBe('Stadtregierung überlässt Nachforschungen im Bezirk Liebenau privatem Engagement');
  });
});

const feeds = join(corporaDir, 'feeds');
describe.skipIf(!existsSync(feeds))(`real RSS and Atom feeds${needsCorpora}`, () => {
  test.each([
    ['content-encoded.rss', 7, 'Food in Invironment on Medium'],
    ['guardian.rss', 55, 'The Guardian'],
    ['feedburner.atom', 25, null],
    ['heise.atom', 15, 'heise developer neueste Meldungen'],
  ])('%s: one article per entry (%i), each with a title and its link', async (file, count, outlet) => {
    const items = await parseFile({ name: file, bytes: new Uint8Array(readFileSync(join(feeds, file))) });
    expect(items).toHaveLength(count);
    const ok = items.filter((i): i is { name: string; draft: ArticleDraft } => 'draft' in i);
    expect(ok.length).toBeGreaterThanOrEqual(count - 1);
    for (const { draft } of ok) {
      expect(draft.title.length).toBeGreaterThan(3);
      expect(draft.links[0]).toMatch(/^https?:\/\//);
      expect(draft.text).not.toMatch(/<\/?(?:p|div|span|a|br|img|h[1-6]|figure|strong|em)\b[^>]*>/);
      if (outlet) expect(draft.outlet).toBe(outlet);
    }
  });

  test('heise Atom entries are German, dated, with umlauts intact', async () => {
    const [first] = await drafts('heise.atom', new Uint8Array(readFileSync(join(feeds, 'heise.atom'))));
    expect(first).toMatchObject({ title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei', language: 'de', publishedAt: '2016-02-01T17:22:00+01:00' });
    expect(first!.text).toContain('größere Release');
  });
});

const office = join(corporaDir, 'office');
describe.skipIf(!existsSync(office))(`real PDF and DOCX files${needsCorpora}`, () => {
  const stems = existsSync(office) ? [...new Set(readdirSync(office).map((f) => f.replace(/\.(pdf|docx)$/, '')))] : [];
  test.each(stems)('%s: PDF and DOCX give the same title, byline and text', async (stem) => {
    const pdf = await one(`${stem}.pdf`, new Uint8Array(readFileSync(join(office, `${stem}.pdf`))));
    const docx = await one(`${stem}.docx`, new Uint8Array(readFileSync(join(office, `${stem}.docx`))));
    expect(pdf.title).toBe(docx.title);
    expect(pdf.title.length).toBeGreaterThan(10);
    expect([pdf.byline, pdf.outlet]).toEqual([docx.byline, docx.outlet]);
    expect(pdf.outlet).toMatch(/^(Der Standard|BBC News)$/);
    expect(pdf.language).toBe(stem.includes('-de-') ? 'de' : 'en');
    // Words must not run together, hyphenation must be undone: the same word sequence as the DOCX.
    expect(contentHash(pdf.text)).toBe(contentHash(docx.text));
    expect(pdf.text).not.toMatch(/[\uFFFD]/);
  });
});

const encodings = join(corporaDir, 'encodings');
describe.skipIf(!existsSync(encodings))(`real re-encoded articles${needsCorpora}`, () => {
  test('UTF-16, ISO-8859-1 and Windows-1252 articles import as German with umlauts', async () => {
    for (const file of readdirSync(encodings)) {
      const d = await one(file, new Uint8Array(readFileSync(join(encodings, file))));
      expect(d.language, file).toBe('de');
      expect(d.text, file).toMatch(/[äöüß]/);
      expect(d.text, file).not.toMatch(/[\uFFFD\u0080-\u009F]/);
      expect(d.title.length, file).toBeLessThanOrEqual(142);
    }
  });
});
