// A browser-like DOM (linkedom) for Readability, which the fast web-page extractor falls back to, and the blocks
// of Readability's output. Everything else (pages, feed content, e-mail bodies) goes through the light DOM.
import { createRequire } from 'node:module';
import { stripInertMarkup } from './html-prestrip.ts';
import type { Block } from './structure.ts';
import { flattenHtml, htmlDepth, MAX_HTML_DEPTH } from './formats/html-depth.ts';
import { lightBlocks, parseMarkup } from './light-dom.ts';

// linkedom costs a third of a second to load in every parse thread; only the Readability fallback needs it.
const requireCjs = createRequire(import.meta.url);
let linkedom: typeof import('linkedom') | null = null;

/** Parses a whole HTML document (linkedom: no scripts run, nothing is fetched); inert markup is cut first. */
export function parseHtmlDocument(html: string): Document {
  // Cut inert markup (scripts, styles, SVG, comments) first; then linkedom's parse, which slows down sharply with
  // nesting depth, gets hostile markup flattened.
  const stripped = stripInertMarkup(html);
  const safe = htmlDepth(stripped) > MAX_HTML_DEPTH ? flattenHtml(stripped) : stripped;
  linkedom ??= requireCjs('linkedom') as typeof import('linkedom');
  return linkedom.parseHTML(safe).document as unknown as Document;
}

/**
 * Paragraphs and headings of a linkedom node (Readability's output): its markup read again on the light DOM,
 * so one walker (lightBlocks) holds the rules for which elements make blocks and which are dropped.
 */
export function domBlocks(node: Node): Block[] {
  return lightBlocks(parseMarkup((node as Element).outerHTML ?? node.textContent ?? ''));
}
