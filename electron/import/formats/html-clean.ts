// Cleans the article block the fast extractor chose, with @mozilla/readability's rules: forms, asides,
// footers, share widgets, low-weight headings, and tables, lists and divs that look like link lists,
// ads or image galleries go; data tables, videos and paragraphs of prose stay.
import type { Element } from 'domhandler';
import { attr, cachedText, detach, innerLength, innerText, isElement } from '../light-dom.ts';
import { slots } from '../light-nodes.ts';
import { all, classWeight, DIV_TO_P, hasAncestorTag, nextNode, removeAndGetNext, type Flags } from './html-tree.ts';

const SHARE = /(\b|_)(share|sharedaddy)(\b|_)/i;
const VIDEOS = /\/\/(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)/i;
const AD_WORDS = /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$/iu;
const LOADING_WORDS = /^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu;
const SHARE_THRESHOLD = 500;
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EMBEDS = new Set(['object', 'embed', 'iframe']);
const TEXTISH = new Set(['span', 'li', 'td', ...DIV_TO_P]);
const LISTS = new Set(['ul', 'ol']);

const isDataTable = (t: Element) => !!slots(t)._dataTable;

const hasVideo = (el: Element) => Object.values(el.attribs).some((v) => VIDEOS.test(v));

function markDataTables(tables: Element[]): void {
  for (const t of tables) {
    slots(t)._dataTable = isDataTableShape(t);
  }
}

function isDataTableShape(t: Element): boolean {
  if (attr(t, 'role') === 'presentation' || attr(t, 'datatable') === '0') return false;
  if (attr(t, 'summary')) return true;
  const caption = all(t, 'caption')[0];
  if (caption && caption.children.length) return true;
  if (all(t, new Set(['col', 'colgroup', 'tfoot', 'thead', 'th'])).length) return true;
  if (all(t, 'table').length) return false;
  let rows = 0;
  let columns = 0;
  for (const tr of all(t, 'tr')) {
    rows += parseInt(attr(tr, 'rowspan') ?? '', 10) || 1;
    let cols = 0;
    for (const td of all(tr, 'td')) cols += parseInt(attr(td, 'colspan') ?? '', 10) || 1;
    columns = Math.max(columns, cols);
  }
  if (columns === 1 || rows === 1) return false;
  if (rows >= 10 || columns > 4) return true;
  return rows * columns > 10;
}

/**
 * The elements below the article block by name, in document order, from one walk: prepArticle's passes only
 * remove elements (and rename h1 at the very end), so each pass takes its list from here, skipping what left.
 */
type ByName = Map<string, Element[]>;

function elementsByName(root: Element): ByName {
  const out: ByName = new Map();
  const visit = (el: Element) => {
    for (const k of el.children) {
      if (!isElement(k)) continue;
      let list = out.get(k.name);
      if (!list) out.set(k.name, (list = []));
      list.push(k);
      visit(k);
    }
  };
  visit(root);
  return out;
}

/** Still in the article block: an earlier pass may have removed it or one of its ancestors. */
function isBelow(el: Element, root: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === root) return true;
  return false;
}

/** Removes, innermost first, every `tag` element the test picks (Readability iterates in reverse document order). */
function removeWhere(root: Element, index: ByName, tag: string, test: (el: Element) => boolean): void {
  const list = index.get(tag) ?? [];
  for (let i = list.length - 1; i >= 0; i--) {
    const el = list[i]!;
    if (isBelow(el, root) && test(el)) detach(el);
  }
}

/** What the conditional cleaning weighs, gathered in one walk of the element's subtree. */
interface Census {
  p: number; img: number; li: number; input: number;
  /** Text lengths inside lists, headings, links (in-page links at 30 %) and text-ish elements (nested ones count again, as in Readability). */
  listText: number; headingText: number; linkText: number; textishText: number;
  embeds: Element[];
  dataTable: boolean;
}

