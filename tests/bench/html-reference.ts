// The reference for the fast HTML extractor: Dossier's web-page import as it was before it (Readability on
// linkedom for every page). The quality check and the corpus test compare the fast path with it.
import { Readability } from '@mozilla/readability';
import type { ArticleDraft } from '../../electron/article.ts';
import { toIsoDate } from '../../electron/import/dates.ts';
import { domBlocks, parseHtmlDocument } from '../../electron/import/linkedom-document.ts';
import { buildDraft } from '../../electron/import/draft.ts';
import { fail } from '../../electron/import/failures.ts';
import type { Block } from '../../electron/import/structure.ts';
import { htmlDepth, MAX_HTML_DEPTH } from '../../electron/import/formats/html-depth.ts';

interface PageMeta {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  publishedAt: string | null;
  lang: string | null;
  links: string[];
}

/** Less than this much prose is a page without an article (a menu, a redirect, an error page). */
const MIN_ARTICLE_CHARS = 80;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function jsonLdObjects(doc: Document): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const visit = (v: Json, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    out.push(v);
    if (v['@graph']) visit(v['@graph'], depth + 1);
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? '') as Json, 0);
    } catch {
      // Broken JSON-LD is common on real pages; the other metadata still counts.
    }
  }
  return out;
}

function names(v: Json | undefined): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(names).filter((x): x is string => !!x).join(', ') || null;
  if (v && typeof v === 'object' && typeof v.name === 'string') return v.name;
  return null;
}

function pageMetadata(doc: Document): PageMeta {
  const metas = new Map<string, string>();
  for (const m of doc.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    const content = m.getAttribute('content');
    if (key && content && !metas.has(key)) metas.set(key, content.trim());
  }
  const ld = jsonLdObjects(doc).find((o) => /article|posting|report/i.test(String(o['@type'] ?? ''))) ?? {};
  const pick = (...keys: string[]) => keys.map((k) => metas.get(k)).find((v) => !!v) ?? null;
  const itemDate = doc.querySelector('[itemprop="datePublished"]');
  const date = pick('article:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate', 'publish-date',
    'dc.date', 'dc.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'citation_publication_date')
    ?? (typeof ld.datePublished === 'string' ? ld.datePublished : null)
    ?? itemDate?.getAttribute('datetime') ?? itemDate?.getAttribute('content') ?? null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  return {
    title: pick('og:title', 'twitter:title') ?? (typeof ld.headline === 'string' ? ld.headline : null),
    byline: pick('author', 'article:author', 'dc.creator', 'parsely-author', 'byl') ?? names(ld.author),
    outlet: pick('og:site_name', 'application-name') ?? names(ld.publisher),
    publishedAt: toIsoDate(date),
    lang: doc.documentElement?.getAttribute('lang') ?? pick('og:locale', 'content-language'),
    links: [canonical, pick('og:url')].filter((u): u is string => !!u && /^https?:\/\//i.test(u)),
  };
}

const textLength = (blocks: Block[]) => blocks.reduce((n, b) => n + b.text.length, 0);

/** Pages too small for Readability (a hand-written note, an exported snippet): the body without its chrome. */
function bodyBlocks(html: string): Block[] {
  const doc = parseHtmlDocument(html);
  for (const el of doc.querySelectorAll('nav, header, footer, aside, menu, [role="navigation"], [role="banner"]')) el.remove();
  return doc.body ? domBlocks(doc.body) : [];
}

/** One web page -> one article; import/no-article when the page has no readable text. */
export function parseHtmlWithReadability(html: string, fileName: string, extraLinks: string[] = []): ArticleDraft {
  // Hostile nesting (flattened by parseHtmlDocument) skips Readability, whose cost grows with depth.
  const tooDeep = htmlDepth(html) > MAX_HTML_DEPTH;
  const doc = parseHtmlDocument(html);
  const meta = pageMetadata(doc);
  const docTitle = doc.title?.trim() || null;
  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    if (!tooDeep) article = new Readability<Node>(doc, { serializer: (n) => n, charThreshold: 300 }).parse();
  } catch {
    article = null;
  }
  let blocks = article?.content ? domBlocks(article.content) : [];
  if (textLength(blocks) < MIN_ARTICLE_CHARS) blocks = bodyBlocks(html);
  if (textLength(blocks) < MIN_ARTICLE_CHARS || !blocks.some((b) => b.kind === 'p' && b.text.length >= 40)) {
    throw fail.noArticle(fileName);
  }
  return buildDraft({
    fileName, format: 'html', blocks,
    title: article?.title || meta.title || docTitle,
    byline: article?.byline || meta.byline,
    outlet: article?.siteName || meta.outlet,
    publishedAt: toIsoDate(article?.publishedTime) ?? meta.publishedAt,
    declaredLanguage: article?.lang || meta.lang,
    links: [...meta.links, ...extraLinks],
    titleFromHeading: 2, readHeader: true, what: 'page',
  });
}
