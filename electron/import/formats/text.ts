// Plain text: paragraphs from line structure, then title/byline/date lines and plain headings from structure.ts.
// This is the hot path of bulk imports, so it stays free of DOM and regex-heavy passes.
import type { ArticleDraft } from '../../article.ts';
import { buildDraft } from '../draft.ts';
import { fail } from '../failures.ts';
import { splitParagraphs } from '../normalize.ts';
import { markHeadings } from '../structure.ts';

/** Decoded text that is mostly not letters (symbols, digits, box drawing) is junk, not an article. */
function looksLikeProse(text: string): boolean {
  const n = Math.min(text.length, 8000);
  let visible = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0) continue;
    visible++;
    // ASCII letters, and Latin-1 Supplement letters and beyond, minus general punctuation and symbols.
    if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && c !== 0xfffd)) letters++;
  }
  return visible > 0 && letters >= visible * 0.5;
}

/** One plain-text article. `what` names the source in messages. */
export function parsePlainText(text: string, fileName: string, format: 'text' | 'email' = 'text'): ArticleDraft {
  const paras = splitParagraphs(text);
  if (paras.length === 0) throw fail.noText(fileName);
  if (!looksLikeProse(text)) throw fail.binary(fileName);
  return buildDraft({ fileName, format, blocks: markHeadings(paras), readHeader: true, clean: true });
}
