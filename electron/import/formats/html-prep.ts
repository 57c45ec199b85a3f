// Readability's preparation of a page before scoring, on the light DOM: <html> and <body> made up where
// missing, scripts and styles out, <font> to <span>, runs of <br> to paragraphs; and the small structural
// tests (phrasing content, block children, emptiness) the scoring pass asks.
import type { Element } from 'domhandler';
import { appendChild } from 'domutils';
import { LightElement } from '../light-nodes.ts';
import { attr, detach, isElement, replaceNode, textOf, type AnyNode, type Document, type ParentNode, type ParsedDom } from '../light-dom.ts';
import { DIV_TO_P, elementChildren, isTag, isText } from './html-tree.ts';

const PHRASING = new Set(['abbr', 'audio', 'b', 'bdo', 'br', 'button', 'cite', 'code', 'data', 'datalist', 'dfn', 'em', 'embed', 'i', 'img',
  'input', 'kbd', 'label', 'mark', 'math', 'meter', 'noscript', 'object', 'output', 'progress', 'q', 'ruby', 'samp', 'script', 'select',
  'small', 'span', 'strong', 'sub', 'sup', 'textarea', 'time', 'var', 'wbr']);

export function isPhrasing(n: AnyNode): boolean {
  if (isText(n)) return true;
  if (!isElement(n)) return false;
  return PHRASING.has(n.name) || ((n.name === 'a' || n.name === 'del' || n.name === 'ins') && n.children.every(isPhrasing));
}

export const isWhitespace = (n: AnyNode) => (isText(n) && n.data.trim().length === 0) || isTag(n, 'br');

export function isVisible(el: Element): boolean {
  const style = attr(el, 'style');
  if (style && (/(?:^|;)\s*display\s*:\s*none/i.test(style) || /(?:^|;)\s*visibility\s*:\s*hidden/i.test(style))) return false;
  if (attr(el, 'hidden') !== null) return false;
  return attr(el, 'aria-hidden') !== 'true' || (attr(el, 'class') ?? '').includes('fallback-image');
}

export function descendantsNamed(el: ParentNode, names: ReadonlySet<string>, out: Element[] = []): Element[] {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (names.has(c.name)) out.push(c);
    descendantsNamed(c, names, out);
  }
  return out;
}

/** Any non-blank text below `el`; stops at the first (cheaper than building the text of every div). */
function hasText(el: Element): boolean {
  for (const c of el.children) {
    if (isText(c) ? /\S/.test(c.data) : isElement(c) && hasText(c)) return true;
  }
  return false;
}

export function isWithoutContent(el: Element): boolean {
  if (hasText(el)) return false;
  const kids = elementChildren(el);
  return kids.length === 0 || kids.length === descendantsNamed(el, BR_HR).length;
}

export function hasSingleTagInside(el: Element, tag: string): boolean {
  const kids = elementChildren(el);
  if (kids.length !== 1 || kids[0]!.name !== tag) return false;
  return !el.children.some((c) => isText(c) && /\S$/.test(c.data));
}

export function hasChildBlock(el: ParentNode): boolean {
  return el.children.some((c) => isElement(c) && (DIV_TO_P.has(c.name) || hasChildBlock(c)));
}

export function newElement(name: string): Element {
  return new LightElement(name, {});
}

const PREP_TAGS = new Set(['script', 'noscript', 'style', 'br', 'font']);
const BR_HR = new Set(['br', 'hr']);

/** Runs of <br><br> become paragraphs, as Readability does before scoring. */
function replaceBrs(brs: Element[]): void {
  const skipBlank = (n: AnyNode | null) => {
    while (n && !isElement(n) && textOf(n).trim() === '') n = n.next;
    return n;
  };
  for (const br of brs) {
    let next: AnyNode | null = br.next;
    let replaced = false;
    while ((next = skipBlank(next)) && isTag(next, 'br')) {
      replaced = true;
      const after: AnyNode | null = next.next;
      detach(next);
      next = after;
    }
    if (!replaced || !br.parent) continue;
    const p = newElement('p');
    replaceNode(br, p);
    next = p.next;
    while (next) {
      if (isTag(next, 'br') && isTag(skipBlank(next.next), 'br')) break;
      if (!isPhrasing(next)) break;
      const after: AnyNode | null = next.next;
      appendChild(p, next);
      next = after;
    }
    while (p.lastChild && isWhitespace(p.lastChild)) detach(p.lastChild);
    if (isTag(p.parent, 'p')) p.parent.name = 'div';
  }
}

/** Moves all of `from`'s children (or those `keep` rejects) into `to` at once. */
function adoptChildren(from: ParentNode, to: Element, stay: (n: AnyNode) => boolean = () => false): void {
  const moving = from.children.filter((c) => !stay(c));
  if (moving.length === 0) return;
  from.children = from.children.filter(stay);
  for (const c of moving) c.parent = to;
  for (let i = 0; i < moving.length; i++) {
    moving[i]!.prev = moving[i - 1] ?? null;
    moving[i]!.next = moving[i + 1] ?? null;
  }
  to.children = moving;
  for (let i = 0; i < from.children.length; i++) {
    from.children[i]!.prev = from.children[i - 1] ?? null;
    from.children[i]!.next = from.children[i + 1] ?? null;
  }
}

/** The page's <html> and <body>, made up where the markup leaves them out (a saved fragment), as a browser does. */
function htmlAndBody(doc: Document): { html: Element; body: Element; madeUp: boolean } {
  let madeUp = false;
  let html = doc.children.find((c): c is Element => isTag(c, 'html'));
  if (!html) {
    madeUp = true;
    html = newElement('html');
    adoptChildren(doc, html, (c) => c.type === 'directive');
    appendChild(doc, html);
  }
  let body = elementChildren(html).find((c) => c.name === 'body');
  if (!body) {
    madeUp = true;
    body = newElement('body');
    adoptChildren(html, body, (c) => isTag(c, 'head'));
    appendChild(html, body);
  }
  return { html, body, madeUp };
}

/** Readability's _prepDocument and _removeScripts; returns the page's <html> and <body>. */
export function prepareDocument({ doc, elementList }: ParsedDom): { html: Element; body: Element } {
  const { html, body, madeUp } = htmlAndBody(doc);
  const brs: Element[] = [];
  // The elements as parsed are in document order while the tree is as parsed (nothing made up and moved in).
  for (const el of madeUp ? descendantsNamed(doc, PREP_TAGS) : elementList) {
    if (!PREP_TAGS.has(el.name)) continue;
    if (el.name === 'br') brs.push(el);
    else if (el.name === 'font') el.name = 'span';
    else detach(el); // scripts (JSON-LD was read already), noscript, style
  }
  replaceBrs(brs);
  return { html, body };
}
