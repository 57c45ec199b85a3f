// Compares the fast HTML extractor with the reference (Readability on linkedom, as imported before) page by
// page: word-set overlap, length ratio, same word sequence, and whether title, byline, outlet, date agree.
// Used by the corpus test and printed by `npx tsx tests/bench/html-quality.bench.ts [--pages]`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import type { ArticleDraft } from '../../electron/article.ts';
import { contentHash } from '../../electron/import/fingerprint.ts';
import { extractHtmlArticle, parseHtml, type HtmlExtractor } from '../../electron/import/formats/html.ts';
import { corporaDir } from '../helpers.ts';
import { parseHtmlWithReadability } from './html-reference.ts';

export interface PageComparison {
  name: string;
  extractor: HtmlExtractor;
  /** |fast ∩ reference| / |reference| over word sets: how much of the reference text the fast path kept. */
  recall: number;
  /** |fast ∩ reference| / |fast|: how much of the fast text is also in the reference (boilerplate lowers it). */
  precision: number;
  lengthRatio: number;
  sameWords: boolean;
  metadata: { title: boolean; byline: boolean; outlet: boolean; publishedAt: boolean };
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function tryDraft(parse: () => ArticleDraft): ArticleDraft | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

/** One page through both extractors; null when neither finds an article (both agree there is none). */
export function comparePage(name: string, html: string): PageComparison | null {
  const fast = tryDraft(() => parseHtml(html, name));
  const ref = tryDraft(() => parseHtmlWithReadability(html, name));
  if (!fast && !ref) return null;
  const fw = new Set(words(fast?.text ?? ''));
  const rw = new Set(words(ref?.text ?? ''));
  let both = 0;
  for (const w of fw) if (rw.has(w)) both++;
  const same = (a: unknown, b: unknown) => a === b;
  return {
    name,
    extractor: extractHtmlArticle(html).extractor,
    recall: rw.size ? both / rw.size : 0,
    precision: fw.size ? both / fw.size : 0,
    lengthRatio: (fast?.text.length ?? 0) / Math.max(1, ref?.text.length ?? 0),
    sameWords: !!fast && !!ref && contentHash(fast.text) === contentHash(ref.text),
    metadata: {
      title: same(fast?.title, ref?.title), byline: same(fast?.byline, ref?.byline),
      outlet: same(fast?.outlet, ref?.outlet), publishedAt: same(fast?.publishedAt, ref?.publishedAt),
    },
  };
}

/** Strong agreement: nearly all of the reference's words kept, little else added, length within 15 %. */
export const agreesStrongly = (c: PageComparison) => c.recall >= 0.95 && c.precision >= 0.9 && Math.abs(1 - c.lengthRatio) <= 0.15;
export const metadataAgrees = (c: PageComparison) => c.metadata.title && c.metadata.outlet && c.metadata.publishedAt;

export function summarize(all: PageComparison[]): Record<string, unknown> {
  const n = all.length || 1;
  const share = (f: (c: PageComparison) => boolean) => +(all.filter(f).length / n).toFixed(3);
  return {
    pages: all.length,
    fallbackRate: share((c) => c.extractor !== 'fast'),
    sameWords: share((c) => c.sameWords),
    strongOverlap: share(agreesStrongly),
    meanRecall: +(all.reduce((s, c) => s + c.recall, 0) / n).toFixed(3),
    meanPrecision: +(all.reduce((s, c) => s + c.precision, 0) / n).toFixed(3),
    title: share((c) => c.metadata.title), byline: share((c) => c.metadata.byline),
    outlet: share((c) => c.metadata.outlet), publishedAt: share((c) => c.metadata.publishedAt),
  };
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);|&#(x[0-9a-f]+|\d+);/gi, (_, name: string | undefined, num: string | undefined) =>
  name ? XML_ENTITIES[name.toLowerCase()]! : String.fromCodePoint(num!.startsWith('x') || num!.startsWith('X') ? parseInt(num!.slice(1), 16) : Number(num)));

/** The HTML bodies of a feed's entries (content:encoded, description, Atom content/summary). */
function feedHtml(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(content:encoded|description|content|summary)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const body = m[2]!.trim();
    const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body);
    const html = cdata ? cdata[1]! : unescapeXml(body);
    if (/<[a-z]/i.test(html)) out.push(html);
  }
  return out;
}

/** The HTML inside the corpus feeds and newsletters, each wrapped as a page: a wider test set than the saved pages. */
export async function embeddedPages(): Promise<Array<{ name: string; html: string }>> {
  const pages: Array<{ name: string; html: string }> = [];
  const feeds = join(corporaDir, 'feeds');
  for (const f of readdirSync(feeds)) feedHtml(readFileSync(join(feeds, f), 'utf8')).forEach((h, i) => pages.push({ name: `${f}#${i + 1}`, html: h }));
  const eml = join(corporaDir, 'eml');
  for (const f of readdirSync(eml).filter((n) => n.endsWith('.eml'))) {
    const mail = await PostalMime.parse(readFileSync(join(eml, f)));
    if (mail.html) pages.push({ name: f, html: mail.html });
  }
  return pages.map((p) => ({ name: p.name, html: /<body[\s>]/i.test(p.html) ? p.html : `<!DOCTYPE html><html><head></head><body>${p.html}</body></html>` }));
}

/** The saved news pages of the corpus (html-pages/<name>/source.html). */
export function savedPages(): Array<{ name: string; html: string }> {
  const dir = join(corporaDir, 'html-pages');
  return readdirSync(dir).map((p) => ({ name: `${p}.html`, html: readFileSync(join(dir, p, 'source.html'), 'utf8') }));
}

/** Compares every page of a set; entries where neither extractor finds an article are left out. */
export function compareAll(pages: Array<{ name: string; html: string }>): PageComparison[] {
  return pages.map((p) => comparePage(p.name, p.html)).filter((c): c is PageComparison => c !== null);
}
