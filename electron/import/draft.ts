// Finishes an article from what a format parser found: body blocks plus whatever metadata the format
// carries. Fills the gaps the same way for every format: title, byline/date lines, sections with
// offsets, cited outlets, language.
import type { ArticleDraft, ArticleFormat, Section } from '../article.ts';
import { fail } from './failures.ts';
import { detectLanguage, languageTag } from './language.ts';
import { cleanInline } from './normalize.ts';
import { isWebLink, stripMarkup } from './inert-text.ts'; // issue 7: metadata never keeps markup
import { findCitedOutlets } from './outlets.ts';
import { agencyDate, firstSentence, headlineFrom, takeHeader, type Block } from './structure.ts';

export interface DraftInput {
  fileName: string;
  format: ArticleFormat;
  blocks: Block[];
  title?: string | null;
  byline?: string | null;
  outlet?: string | null;
  publishedAt?: string | null;
  /** Language the source declares (html lang, feed language); used only when detection cannot decide. */
  declaredLanguage?: string | null;
  links?: string[];
  /** Use a leading heading of at most this level as the title when no title is given. */
  titleFromHeading?: number;
  /** Read title, byline and date lines off the top of the body (formats without reliable metadata). */
  readHeader?: boolean;
  /** Metadata that only counts when the body itself says nothing (document properties are often stale). */
  fallback?: { title?: string | null; byline?: string | null; publishedAt?: string | null };
  /** The blocks are already cleanInline'd (the plain-text path), so they are not cleaned twice. */
  clean?: boolean;
  /** What to call the source in a "no text" message ("page", "message"). */
  what?: string;
}

const MAX_TITLE_CHARS = 300;
const HEADER_WINDOW = 6;

/** Compares headline variants: case, punctuation and spacing do not matter. */
export function sameText(a: string, b: string): boolean {
  const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return fold(a) === fold(b);
}

/**
 * Subjects and generated headings are often the lead sentence cut off ("… weil "sie sich in dich ver",
 * "Bis 6"); then the whole first sentence is the better headline.
 */
function isCutOffLead(title: string, paragraph: string): boolean {
  const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const t = fold(title);
  const sentence = fold(firstSentence(paragraph));
  return t.length > 0 && sentence.length > t.length && sentence.startsWith(t);
}

function cleanMeta(s: string | null | undefined): string | null {
  const c = s ? cleanInline(stripMarkup(s)) : '';
  return c ? c : null;
}

function stripBylinePrefix(s: string | null): string | null {
  return s ? s.replace(/^(?:by|von)\s+/i, '').trim() || null : null;
}

function assemble(blocks: Block[]): { text: string; sections: Section[] } {
  const parts: string[] = [];
  const sections: Section[] = [];
  let offset = 0;
  for (const b of blocks) {
    if (b.kind === 'h') sections.push({ heading: b.text, start: offset });
    parts.push(b.text);
    offset += b.text.length + 2;
  }
  return { text: parts.join('\n\n'), sections };
}

/** Builds the ArticleDraft; throws import/empty when no body text is left. */
export function buildDraft(input: DraftInput): ArticleDraft {
  let blocks = input.clean ? input.blocks : input.blocks.map((b) => ({ ...b, text: cleanInline(b.text) })).filter((b) => b.text.length > 0);
  let title = cleanMeta(input.title);
  let byline = stripBylinePrefix(cleanMeta(input.byline));
  let outlet = cleanMeta(input.outlet);
  let publishedAt = input.publishedAt ?? null;

  if (!title && input.titleFromHeading) {
    const first = blocks[0];
    if (first?.kind === 'h' && first.level <= input.titleFromHeading && blocks.length > 1) {
      title = first.text;
      blocks = blocks.slice(1);
    }
  }
  // The headline repeated as the first heading or paragraph of the body is not body text.
  if (title) {
    const i = blocks.slice(0, 2).findIndex((b) => sameText(b.text, title!) && (b.kind === 'h' || blocks.length > 1));
    if (i !== -1) blocks.splice(i, 1);
  }
  if (input.readHeader && blocks.length > 1) {
    const head = blocks.slice(0, HEADER_WINDOW).map((b) => b.text);
    const { header, rest } = takeHeader(head, !title);
    const consumed = head.length - rest.length;
    if (consumed > 0 && consumed < blocks.length) {
      blocks = blocks.slice(consumed);
      title ??= header.title;
      byline ??= header.byline;
      outlet ??= header.outlet;
      publishedAt ??= header.publishedAt;
    }
  }
  if (blocks.length === 0) throw fail.noText(input.fileName, input.what);
  title ??= cleanMeta(input.fallback?.title);
  byline ??= stripBylinePrefix(cleanMeta(input.fallback?.byline));
  publishedAt ??= input.fallback?.publishedAt ?? null;
  // A body that opens with a heading keeps it as a section; the headline comes from the metadata or the text.
  const firstParagraph = blocks.find((b) => b.kind === 'p') ?? blocks[0]!;
  if (title && isCutOffLead(title, firstParagraph.text)) title = headlineFrom(firstParagraph.text);
  title ??= headlineFrom(firstParagraph.text);
  if (title.length > MAX_TITLE_CHARS) title = headlineFrom(title);

  const { text, sections } = assemble(blocks);
  publishedAt ??= agencyDate(text);
  let language = detectLanguage(text.length < 200 ? `${title}\n\n${text}` : text);
  if (language === 'und') language = languageTag(input.declaredLanguage) ?? 'und';
  return {
    title,
    byline,
    outlet,
    publishedAt,
    language,
    format: input.format,
    fileName: input.fileName,
    text,
    sections,
    citedOutlets: findCitedOutlets(text),
    links: [...new Set((input.links ?? []).filter((l) => l.length > 0 && isWebLink(l)))],
  };
}
