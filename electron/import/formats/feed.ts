// Feeds: RSS 2.0 / RSS 1.0, Atom and JSON Feed -> one article per item. Content is content:encoded,
// content, description or summary (HTML reduced to text); item links are kept as metadata, never fetched.
// XML entity expansion is capped (billion-laughs), and a broken feed fails as a whole with a clear reason.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ArticleDraft } from '../../article.ts';
import type { DossierError } from '../../errors.ts';
import { toIsoDate } from '../dates.ts';
import { htmlFragmentBlocks, looksLikeHtml } from '../light-dom.ts';
import { buildDraft } from '../draft.ts';
import { decodeEntities } from '../entities.ts';
import { fail } from '../failures.ts';
import { splitParagraphs } from '../normalize.ts';
import type { Block } from '../structure.ts';

export type FeedItem = { draft: ArticleDraft } | { error: DossierError };

type Node = string | number | boolean | null | undefined | Node[] | { [k: string]: Node };
type Obj = { [k: string]: Node };

const ARRAYS = new Set(['item', 'entry', 'link', 'category', 'author', 'dc:creator']);

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', removeNSPrefix: false,
  parseTagValue: false, parseAttributeValue: false, trimValues: true, htmlEntities: true,
  processEntities: { enabled: true, maxEntityCount: 50, maxEntitySize: 2000, maxTotalExpansions: 5000, maxExpandedLength: 200_000 },
  isArray: (name) => ARRAYS.has(name),
});

function obj(n: Node): Obj | null {
  return n !== null && typeof n === 'object' && !Array.isArray(n) ? n : null;
}

function first(n: Node): Node {
  return Array.isArray(n) ? n[0] : n;
}

/** The text of an element, whether it parsed to a string or to an object with attributes. */
function text(n: Node): string {
  const v = first(n);
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  if ('#text' in v) return text(v['#text']);
  // Atom type="xhtml" content arrives as nested elements: gather their text.
  return Object.entries(v).filter(([k]) => !k.startsWith('@_')).map(([, c]) => (Array.isArray(c) ? c.map(text).join(' ') : text(c))).join(' ');
}

function blocksFrom(content: string): Block[] {
  return looksLikeHtml(content) ? htmlFragmentBlocks(content) : splitParagraphs(decodeEntities(content)).map((t) => ({ kind: 'p', level: 0, text: t }));
}

function plainTitle(s: string): string {
  return decodeEntities(s.replace(/<[^>]*>/g, '')).trim();
}

interface RawItem {
  title: string;
  content: string;
  byline: string | null;
  date: string | null;
  links: string[];
  language: string | null;
}

function toItems(items: RawItem[], fileName: string, outlet: string | null, feedLanguage: string | null): FeedItem[] {
  return items.map((it, i) => {
    const name = `${fileName}#${i + 1}`;
    try {
      const blocks = blocksFrom(it.content);
      if (blocks.length === 0) throw fail.noText(name, 'feed entry');
      const draft = buildDraft({
        fileName: name, format: 'feed', blocks, title: plainTitle(it.title) || null, byline: it.byline, outlet,
        publishedAt: toIsoDate(it.date), declaredLanguage: it.language ?? feedLanguage, links: it.links, titleFromHeading: 2,
        what: 'feed entry',
      });
      return { draft };
    } catch (e) {
      return { error: e as DossierError };
    }
  });
}

function atomLinks(n: Node): string[] {
  const links = (Array.isArray(n) ? n : [n]).map(obj).filter((l): l is Obj => l !== null);
  const alternate = links.filter((l) => !l['@_rel'] || l['@_rel'] === 'alternate');
  return alternate.map((l) => String(l['@_href'] ?? '')).filter(Boolean);
}

function rssItems(items: Node[]): RawItem[] {
  return items.map(obj).filter((it): it is Obj => it !== null).map((it) => ({
    title: text(it.title),
    content: text(it['content:encoded']) || text(it.description) || text(it.summary),
    byline: text(it['dc:creator']) || text(it.author) || null,
    date: text(it.pubDate) || text(it['dc:date']) || null,
    links: [text(it.link), obj(first(it.guid))?.['@_isPermaLink'] === 'false' ? '' : text(it.guid)].filter((l) => /^https?:\/\//.test(l)),
    language: text(it['dc:language']) || null,
  }));
}

function atomItems(entries: Node[]): RawItem[] {
  return entries.map(obj).filter((e): e is Obj => e !== null).map((e) => ({
    title: text(e.title),
    content: text(e.content) || text(e.summary),
    byline: (Array.isArray(e.author) ? e.author : [e.author]).map((a) => text(obj(a)?.name)).filter(Boolean).join(', ') || null,
    date: text(e.published) || text(e.updated) || null,
    links: atomLinks(e.link),
    language: String(obj(e)?.['@_xml:lang'] ?? '') || null,
  }));
}

/** Parses an RSS or Atom document. Throws import/corrupt when the XML is broken or is not a feed. */
export function parseXmlFeed(xml: string, fileName: string): FeedItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw fail.corrupt(fileName, 'a news feed', `its XML breaks off or is malformed near line ${valid.err.line}`);
  let doc: Obj;
  try {
    doc = parser.parse(xml) as Obj;
  } catch (e) {
    throw fail.corrupt(fileName, 'a news feed', (e as Error).message);
  }
  const rss = obj(doc.rss);
  const rdf = obj(doc['rdf:RDF']);
  const atom = obj(doc.feed);
  let items: FeedItem[];
  if (rss || rdf) {
    const channel = obj(first((rss ?? rdf)!.channel)) ?? {};
    const raw = rssItems((channel.item ?? rdf?.item ?? []) as Node[]);
    items = toItems(raw, fileName, plainTitle(text(channel.title)) || null, text(channel.language) || text(channel['dc:language']) || null);
  } else if (atom) {
    items = toItems(atomItems((atom.entry ?? []) as Node[]), fileName, plainTitle(text(atom.title)) || null, String(atom['@_xml:lang'] ?? '') || null);
  } else {
    throw fail.unsupported(fileName, 'an XML file but not a news feed (RSS or Atom)');
  }
  if (items.length === 0) throw fail.noEntries(fileName);
  return items;
}

/** Parses a JSON Feed (jsonfeed.org, versions 1 and 1.1). */
export function parseJsonFeed(json: string, fileName: string): FeedItem[] {
  let feed: Obj | null;
  try {
    feed = obj(JSON.parse(json) as Node);
  } catch (e) {
    throw fail.corrupt(fileName, 'a JSON feed', (e as Error).message);
  }
  if (!feed || !Array.isArray(feed.items)) throw fail.corrupt(fileName, 'a JSON feed', 'it has no "items" list');
  const authorName = (o: Obj) => (Array.isArray(o.authors) ? o.authors : [o.author]).map((a) => text(obj(a)?.name)).filter(Boolean).join(', ') || null;
  const raw: RawItem[] = feed.items.map(obj).filter((it): it is Obj => it !== null).map((it) => ({
    title: text(it.title),
    content: text(it.content_html) || text(it.content_text) || text(it.summary),
    byline: authorName(it) ?? authorName(feed!),
    date: text(it.date_published) || text(it.date_modified) || null,
    links: [text(it.url), text(it.external_url)].filter((l) => /^https?:\/\//.test(l)),
    language: text(it.language) || null,
  }));
  const items = toItems(raw, fileName, text(feed.title) || null, text(feed.language) || null);
  if (items.length === 0) throw fail.noEntries(fileName);
  return items;
}
