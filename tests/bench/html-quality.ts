// Compares the fast HTML extractor with the reference (Readability on linkedom, as imported before) page by
// page: word-set overlap, length ratio, same word sequence, and whether title, byline, outlet, date agree.
// Used by the corpus test and printed by `npx tsx tests/bench/html-quality.ts [dir-of-html-files...]`.
import type { ArticleDraft } from '../../electron/article.ts';
import { contentHash } from '../../electron/import/fingerprint.ts';
import { extractHtmlArticle, parseHtml, type HtmlExtractor } from '../../electron/import/formats/html.ts';
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
