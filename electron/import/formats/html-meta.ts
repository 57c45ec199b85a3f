// A web page's metadata read off the light DOM: title, byline, outlet, date, language and source links
// from JSON-LD, <meta> tags and <title>. Title, byline, site name and date follow @mozilla/readability's
// rules (its metadata pass and title heuristics), so the fast extractor agrees with the fallback.
import { toIsoDate } from '../dates.ts';
import { attr, findAll, textOf, type Document, type Element } from '../light-dom.ts';

export interface PageMeta {
  /** Readability's title (JSON-LD, meta tags, or the cleaned <title>); what the extractor compares headings with. */
  title: string | null;
  /** The byline from metadata; when absent the extractor looks for a byline element in the page. */
  byline: string | null;
  /** Wider net for pages whose metadata Readability's rules miss. */
  looseTitle: string | null;
  looseByline: string | null;
  outlet: string | null;
  publishedAt: string | null;
  lang: string | null;
  links: string[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPES = /^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$/;
const SCHEMA_ORG = /^https?:\/\/schema\.org\/?$/;
const PROPERTY = /\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*/gi;
const NAME = /^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$/i;

const typeOf = (o: JsonObject) => (typeof o['@type'] === 'string' ? o['@type'] : '');
const str = (v: Json | undefined) => (typeof v === 'string' ? v.trim() : null);
const wordCount = (s: string) => s.split(/\s+/).length;
const normalizeSpace = (s: string) => s.trim().replace(/\s{2,}/g, ' ');

/** Readability's token overlap: the share of b's text made of tokens also in a. */
export function textSimilarity(a: string, b: string): number {
  const ta = a.toLowerCase().split(/\W+/).filter(Boolean);
  const tb = b.toLowerCase().split(/\W+/).filter(Boolean);
  if (!ta.length || !tb.length) return 0;
  const inA = new Set(ta);
  return 1 - tb.filter((t) => !inA.has(t)).join(' ').length / tb.join(' ').length;
}

/** The elements metadata is read from, collected in one walk over the page. */
interface Heads {
  html: Element | null;
  title: Element | null;
  metas: Element[];
  ldScripts: Element[];
  headings: Element[];
  itemDate: Element | null;
  canonical: Element | null;
}

function collect(elements: Element[]): Heads {
  const h: Heads = { html: null, title: null, metas: [], ldScripts: [], headings: [], itemDate: null, canonical: null };
  for (const el of elements) {
    switch (el.name) {
      case 'html': h.html ??= el; break;
      case 'title': h.title ??= el; break;
      case 'meta': h.metas.push(el); break;
      case 'script': if (attr(el, 'type') === 'application/ld+json') h.ldScripts.push(el); break;
      case 'h1': case 'h2': h.headings.push(el); break;
      case 'link': if (attr(el, 'rel') === 'canonical') h.canonical ??= el; break;
    }
    if (attr(el, 'itemprop') === 'datePublished') h.itemDate ??= el;
  }
  return h;
}

const documentTitle = (h: Heads) => (h.title ? textOf(h.title).trim() : '');

/** The headline from <title>, without the site name around " | ", " - ", " » " or after ": " (Readability's rules). */
export function articleTitle(h: Heads): string {
  const orig = documentTitle(h);
  let cur = orig;
  let hierarchical = false;
  if (/ [|\-\\/>»] /.test(cur)) {
    hierarchical = / [\\/>»] /.test(cur);
    const seps = [...orig.matchAll(/ [|\-\\/>»] /gi)];
    cur = orig.substring(0, seps.pop()!.index);
    if (wordCount(cur) < 3) cur = orig.replace(/^[^|\-\\/>»]*[|\-\\/>»]/gi, '');
  } else if (cur.includes(': ')) {
    const trimmed = cur.trim();
    const match = h.headings.some((el) => textOf(el).trim() === trimmed);
    if (!match) {
      cur = orig.substring(orig.lastIndexOf(':') + 1);
      if (wordCount(cur) < 3) cur = orig.substring(orig.indexOf(':') + 1);
      else if (wordCount(orig.substring(0, orig.indexOf(':'))) > 5) cur = orig;
    }
  } else if (cur.length > 150 || cur.length < 15) {
    const h1s = h.headings.filter((el) => el.name === 'h1');
    if (h1s.length === 1) cur = normalizeSpace(textOf(h1s[0]!));
  }
  cur = normalizeSpace(cur);
  const n = wordCount(cur);
  if (n <= 4 && (!hierarchical || n !== wordCount(orig.replace(/[|\-\\/>»]+/g, '')) - 1)) cur = orig;
  return cur;
}

interface LdMeta { title?: string; byline?: string; siteName?: string; datePublished?: string }

/** The first schema.org article object in the page's JSON-LD (Readability's choice). */
function jsonLd(h: Heads): LdMeta {
  for (const s of h.ldScripts) {
    try {
      let parsed = JSON.parse(textOf(s).replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json;
      if (Array.isArray(parsed)) {
        parsed = parsed.find((it) => !!it && typeof it === 'object' && !Array.isArray(it) && ARTICLE_TYPES.test(typeOf(it))) ?? null;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) continue;
      const ctx = parsed['@context'];
      const vocab = ctx && typeof ctx === 'object' && !Array.isArray(ctx) ? ctx['@vocab'] : null;
      if (!(typeof ctx === 'string' && SCHEMA_ORG.test(ctx)) && !(typeof vocab === 'string' && SCHEMA_ORG.test(vocab))) continue;
      let o: JsonObject | undefined = parsed;
      if (!parsed['@type'] && Array.isArray(parsed['@graph'])) {
        o = parsed['@graph'].find((it): it is JsonObject => !!it && typeof it === 'object' && !Array.isArray(it) && ARTICLE_TYPES.test(typeOf(it)));
      }
      if (!o || !ARTICLE_TYPES.test(typeOf(o))) continue;
      const meta: LdMeta = {};
      const name = str(o.name);
      const headline = str(o.headline);
      if (typeof o.name === 'string' && typeof o.headline === 'string' && o.name !== o.headline) {
        const title = articleTitle(h);
        meta.title = textSimilarity(o.headline, title) > 0.75 && !(textSimilarity(o.name, title) > 0.75) ? o.headline : o.name;
      } else {
        meta.title = name ?? headline ?? undefined;
      }
      const author = o.author;
      if (author && typeof author === 'object') {
        if (!Array.isArray(author) && typeof author.name === 'string') meta.byline = author.name.trim();
        else if (Array.isArray(author) && author[0] && typeof author[0] === 'object' && !Array.isArray(author[0]) && typeof author[0].name === 'string') {
          meta.byline = author.map((a) => (a && typeof a === 'object' && !Array.isArray(a) ? str(a.name) : null)).filter((x) => x !== null).join(', ');
        }
      }
      const publisher = o.publisher;
      if (publisher && typeof publisher === 'object' && !Array.isArray(publisher)) meta.siteName = str(publisher.name) ?? undefined;
      meta.datePublished = str(o.datePublished) ?? undefined;
      return meta;
    } catch {
      // Broken JSON-LD is common on real pages; the other metadata still counts.
    }
  }
  return {};
}

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
const unescape = (s: string | null | undefined) => (s ? s.replace(/&(quot|amp|apos|lt|gt);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!)
  .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_, hex: string | undefined, dec: string | undefined) => {
    const n = parseInt(hex ?? dec!, hex ? 16 : 10);
    return String.fromCodePoint(n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n);
  }) : null);

/** Everything the page says about itself; `elements`: the page's elements in document order, if at hand. */
export function pageMetadata(doc: Document, elements: Element[] = findAll(doc, () => true)): PageMeta {
  const h = collect(elements);
  const metas = h.metas;
  const values = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const m of metas) {
    const content = attr(m, 'content');
    const name = attr(m, 'name');
    const property = attr(m, 'property');
    const key = (property ?? name ?? attr(m, 'itemprop') ?? '').toLowerCase();
    if (key && content && !loose.has(key)) loose.set(key, content.trim());
    if (!content) continue;
    const pm = property ? property.match(PROPERTY) : null;
    if (pm) values.set(pm[0]!.toLowerCase().replace(/\s/g, ''), content.trim());
    else if (name && NAME.test(name)) values.set(name.toLowerCase().replace(/\s/g, '').replace(/\./g, ':'), content.trim());
  }
  const ld = jsonLd(h);
  const v = (k: string) => values.get(k) || undefined;
  const title = ld.title || v('dc:title') || v('dcterm:title') || v('og:title') || v('weibo:article:title') || v('weibo:webpage:title')
    || v('title') || v('twitter:title') || v('parsely-title') || articleTitle(h);
  const author = v('article:author');
  const byline = ld.byline || v('dc:creator') || v('dcterm:creator') || v('author') || v('parsely-author') || (author && !isUrl(author) ? author : undefined);
  const pick = (...keys: string[]) => keys.map((k) => loose.get(k)).find((x) => !!x) ?? null;
  const itemDate = h.itemDate;
  const date = ld.datePublished || v('article:published_time') || v('parsely-pub-date') || pick('article:published_time', 'og:article:published_time',
    'datepublished', 'date', 'pubdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date',
    'citation_publication_date') || (itemDate ? attr(itemDate, 'datetime') ?? attr(itemDate, 'content') : null);
  const { canonical, html } = h;
  return {
    title: unescape(title) || null,
    byline: unescape(byline) || null,
    looseTitle: pick('og:title', 'twitter:title') || documentTitle(h) || null,
    looseByline: pick('author', 'article:author', 'dc.creator', 'parsely-author', 'byl'),
    outlet: unescape(ld.siteName || v('og:site_name')) || pick('og:site_name', 'application-name'),
    publishedAt: toIsoDate(unescape(date)),
    lang: (html && attr(html, 'lang')) || pick('og:locale', 'content-language'),
    links: [canonical ? attr(canonical, 'href') : null, pick('og:url')].filter((u): u is string => !!u && /^https?:\/\//i.test(u)),
  };
}
