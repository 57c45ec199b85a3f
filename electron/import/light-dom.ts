// A light DOM for saved web pages: htmlparser2 parses into domhandler nodes (light-nodes.ts; arrays, no live
// collections), several times cheaper than a browser-like DOM. Helpers to read attributes and text, and
// one paragraph/heading walk (lightBlocks) for the fast extractor and for Readability's output alike.
import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { replaceElement } from 'domutils';
import { stripInertMarkup } from './html-prestrip.ts';
import { NO_DEPTH_LIMIT, parseWithLimit, type ParsedDom } from './light-parser.ts';
import { slots, type LightElement, type LightText, type TextShape } from './light-nodes.ts';
import { cleanInline } from './normalize.ts';
import type { Block } from './structure.ts';
import { flattenHtml, MAX_HTML_DEPTH } from './formats/html-depth.ts';

export type { AnyNode, Document, Element, ParentNode, ParsedDom };

/** Elements whose content is never article text: active, media, form and head elements. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'button', 'form', 'input', 'select',
  'textarea', 'canvas', 'video', 'audio', 'img', 'picture', 'source', 'head', 'title', 'meta', 'link', 'map', 'dialog',
]);
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl',
  'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'figure', 'figcaption', 'address', 'hr', 'br', 'center',
  'details', 'summary', 'caption', 'body', 'html', 'hgroup', 'fieldset', 'legend',
]);
export const HEADING_TAG = /^h([1-6])$/;
export const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|max-height\s*:\s*0(?:px)?\s*(?:;|$)|font-size\s*:\s*0(?:px)?\s*(?:;|$)/i;

export interface LightPage extends ParsedDom {
  /** The markup that was parsed: inert parts cut, hostile nesting flattened. Parse it again for a fresh DOM. */
  markup: string;
  /** The page nested deeper than MAX_HTML_DEPTH and was flattened (its structure is not to be trusted). */
  flattened: boolean;
}

/** Parses markup that is already stripped and flattened; with the elements as parsed (see ParsedDom). */
export const parseMarkupWithElements = (markup: string): ParsedDom => parseWithLimit(markup, NO_DEPTH_LIMIT)!;

/** Parses markup that is already stripped and flattened. */
export const parseMarkup = (markup: string): Document => parseMarkupWithElements(markup).doc;

/** Parses a whole page (no scripts run, nothing fetched); inert markup is cut and hostile nesting flattened first. */
export function parseLightPage(html: string): LightPage {
  const stripped = stripInertMarkup(html);
  // The parser, like every HTML parser, slows down sharply with nesting depth (quadratic at 100k levels): it stops
  // at the limit, and the page is flattened (text kept, deep tags dropped) and parsed again.
  const parsed = parseWithLimit(stripped, MAX_HTML_DEPTH);
  if (parsed) return { markup: stripped, ...parsed, flattened: false };
  const markup = flattenHtml(stripped);
  return { markup, ...parseWithLimit(markup, NO_DEPTH_LIMIT)!, flattened: true };
}

export const parseLightDocument = (html: string): Document => parseLightPage(html).doc;

export const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/**
 * An attribute's value, or null. Every attribute read of the readers goes through here: attribute objects come in
 * as many shapes as there are attribute combinations, and one shared look-up sees them all at once, so the JIT
 * compiles it as the generic look-up it is from the start. Read at each call site instead, each site's first
 * optimized code expected the few shapes it had seen and was thrown away at the next one, taking the whole
 * (inlined) walk around it with it.
 */
export function attr(el: Element, name: string): string | null {
  const v = el.attribs[name];
  return v === undefined ? null : v;
}

/** The element's text, scripts and styles included (like textContent). */
export function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!('children' in node)) return '';
  let s = '';
  for (const c of (node as ParentNode).children) s += textOf(c);
  return s;
}

// Per-element caches are kept on the node itself, in slots every node has from the start (light-nodes.ts):
// cheaper than a WeakMap in the hot loops.

/** textContent, cached until the subtree changes (see detach). */
export function cachedText(el: Element): string {
  const c = slots(el);
  if (c._text === undefined) {
    let s = '';
    for (const k of el.children) s += k.type === 'text' ? (k as unknown as { data: string }).data : isElement(k) ? cachedText(k) : '';
    c._text = s;
  }
  return c._text;
}

/** Readability's innerText: textContent trimmed, runs of whitespace collapsed. */
export function innerText(el: Element): string {
  const c = slots(el);
  if (c._inner === undefined) c._inner = cachedText(el).trim().replace(/\s{2,}/g, ' ');
  return c._inner;
}

// A TextShape adds up over children, so every element's length comes from its children's shapes instead of
// collapsing its whole text again (the extractor asks for the lengths of nested candidates, links and lists:
// text length times depth).
const EMPTY_SHAPE: TextShape = { solid: 0, runs: 0, startsBlank: false, endsBlank: false };

/** The whitespace of /\s/ and String.prototype.trim. */
function isBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

function stringShape(s: string): TextShape {
  if (s.length === 0) return EMPTY_SHAPE;
  let solid = 0;
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < s.length; i++) {
    if (isBlank(s.charCodeAt(i))) {
      if (!inRun) runs++;
      inRun = true;
    } else {
      solid++;
      inRun = false;
    }
  }
  return { solid, runs, startsBlank: isBlank(s.charCodeAt(0)), endsBlank: inRun };
}