function census(node: Element): Census {
  const c: Census = { p: 0, img: 0, li: 0, input: 0, listText: 0, headingText: 0, linkText: 0, textishText: 0, embeds: [], dataTable: false };
  const visit = (el: Element) => {
    for (const k of el.children) {
      if (!isElement(k)) continue;
      const name = k.name;
      if (name === 'p') c.p++;
      else if (name === 'img') c.img++;
      else if (name === 'li') c.li++;
      else if (name === 'input') c.input++;
      else if (name === 'a') c.linkText += innerLength(k) * (/^#.+/.test(attr(k, 'href') ?? '') ? 0.3 : 1);
      else if (name === 'table' && isDataTable(k)) c.dataTable = true;
      if (LISTS.has(name)) c.listText += innerLength(k);
      if (HEADINGS.has(name)) c.headingText += innerLength(k);
      if (EMBEDS.has(name)) c.embeds.push(k);
      if (TEXTISH.has(name)) c.textishText += innerLength(k);
      visit(k);
    }
  };
  visit(node);
  return c;
}

function shouldCleanConditionally(node: Element, tag: string, flags: Flags): boolean {
  const text = innerText(node);
  const c = census(node);
  const isList = tag === 'ul' || tag === 'ol' || c.listText / text.length > 0.9;
  if (tag === 'table' && isDataTable(node)) return false;
  if (hasAncestorTag(node, 'table', -1, isDataTable) || hasAncestorTag(node, 'code')) return false;
  if (c.dataTable) return false;
  const weight = classWeight(node, flags);
  if (weight < 0) return true;
  if (text.split(',').length - 1 >= 10) return false;
  const { p, img, input } = c;
  const li = c.li - 100;
  const contentLength = text.length;
  const headingDensity = contentLength ? c.headingText / contentLength : 0;
  if (c.embeds.some(hasVideo)) return false;
  const embedCount = c.embeds.length;
  if (AD_WORDS.test(text) || LOADING_WORDS.test(text)) return true;
  const density = contentLength ? c.linkText / contentLength : 0;
  const textish = contentLength ? c.textishText / contentLength : 0;
  const inFigure = hasAncestorTag(node, 'figure');
  const remove = (!inFigure && img > 1 && p / img < 0.5)
    || (!isList && li > p)
    || input > Math.floor(p / 3)
    || (!isList && !inFigure && headingDensity < 0.9 && contentLength < 25 && (img === 0 || img > 2) && density > 0)
    || (!isList && weight < 25 && density > 0.2)
    || (weight >= 25 && density > 0.5)
    || (embedCount === 1 && contentLength < 75) || embedCount > 1
    || (img === 0 && textish === 0);
  if (isList && remove) {
    // A list of images (one picture per item) is content, not a link list.
    if (node.children.some((k) => isElement(k) && k.children.filter(isElement).length > 1)) return true;
    if (img === c.li) return false;
  }
  return remove;
}

function cleanMatched(root: Element, test: (el: Element, match: string) => boolean): void {
  const end = nextNode(root, true);
  let next = nextNode(root);
  while (next && next !== end) {
    next = test(next, `${attr(next, 'class') ?? ''} ${attr(next, 'id') ?? ''}`) ? removeAndGetNext(next) : nextNode(next);
  }
}

/** Readability's _prepArticle, limited to the steps that change which text is kept. */
export function prepArticle(content: Element, flags: Flags): void {
  const index = elementsByName(content);
  markDataTables(index.get('table') ?? []);
  const remove = (tag: string, test: (el: Element) => boolean) => removeWhere(content, index, tag, test);
  const conditionally = (tag: string) => {
    if (flags.cleanConditionally) remove(tag, (el) => shouldCleanConditionally(el, tag, flags));
  };
  conditionally('form');
  conditionally('fieldset');
  for (const tag of ['object', 'embed']) remove(tag, (el) => !hasVideo(el));
  for (const tag of ['footer', 'link', 'aside']) remove(tag, () => true);
  for (const top of content.children.filter(isElement)) {
    cleanMatched(top, (el, match) => SHARE.test(match) && cachedText(el).length < SHARE_THRESHOLD);
  }
  remove('iframe', (el) => !hasVideo(el));
  for (const tag of ['input', 'textarea', 'select', 'button']) remove(tag, () => true);
  for (const tag of ['h1', 'h2']) remove(tag, (el) => classWeight(el, flags) < 0);
  for (const tag of ['table', 'ul', 'div']) conditionally(tag);
  for (const h of index.get('h1') ?? []) if (isBelow(h, content)) h.name = 'h2';
}
