// HTML -> paragraphs and headings (Blocks) on a browser-like DOM (linkedom), for Readability's output when
// the fast web-page extractor falls back to it. Fragments (feed content, e-mail bodies) go through the light
// DOM. Only text is kept: scripts, styles, forms, media and hidden elements are dropped.
import { createRequire } from 'node:module';
import { stripInertMarkup } from './html-prestrip.ts';
import { cleanInline } from './normalize.ts';
import type { Block } from './structure.ts';
import { flattenHtml, htmlDepth, MAX_HTML_DEPTH } from './formats/html-depth.ts';
import { BLOCK_TAGS, HEADING_TAG, HIDDEN_STYLE, lightBlocks, parseLightDocument, SKIP_TAGS } from './light-dom.ts';

// linkedom costs a third of a second to load in every parse thread; only the Readability fallback needs it.
const requireCjs = createRequire(import.meta.url);
let linkedom: typeof import('linkedom') | null = null;

/** Deeper nesting than this is hostile or broken markup; its text is still read, its structure is not. */
const MAX_DEPTH = 400;

/** Parses a whole HTML document (linkedom: no scripts run, nothing is fetched); inert markup is cut first. */
export function parseHtmlDocument(html: string): Document {
  // Cut inert markup (scripts, styles, SVG, comments) first; then linkedom's parse, which slows down sharply with
  // nesting depth, gets hostile markup flattened.
  const stripped = stripInertMarkup(html);
  const safe = htmlDepth(stripped) > MAX_HTML_DEPTH ? flattenHtml(stripped) : stripped;
  linkedom ??= requireCjs('linkedom') as typeof import('linkedom');
  return linkedom.parseHTML(safe).document as unknown as Document;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Walks the DOM under `root` and returns its paragraphs and headings in reading order. */
export function domBlocks(root: Node): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  const flush = (kind: 'p' | 'h' = 'p', level = 0) => {
    const text = cleanInline(buf);
    buf = '';
    if (text) blocks.push({ kind, level, text });
  };
  const walk = (node: Node, depth: number) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        buf += c.nodeValue ?? '';
        continue;
      }
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      const tag = el.localName.toLowerCase();
      if (SKIP_TAGS.has(tag) || isHidden(el)) continue;
      if (depth > MAX_DEPTH) {
        buf += ` ${el.textContent ?? ''} `;
        continue;
      }
      const h = HEADING_TAG.exec(tag);
      if (h) {
        flush();
        walk(el, depth + 1);
        flush('h', Number(h[1]));
      } else if (BLOCK_TAGS.has(tag)) {
        flush();
        walk(el, depth + 1);
        flush();
      } else {
        walk(el, depth + 1);
      }
    }
  };
  walk(root, 0);
  flush();
  return blocks;
}

/** Blocks of an HTML fragment (feed item content) or of a whole HTML e-mail body, on the light DOM. */
export function htmlFragmentBlocks(html: string): Block[] {
  return lightBlocks(parseLightDocument(html));
}

/** True when a string contains HTML markup rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?(?:p|div|br|span|a|h[1-6]|ul|ol|li|img|strong|em|b|i|table|blockquote|figure|section|article)\b[^>]*>/i.test(s);
}
