// The fast main-content extractor: @mozilla/readability's scoring (paragraph commas and length credited to
// ancestors, class/id weights, link density, sibling merge, retries) re-done on the light DOM, with its text
// caches kept on the nodes. Preparation is in html-prep.ts, cleaning of the chosen block (forms, share
// widgets, link lists) in html-clean.ts. Returns null only when no attempt found any text.
import type { Element } from 'domhandler';
import { appendChild } from 'domutils';
import { attr, cachedText, detach, innerLength, innerText, invalidateText, isElement, replaceNode, type AnyNode, type ParentNode, type ParsedDom } from '../light-dom.ts';
import { slots } from '../light-nodes.ts';
import { prepArticle } from './html-clean.ts';
import { hasSingleTagInside, isPhrasing, isVisible, isWhitespace, isWithoutContent, newElement, hasChildBlock, prepareDocument } from './html-prep.ts';
import { classWeight, elementChildren, hasAncestorTag, isInTree, linkDensity, nextNode, removeAndGetNext, type Flags } from './html-tree.ts';
import { textSimilarity } from './html-meta.ts';

export interface Extracted {
  /** The article block: the chosen element and the siblings that belong to it, cleaned. */
  content: Element;
  /** A byline read from the page (an element with rel=author, itemprop=author, class "byline"). */
  byline: string | null;
}

const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const TO_SCORE = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const EMPTY_REMOVABLE = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const KEEP_TAG_ON_MERGE = new Set(['div', 'article', 'section', 'p', 'ol', 'ul']);
const N_TOP = 5;
const COMMAS = /\u002C|\u060C|\uFE50|\uFE10|\uFE11|\u2E41|\u2E34|\u2E32|\uFF0C/g;

const score = (el: Element) => slots(el)._score;
const setScore = (el: Element, s: number) => { slots(el)._score = s; };


function initialize(el: Element, flags: Flags): void {
  let s = 0;
  switch (el.name) {
    case 'div': s = 5; break;
    case 'pre': case 'td': case 'blockquote': s = 3; break;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': s = -3; break;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': s = -5; break;
  }
  setScore(el, s + classWeight(el, flags));
}

function ancestors(node: Element, maxDepth = 0): Element[] {
  const out: Element[] = [];
  for (let n: AnyNode = node; n.parent && isElement(n.parent); n = n.parent) {
    out.push(n.parent);
    if (maxDepth && out.length === maxDepth) break;
  }
  return out;
}

interface WalkState {
  byline: string | null;
  wantByline: boolean;
  title: string;
  toScore: Element[];
  flags: Flags;
  /**
   * Readability's retries reset the body's content but not the <body> element: once scored it keeps its score
   * and is never a candidate again. Each attempt here parses afresh, so that is remembered here.
   */
  bodyScored: boolean;
}

/** Readability's first pass: drops hidden, unlikely and empty nodes, finds the byline, turns text-only divs into paragraphs. */
function prune(html: Element, st: WalkState): void {
  let removeTitleHeader = true;
  let node: Element | null = html;
  while (node) {
    const match = `${attr(node, 'class') ?? ''} ${attr(node, 'id') ?? ''}`;
    if (!isVisible(node) || (attr(node, 'aria-modal') === 'true' && attr(node, 'role') === 'dialog')) {
      node = removeAndGetNext(node);
      continue;
    }
    if (st.wantByline && st.byline === null && isValidByline(node, match)) {
      const end = nextNode(node, true);
      let nameNode: Element | null = null;
      for (let n = nextNode(node); n && n !== end; n = nextNode(n)) {
        if ((attr(n, 'itemprop') ?? '').includes('name')) {
          nameNode = n;
          break;
        }
      }
      st.byline = cachedText(nameNode ?? node).trim();
      node = removeAndGetNext(node);
      continue;
    }
    if (removeTitleHeader && (node.name === 'h1' || node.name === 'h2') && textSimilarity(st.title, cachedText(node).trim()) > 0.75) {
      removeTitleHeader = false;
      node = removeAndGetNext(node);
      continue;
    }
    if (st.flags.stripUnlikelys && ((UNLIKELY.test(match) && !MAYBE.test(match) && !hasAncestorTag(node, 'table')
      && !hasAncestorTag(node, 'code') && node.name !== 'body' && node.name !== 'a') || UNLIKELY_ROLES.has(attr(node, 'role') ?? ''))) {
      node = removeAndGetNext(node);
      continue;
    }
    if (EMPTY_REMOVABLE.has(node.name) && isWithoutContent(node)) {
      node = removeAndGetNext(node);
      continue;
    }
    if (TO_SCORE.has(node.name)) st.toScore.push(node);
    if (node.name === 'div') node = divToParagraphs(node, st);
    node = nextNode(node);
  }
}