function elementShape(el: Element): TextShape {
  const c = slots(el);
  if (c._shape === undefined) {
    // The children's shapes joined in order; empty ones (no characters at all) join as nothing.
    let solid = 0;
    let runs = 0;
    let startsBlank = false;
    let endsBlank = false;
    let empty = true;
    for (const k of el.children) {
      const s = k.type === 'text' ? textNodeShape(k as LightText) : isElement(k) ? elementShape(k) : EMPTY_SHAPE;
      if (s.solid === 0 && s.runs === 0) continue;
      if (empty) {
        startsBlank = s.startsBlank;
        empty = false;
      } else if (endsBlank && s.startsBlank) {
        runs--;
      }
      solid += s.solid;
      runs += s.runs;
      endsBlank = s.endsBlank;
    }
    c._shape = empty ? EMPTY_SHAPE : { solid, runs, startsBlank, endsBlank };
  }
  return c._shape;
}

/** Text nodes keep their shape too: their data never changes, only where they sit. */
function textNodeShape(t: LightText): TextShape {
  return (t._shape ??= stringShape(t.data));
}

/** innerText(el).length, without building the text. */
export function innerLength(el: Element): number {
  const c = slots(el);
  if (c._inner !== undefined) return c._inner.length;
  const s = elementShape(el);
  return s.solid === 0 ? 0 : s.solid + s.runs - (s.startsBlank ? 1 : 0) - (s.endsBlank ? 1 : 0);
}

/** Forgets the cached text of `node`'s ancestors (their text changes when it moves or goes). */
export function invalidateText(node: AnyNode): void {
  for (let p = node.parent; p; p = p.parent) {
    const c = p as unknown as LightElement;
    c._text = undefined;
    c._inner = undefined;
    c._shape = undefined;
  }
}

/** Where `node` is in its parent's list, searched from both ends (removals run front to back and back to front). */
function indexInParent(list: AnyNode[], node: AnyNode): number {
  for (let i = 0, j = list.length - 1; i <= j; i++, j--) {
    if (list[i] === node) return i;
    if (list[j] === node) return j;
  }
  return -1;
}

/** Removes a node from the tree, keeping the text caches right. */
export function detach(node: AnyNode): void {
  invalidateText(node);
  const parent = node.parent;
  if (parent) {
    const i = indexInParent(parent.children, node);
    if (i !== -1) parent.children.splice(i, 1);
    node.parent = null;
  }
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.prev = null;
  node.next = null;
}

/** Puts `replacement` where `node` is; `node` leaves the tree with no dangling sibling links. */
export function replaceNode(node: AnyNode, replacement: AnyNode): void {
  type Child = Parameters<typeof replaceElement>[0];
  replaceElement(node as Child, replacement as Child);
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/** Every element below `root` in document order that `test` accepts. */
export function findAll(root: ParentNode, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of root.children) {
    if (!isElement(c)) continue;
    if (test(c)) out.push(c);
    findAll(c, test, out);
  }
  return out;
}

export function findFirst(root: ParentNode, test: (el: Element) => boolean): Element | null {
  for (const c of root.children) {
    if (!isElement(c)) continue;
    if (test(c)) return c;
    const inner = findFirst(c, test);
    if (inner) return inner;
  }
  return null;
}

export function isHiddenElement(el: Element): boolean {
  if (attr(el, 'hidden') !== null || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Deeper nesting than this is hostile or broken markup; its text is still read, its structure is not. */
const MAX_DEPTH = 400;

/**
 * Walks the nodes under `root` and returns paragraphs and headings in reading order; `drop` removes whole
 * subtrees (boilerplate the extractor decided against). Readability's output (the fallback) is walked here too.
 */
export function lightBlocks(root: ParentNode, drop?: (el: Element) => boolean): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  const flush = (kind: 'p' | 'h' = 'p', level = 0) => {
    const text = cleanInline(buf);
    buf = '';
    if (text) blocks.push({ kind, level, text });
  };
  const walk = (node: ParentNode, depth: number) => {
    for (const c of node.children) {
      if (c.type === 'text') {
        buf += (c as unknown as { data: string }).data;
        continue;
      }
      if (!isElement(c)) continue;
      const tag = c.name;
      if (SKIP_TAGS.has(tag) || isHiddenElement(c) || drop?.(c)) continue;
      if (depth > MAX_DEPTH) {
        buf += ` ${textOf(c)} `;
        continue;
      }
      const h = HEADING_TAG.exec(tag);
      if (h) {
        flush();
        walk(c, depth + 1);
        flush('h', Number(h[1]));
      } else if (BLOCK_TAGS.has(tag)) {
        flush();
        walk(c, depth + 1);
        flush();
      } else {
        walk(c, depth + 1);
      }
    }
  };
  walk(root, 0);
  flush();
  return blocks;
}

/** Blocks of an HTML fragment (feed item content) or of a whole HTML e-mail body. */
export function htmlFragmentBlocks(html: string): Block[] {
  return lightBlocks(parseLightDocument(html));
}

/** True when a string contains HTML markup rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?(?:p|div|br|span|a|h[1-6]|ul|ol|li|img|strong|em|b|i|table|blockquote|figure|section|article)\b[^>]*>/i.test(s);
}
