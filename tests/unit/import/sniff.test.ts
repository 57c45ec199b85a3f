// Format sniffing: content decides, the extension only breaks ties between text formats.
import { describe, expect, test } from 'vitest';
import { headText, sniffBinary, sniffText } from '../../../electron/import/sniff.ts';
import { junkBytes } from '../../helpers.ts';
import { buildDocx, buildScannedPdf, buildZip } from './builders.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const kindOf = (name: string, b: Uint8Array) => {
  const binary = sniffBinary(b);
  return binary.kind === 'text' ? sniffText(headText(b), name) : binary.kind;
};

describe('a file is recognised by what it contains', () => {
  test.each([
    ['a PDF, whatever its name', 'bericht.txt', buildScannedPdf(), 'pdf'],
    ['a PDF with junk before its header', 'x.pdf', new Uint8Array([0x0a, 0x0a, ...bytes('%PDF-1.4\n')]), 'pdf'],
    ['a Word file (ZIP container)', 'bericht.docx', buildDocx([{ text: 'Hallo' }]), 'zip'],
    ['a ZIP archive', 'artikel.zip', buildZip({ 'a.txt': 'Text' }), 'zip'],
    ['a PNG picture named .txt', 'notiz.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'unsupported'],
    ['an old .doc file', 'alt.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'unsupported'],
    ['a saved web page', 'seite.htm', bytes('<!DOCTYPE html><html><body><p>Hallo</p></body></html>'), 'html'],
    ['a web page named .txt', 'seite.txt', bytes('<html lang="de"><head><title>x</title></head></html>'), 'html'],
    ['an HTML fragment named .html', 'teil.html', bytes('Vorwort\n<p>Hallo</p>'), 'html'],
    ['an RSS feed', 'feed.xml', bytes('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>'), 'feed'],
    ['an Atom feed after a comment and stylesheet', 'f', bytes('<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><!-- x --><feed xmlns="http://www.w3.org/2005/Atom"/>'), 'feed'],
    ['an RSS feed with a DOCTYPE subset', 'f.rss', bytes('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><rss/>'), 'feed'],
    ['an RDF (RSS 1.0) feed', 'f.rdf', bytes('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"/>'), 'feed'],
    ['other XML', 'daten.xml', bytes('<?xml version="1.0"?><config/>'), 'xml'],
    ['a JSON Feed', 'feed.json', bytes('{"version": "https://jsonfeed.org/version/1.1", "items": []}'), 'json-feed'],
    ['other JSON', 'daten.json', bytes('{"a": 1}'), 'json'],
    ['an e-mail', 'brief.eml', bytes('From: a@b.de\r\nSubject: Hallo\r\nDate: Mon, 1 Jan 2026 10:00:00 +0100\r\n\r\nText'), 'email'],
    ['an e-mail named .txt', 'brief.txt', bytes('Received: from x\nFrom: a@b.de\nSubject: Hallo\n\nText'), 'email'],
    ['a saved web page as MHTML', 'seite.mhtml', bytes('From: <Saved by Blink>\r\nSubject: Seite\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="x"\r\n\r\n'), 'mhtml'],
    ['a mailbox', 'post.mbox', bytes('From someone Mon Nov 23 06:00:00 2026\nFrom: a@b.de\nSubject: Eins\n\nText\n'), 'mbox'],
    ['Markdown by extension', 'notiz.md', bytes('Nur Text'), 'markdown'],
    ['Markdown by its title heading', 'notiz.txt', bytes('# Titel\n\nText'), 'markdown'],
    ['Markdown by front matter', 'notiz', bytes('---\ntitle: X\n---\nText'), 'markdown'],
    ['plain text', 'notiz.txt', bytes('Ein ganz normaler Text.\n\nMit Absätzen.'), 'text'],
    ['a text that merely mentions a hash sign', 'notiz.txt', bytes('Der Hashtag #Wahl trendet.'), 'text'],
    ['UTF-16 text', 'u16.txt', new Uint8Array([0xff, 0xfe, ...Array.from(bytes('Hallo Welt'), (c) => [c, 0]).flat()]), 'text'],
    ['random bytes (decided later by the charset check)', 'x.bin', junkBytes(500, 3).map((b) => (b < 0x20 ? 0x41 : b)), 'text'],
  ])('%s', (_what, name, b, expected) => {
    expect(kindOf(name, b)).toBe(expected);
  });
});
