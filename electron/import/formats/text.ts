// Plain text: paragraphs from line structure, then title/byline/date lines and plain headings from structure.ts.
// This is the hot path of bulk imports, so it stays free of DOM and regex-heavy passes.
import type { ArticleDraft } from '../../article.ts';
import { buildDraft } from '../draft.ts';
import { fail } from '../failures.ts';
import { splitParagraphs } from '../normalize.ts';
import { markHeadings } from '../structure.ts';

/** Decoded text that is mostly not letters (symbols, digits, box drawing) is junk, not an article. */
function looksLikeProse(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const visible = sample.replace(/\s+/g, '');
  if (visible.length === 0) return false;
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  return letters >= visible.length * 0.5;
}

/** One plain-text article. `what` names the source in messages. */
export function parsePlainText(text: string, fileName: string, format: 'text' | 'email' = 'text'): ArticleDraft {
  const paras = splitParagraphs(text);
  if (paras.length === 0) throw fail.noText(fileName);
  if (!looksLikeProse(text)) throw fail.binary(fileName);
  return buildDraft({ fileName, format, blocks: markHeadings(paras), readHeader: true });
}
