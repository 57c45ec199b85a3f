// Small helpers over the light DOM shared by the fast extractor and its cleaner: traversal in document
// order, ancestor tests, Readability's class/id weights and link density.
import type { Element, Text } from 'domhandler';
import { attr, detach, innerLength, isElement, type AnyNode, type ParentNode } from '../light-dom.ts';

const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
export const DIV_TO_P = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
export const isTag = (n: AnyNode | null | undefined, tag: string): n is Element => !!n && isElement(n) && n.name === tag;
export const isText = (n: AnyNode): n is Text => n.type === 'text';
export const elementChildren = (el: ParentNode) => el.children.filter(isElement);
export const isInTree = (el: Element) => !!el.parent && isElement(el.parent);

function nextElementSibling(n: AnyNode): Element | null {
  for (let s = n.next; s; s = s.next) if (isElement(s)) return s;
  return null;
}

/** Depth-first next element; `skipKids` jumps over the node's subtree. */
export function nextNode(node: Element, skipKids = false): Element | null {
  if (!skipKids) {
    const first = node.children.find(isElement);
    if (first) return first;
  }
  for (let n: AnyNode | null = node; n; n = n.parent) {
    const s = nextElementSibling(n);
    if (s) return s;
  }
  return null;
}

export function removeAndGetNext(node: Element): Element | null {
  const next = nextNode(node, true);
  detach(node);
  return next;
}

export function hasAncestorTag(node: Element, tag: string, maxDepth = 3, test?: (el: Element) => boolean): boolean {
  let depth = 0;
  for (let n: AnyNode = node; n.parent; n = n.parent) {
    if (maxDepth > 0 && depth > maxDepth) return false;
    if (isTag(n.parent, tag) && (!test || test(n.parent))) return true;
    depth++;
  }
  return false;
}

/** Readability's switches; each retry turns one more off when too little text was found. */
export interface Flags { stripUnlikelys: boolean; weightClasses: boolean; cleanConditionally: boolean }

/** ±25 for class and for id, by the words they contain (0 once class weighting is switched off). */
export function classWeight(el: Element, flags: Flags): number {
  if (!flags.weightClasses) return 0;
  let w = 0;
  const cls = attr(el, 'class');
  const id = attr(el, 'id');
  if (cls) w += (NEGATIVE.test(cls) ? -25 : 0) + (POSITIVE.test(cls) ? 25 : 0);
  if (id) w += (NEGATIVE.test(id) ? -25 : 0) + (POSITIVE.test(id) ? 25 : 0);
  return w;
}

export function all(el: ParentNode, names: ReadonlySet<string> | string, out: Element[] = []): Element[] {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (typeof names === 'string' ? c.name === names : names.has(c.name)) out.push(c);
    all(c, names, out);
  }
  return out;
}

/** Share of the element's text inside links (in-page "#" links count 30 %). */
export function linkDensity(el: Element): number {
  const total = innerLength(el);
  if (total === 0) return 0;
  let linked = 0;
  for (const a of all(el, 'a')) linked += innerLength(a) * (/^#.+/.test(attr(a, 'href') ?? '') ? 0.3 : 1);
  return linked / total;
}

