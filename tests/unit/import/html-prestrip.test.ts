// The cheap pre-pass over web pages: what never becomes text is cut before the DOM is built, the rest is untouched.
import { describe, expect, test } from 'vitest';
import { stripInertMarkup } from '../../../electron/import/html-prestrip.ts';

describe('stripping inert markup from a saved page', () => {
  test.each([
    ['an inline script', '<p>Vor</p><script>var a = "</p>";</script><p>Nach</p>', '<p>Vor</p><p>Nach</p>'],
    ['a style sheet', '<head><style type="text/css">p { color: red }</style></head><p>Text</p>', '<head></head><p>Text</p>'],
    ['an SVG drawing with a title', '<p>A</p><svg viewBox="0 0 9 9"><title>Logo</title><path d="M0"/></svg><p>B</p>', '<p>A</p><p>B</p>'],
    ['a comment, even one holding markup', '<p>A</p><!-- <script>x()</script> --><p>B</p>', '<p>A</p><p>B</p>'],
    ['noscript and template', '<noscript><img src="t.gif"></noscript><template><p>T</p></template><p>B</p>', '<p>B</p>'],
    ['upper-case tags', '<SCRIPT>x()</SCRIPT><P>B</P>', '<P>B</P>'],
    ['tags in mixed case on a page with characters beyond Latin-1', '<p>„Zitat“</p><ScRiPt>x()</sCrIpT><NoScript>y</NOSCRIPT><p>B</p>', '<p>„Zitat“</p><p>B</p>'],
  ])('drops %s', (_what, html, expected) => {
    expect(stripInertMarkup(html)).toBe(expected);
  });

  test('keeps JSON-LD, which carries the byline and date', () => {
    const html = '<script type="application/ld+json">{"author":"Anna Weber"}</script><script>track()</script><p>Text</p>';
    expect(stripInertMarkup(html)).toBe('<script type="application/ld+json">{"author":"Anna Weber"}</script><p>Text</p>');
  });

  test.each([
    ['elements whose names only start like a dropped one', '<scripture>Psalm</scripture><styles>x</styles>'],
    ['an unclosed script (the rest is left to the HTML parser)', '<p>A</p><script>never closed <p>B</p>'],
    ['an unclosed comment', '<p>A</p><!-- open <p>B</p>'],
    ['a name cut off by the end of the page', '<p>A</p><scri'],
    ['names one letter off, in any case', '<p>„A“</p><sCriPz>x</sCriPz><Stylo>y</Stylo><tEmplates>z</tEmplates>'],
    ['a page without markup', 'Nur Text, keine Tags.'],
  ])('leaves %s as it is', (_what, html) => {
    expect(stripInertMarkup(html)).toBe(html);
  });

  test('thousands of unclosed tags do not make it slow or throw (every search moves forward)', () => {
    const hostile = '<svg '.repeat(50_000) + '<p>Text</p>';
    expect(stripInertMarkup(hostile)).toBe(hostile);
  });
});
