// Saved web pages: one htmlparser2 parse into a light DOM; metadata from JSON-LD, <meta> tags and <title>;
// the article found by the fast extractor (Readability's scoring re-done on that DOM, html-readable.ts).
// Only when it is not confident does @mozilla/readability run on a linkedom DOM. Only text is kept, so
// nothing active from the page survives.
import { createRequire } from 'node:module';
import type { ArticleDraft } from '../../article.ts';
import { domBlocks, parseHtmlDocument } from '../linkedom-document.ts';
import { buildDraft } from '../draft.ts';
import { fail } from '../failures.ts';
import { attr, findFirst, lightBlocks, parseLightPage, parseMarkup, parseMarkupWithElements, type Document } from '../light-dom.ts';
import type { Block } from '../structure.ts';
import { pageMetadata, type PageMeta } from './html-meta.ts';
import { extractArticle, type Extracted } from './html-readable.ts';

/** Less than this much prose is a page without an article (a menu, a redirect, an error page). */
const MIN_ARTICLE_CHARS = 80;
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'menu']);
/**
 * Real news pages have a few thousand elements. Far more is generated or hostile markup (100,000 empty
 * paragraphs), where the extractors' tree edits get slow: such a page is read whole, like a flattened one.
 */
const MAX_EXTRACTOR_ELEMENTS = 25_000;

/** Which extractor produced the text: the fast path, Readability (fallback), or the whole body (tiny or hostile pages). */
export type HtmlExtractor = 'fast' | 'readability' | 'body';

export interface HtmlArticle {
  blocks: Block[];
  meta: PageMeta;
  /** A byline found in the page's markup (used when the metadata names none). */
  byline: string | null;
  extractor: HtmlExtractor;
}

// Readability (and linkedom under it) load only when a page needs the fallback.
const requireCjs = createRequire(import.meta.url);
let readability: typeof import('@mozilla/readability') | null = null;

const textLength = (blocks: Block[]) => blocks.reduce((n, b) => n + b.text.length, 0);

/** Pages too small for the extractors (a hand-written note, an exported snippet): the body without its chrome. */
function bodyBlocks(doc: Document): Block[] {
  const body = findFirst(doc, (el) => el.name === 'body');
  if (!body) return [];
  const role = (r: string | null) => r === 'navigation' || r === 'banner';
  return lightBlocks(body, (el) => CHROME.has(el.name) || role(attr(el, 'role')));
}

/** The fallback: Readability on a linkedom DOM (several times slower, but the reference behaviour). */
function readabilityBlocks(html: string): { blocks: Block[]; byline: string | null } {
  try {
    readability ??= requireCjs('@mozilla/readability') as typeof import('@mozilla/readability');
    const article = new readability.Readability<Node>(parseHtmlDocument(html), { serializer: (n) => n, charThreshold: 300 }).parse();
    return { blocks: article?.content ? domBlocks(article.content) : [], byline: article?.byline ?? null };
  } catch {
    return { blocks: [], byline: null };
  }
}

/** The fast extractor's answer; null (so the fallback runs) when it found nothing or hit markup it cannot handle. */
function tryExtract(run: () => Extracted | null): Extracted | null {
  try {
    return run();
  } catch {
    return null;
  }
}

/** The article text and metadata of a web page, and which extractor found it. */
export function extractHtmlArticle(html: string): HtmlArticle {
  const page = parseLightPage(html);
  const meta = pageMetadata(page.doc, page.elementList);
  let extractor: HtmlExtractor = 'fast';
  let blocks: Block[] = [];
  let byline: string | null = null;
  // Hostile nesting (flattened by the parser) skips the extractors, whose cost grows with depth.
  if (!page.flattened && page.elementList.length <= MAX_EXTRACTOR_ELEMENTS) {
    let first = true;
    const fast = tryExtract(() => extractArticle(() => (first ? (first = false, page) : parseMarkupWithElements(page.markup)),
      { title: meta.title ?? '', hasMetaByline: !!meta.byline }));
    if (fast) {
      blocks = lightBlocks(fast.content);
      byline = fast.byline;
    } else {
      extractor = 'readability';
      ({ blocks, byline } = readabilityBlocks(page.markup));
    }
  }
  if (textLength(blocks) < MIN_ARTICLE_CHARS) {
    extractor = 'body';
    blocks = bodyBlocks(parseMarkup(page.markup));
  }
  return { blocks, meta, byline, extractor };
}

/** One web page -> one article; import/no-article when the page has no readable text. */
export function parseHtml(html: string, fileName: string, extraLinks: string[] = []): ArticleDraft {
  const { blocks, meta, byline } = extractHtmlArticle(html);
  if (textLength(blocks) < MIN_ARTICLE_CHARS || !blocks.some((b) => b.kind === 'p' && b.text.length >= 40)) {
    throw fail.noArticle(fileName);
  }
  return buildDraft({
    fileName, format: 'html', blocks,
    title: meta.title || meta.looseTitle,
    byline: meta.byline || byline || meta.looseByline,
    outlet: meta.outlet,
    publishedAt: meta.publishedAt,
    declaredLanguage: meta.lang,
    links: [...meta.links, ...extraLinks],
    titleFromHeading: 2, readHeader: true, what: 'page',
  });
}
