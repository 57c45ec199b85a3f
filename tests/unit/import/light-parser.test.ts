// The fast parse (decodeEntities off, references decoded afterwards) builds the DOM htmlparser2 builds when it
// decodes references itself: every node, every attribute, on tricky markup, on random token soup and on the
// corpus pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Parser } from 'htmlparser2';
import { DomHandler, type AnyNode } from 'domhandler';
import { parseMarkup } from '../../../electron/import/light-dom.ts';
import { stripInertMarkup } from '../../../electron/import/html-prestrip.ts';
import { corporaDir, hasCorpora, needsCorpora } from '../../helpers.ts';

type Shape = [string, string, Array<[string, string]> | null, Shape[]] | [string, string];

function shape(n: AnyNode): Shape {
  if (n.type === 'text' || n.type === 'comment') return [n.type, n.data];
  if (n.type === 'directive') return [n.type, `${n.name} ${n.data}`];
  const el = n as AnyNode & { name?: string; attribs?: Record<string, string>; children: AnyNode[] };
  return [n.type, el.name ?? '', el.attribs ? Object.entries(el.attribs) : null, el.children.map(shape)];
}

/** Comments and the doctype: the fast parse leaves them out (they are never part of an article). */
const leftOut = (n: AnyNode) => n.type === 'comment' || n.type === 'directive';

function withoutLeftOut(n: AnyNode): AnyNode {
  if ('children' in n) n.children = n.children.filter((c) => !leftOut(c)).map(withoutLeftOut);
  return n;
}

/** htmlparser2 decoding references itself: the DOM the import built before, less its comments and doctype. */
function referenceShape(markup: string): Shape {
  const handler = new DomHandler();
  new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(markup);
  return shape(withoutLeftOut(handler.root));
}

const TOKENS = ['&amp;', '&amp', '&ampx', '&amp=', '&lt', '&#60', '&#x3c;', '&#', '&', '&nbsp', '&notin', '&noti', '&copy', '&acE;', '&auml',
  '<', '</', '<title>', '</title>', '<title/>', '<title x="&amp;">', '<textarea>', '</textarea>', '<script>', '</script>', '<style>',
  '</style>', '<xmp>', '</xmp>', '<p>', '</p>', '<a href="', '"', "'", '<a href=', '<b a=', '>', ' ', '=', '<!--', '-->', '<![CDATA[',
  ']]>', '<!doctype html>', '<?x ?>', '</>', '</ &amp;>', 'x', ';', '#', 'amp', 'lt;', '\n', '<svg>', '</svg>', '<br/>', "<a title='",
  '<img alt=', 'é', '<t', '</ti', '<&amp;', '</t&amp;', '<a b c=d e>', '<math>', '</math>', '<table>', '<td>', '</script', '</title', '/',
  '<DIV CLASS=', '<P Id="', '</P>', '</TITLE>', '“', '—', '<aÄB>', '</aäb>', '<iİ>', ' Ö=', ' İD='];

/** Deterministic token soup (a linear congruential generator, so a failure reproduces). */
function soup(count: number, seed = 42): string[] {
  const out: string[] = [];
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let j = 1 + next(14); j > 0; j--) s += TOKENS[next(TOKENS.length)];
    out.push(s);
  }
  return out;
}

describe('the fast HTML parse builds the same DOM as htmlparser2 decoding references itself', () => {
  test.each([
    ['named and numeric references in text', '<p>Fish &amp; chips &lt;3 &#228;&#xFC; &euro;&nbsp;5 &copy 2026 &notit; &amp</p>'],
    ['references cut off by a tag or by the end', '<p>a &amp<b>b</b> &#60</p>&copy'],
    ['attribute values, quoted and not', '<a href="/s?a=1&amp;b=2&copy=3&notin" title=\'&quot;x&quot;\' data-x=&lt;y>z</a>'],
    ['JSON-LD and styles stay raw', '<script type="application/ld+json">{"headline":"A &amp; B"}</script><style>a:after{content:"&amp;"}</style>'],
    ['title decoded, textarea raw', '<title>Tom &amp; Jerry &lt;&amp; &amp;</title><textarea>&amp;</textarea><xmp>&lt;</xmp>'],
    ['an unclosed title', '<title>A &amp; B &amp'],
    ['comments and CDATA (a comment in HTML) are left out', '<!-- &amp; --><![CDATA[&amp;]]><p>&amp;</p>'],
    ['the doctype is left out; the texts around it and a comment stay apart', '<!doctype html>a<!doctype x>b<!-- c -->d<p>e</p>'],
    // A page with a character beyond Latin-1 (the curly quotes) takes another path to lower-case names.
    ['tag and attribute names in any case, beyond ASCII too', '<DIV ClAsS="a" DATA-X=1><P>“Zitat” — Straße</P></Div><xÜnï Ä=1 İD=2 aÖ>x</XÜNÏ><İMG SRC=y><iİ>z</iİ>'],
    ['names in any case on a Latin-1 page', '<DIV ClAsS="a"><P>Straße</P></Div><xÜnï Ä=1>x</XÜNÏ>'],
  ])('%s', (_what, markup) => {
    expect(shape(parseMarkup(markup))).toEqual(referenceShape(markup));
  });

  test('random token soup', () => {
    for (const markup of soup(3000)) expect(shape(parseMarkup(markup)), markup).toEqual(referenceShape(markup));
  });

  test(`the corpus pages, raw and stripped${needsCorpora}`, () => {
    if (!hasCorpora) return;
    const dir = join(corporaDir, 'html-pages');
    for (const name of readdirSync(dir)) {
      const html = readFileSync(join(dir, name, 'source.html'), 'utf8');
      for (const markup of [html, stripInertMarkup(html)]) expect(shape(parseMarkup(markup)), name).toEqual(referenceShape(markup));
    }
  });

  test('a reference htmlparser2 misreads (it runs past the value) is kept as written, as a browser keeps it', () => {
    const a = parseMarkup("<a href='&Ocy'>x</a><a title=\"&Tcy\">y</a>").children;
    expect(a.map((n) => (n as AnyNode & { attribs: Record<string, string> }).attribs)).toEqual([{ href: '&Ocy' }, { title: '&Tcy' }]);
  });
});