function isValidByline(node: Element, match: string): boolean {
  if (!(attr(node, 'rel') === 'author' || (attr(node, 'itemprop') ?? '').includes('author') || BYLINE.test(match))) return false;
  const n = cachedText(node).trim().length;
  return n > 0 && n < 100;
}

/** Wraps loose phrasing content of a div in paragraphs; a div holding one paragraph or only phrasing becomes that paragraph. */
function divToParagraphs(div: Element, st: WalkState): Element {
  let p: Element | null = null;
  for (const child of [...div.children]) {
    if (isPhrasing(child)) {
      if (p) appendChild(p, child);
      else if (!isWhitespace(child)) {
        p = newElement('p');
        replaceNode(child, p);
        appendChild(p, child);
      }
    } else if (p) {
      while (p.lastChild && isWhitespace(p.lastChild)) detach(p.lastChild);
      p = null;
    }
  }
  if (hasSingleTagInside(div, 'p') && linkDensity(div) < 0.25) {
    const only = elementChildren(div)[0]!;
    replaceNode(div, only);
    st.toScore.push(only);
    return only;
  }
  if (!hasChildBlock(div)) {
    div.name = 'p';
    st.toScore.push(div);
  }
  return div;
}

/** Credits every scorable paragraph's commas and length to its ancestors; returns the candidates. */
function scoreParagraphs(toScore: Element[], st: WalkState): Element[] {
  const candidates: Element[] = [];
  for (const el of toScore) {
    if (!isInTree(el)) continue;
    const text = innerText(el);
    if (text.length < 25) continue;
    const anc = ancestors(el, 5);
    if (anc.length === 0) continue;
    const points = 1 + text.split(COMMAS).length + Math.min(Math.floor(text.length / 100), 3);
    anc.forEach((a, level) => {
      if (!isInTree(a)) return;
      if (score(a) === undefined) {
        initialize(a, st.flags);
        if (a.name !== 'body' || !st.bodyScored) candidates.push(a);
      }
      setScore(a, score(a)! + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    });
  }
  return candidates;
}

function topCandidates(candidates: Element[]): Element[] {
  const top: Element[] = [];
  for (const c of candidates) {
    const s = score(c)! * (1 - linkDensity(c));
    setScore(c, s);
    for (let t = 0; t < N_TOP; t++) {
      const other = top[t];
      if (!other || s > score(other)!) {
        top.splice(t, 0, c);
        if (top.length > N_TOP) top.pop();
        break;
      }
    }
  }
  return top;
}

/** Readability's choice among the top candidates: a shared ancestor of close runners-up, a better-scoring parent. */
function chooseTop(top: Element[], flags: Flags): Element {
  let best = top[0]!;
  const alternatives = top.slice(1).filter((c) => score(c)! / score(best)! >= 0.75).map((c) => ancestors(c));
  if (alternatives.length >= 3) {
    for (let p = best.parent as Element | null; p && isElement(p) && p.name !== 'body'; p = p.parent as Element | null) {
      if (alternatives.filter((list) => list.includes(p!)).length >= 3) {
        best = p;
        break;
      }
    }
  }
  if (score(best) === undefined) initialize(best, flags);
  let last = score(best)!;
  const threshold = last / 3;
  for (let p = best.parent as Element | null; p && isElement(p) && p.name !== 'body'; p = p.parent as Element | null) {
    const s = score(p);
    if (s === undefined) continue;
    if (s < threshold) break;
    if (s > last) {
      best = p;
      break;
    }
    last = s;
  }
  for (let p = best.parent as Element | null; p && isElement(p) && p.name !== 'body' && elementChildren(p).length === 1; p = p.parent as Element | null) {
    best = p;
  }
  if (score(best) === undefined) initialize(best, flags);
  return best;
}

/** The chosen element plus the siblings that score well or read like paragraphs of the same article. */
function mergeSiblings(best: Element): Element {
  const content = newElement('div');
  const threshold = Math.max(10, score(best)! * 0.2);
  const cls = attr(best, 'class') ?? '';
  for (const sib of elementChildren(best.parent as ParentNode)) {
    let append = sib === best;
    if (!append) {
      const bonus = cls !== '' && (attr(sib, 'class') ?? '') === cls ? score(best)! * 0.2 : 0;
      const s = score(sib);
      if (s !== undefined && s + bonus >= threshold) append = true;
      else if (sib.name === 'p') {
        const density = linkDensity(sib);
        const text = innerText(sib);
        append = (text.length > 80 && density < 0.25) || (text.length < 80 && text.length > 0 && density === 0 && text.search(/\.( |$)/) !== -1);
      }
    }
    if (!append) continue;
    if (!KEEP_TAG_ON_MERGE.has(sib.name)) sib.name = 'div';
    detach(sib);
    appendChild(content, sib);
  }
  return content;
}

/** Minimum article text (Readability's charThreshold as Dossier sets it); less means the page needs the full algorithm. */
const CHAR_THRESHOLD = 300;


/** One of Readability's attempts on a fresh parse: prepare, prune, score, choose, merge siblings, clean. */
function attempt(parsed: ParsedDom, st: WalkState): Element | null {
  const { html, body } = prepareDocument(parsed);
  st.toScore = [];
  prune(html, st);
  const candidates = scoreParagraphs(st.toScore, st);
  if (candidates.some((c) => c.name === 'body')) st.bodyScored = true;
  const top = topCandidates(candidates);
  let content: Element;
  if (top.length === 0 || top[0]!.name === 'body') {
    // No paragraph stands out: the whole body is the candidate.
    content = newElement('div');
    const all = newElement('div');
    if (body.children[0]) invalidateText(body.children[0]);
    // One move of the whole child list: moving children one by one costs a search of the list each.
    all.children = body.children;
    body.children = [];
    for (const c of all.children) c.parent = all;
    appendChild(content, all);
  } else {
    content = mergeSiblings(chooseTop(top, st.flags));
  }
  prepArticle(content, st.flags);
  return content;
}

/**
 * Finds the article of a page. Like Readability, it retries with one switch fewer while the text is under
 * CHAR_THRESHOLD, and then settles for the longest attempt; null only when no attempt found any text.
 * `parse` gives a fresh DOM for each attempt: attempts change the tree.
 */
export function extractArticle(parse: () => ParsedDom, opts: { title: string; hasMetaByline: boolean }): Extracted | null {
  const st: WalkState = { byline: null, wantByline: !opts.hasMetaByline, title: opts.title, toScore: [], bodyScored: false,
    flags: { stripUnlikelys: true, weightClasses: true, cleanConditionally: true } };
  let best: { content: Element; length: number } | null = null;
  for (const off of ['stripUnlikelys', 'weightClasses', 'cleanConditionally', null] as const) {
    const content = attempt(parse(), st);
    const length = content ? innerLength(content) : 0;
    if (content && length >= CHAR_THRESHOLD) return { content, byline: st.byline };
    // Ties keep the earlier attempt, as Readability's stable sort does.
    if (content && length > (best?.length ?? 0)) best = { content, length };
    if (off === null) break;
    st.flags[off] = false;
  }
  return best ? { content: best.content, byline: st.byline } : null;
}
