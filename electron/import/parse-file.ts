// The import parsers' one entry point: bytes of one dropped file -> zero or more ArticleDrafts, or a
// per-file error. Dispatches by sniffed content, enforces size limits, recurses into archives, and
// turns every failure into an item, so one bad file never stops a batch.
import type { ArticleDraft } from '../article.ts';
import { isDossierError, type ErrorData } from '../errors.ts';
import { declaredCharset, decodeText } from './charset.ts';
import { fail } from './failures.ts';
import type { ArchiveLimits, Budget } from './formats/archive.ts';
import type { FeedItem } from './formats/feed.ts';
import { parsePdf } from './formats/pdf.ts';
import { parsePlainText } from './formats/text.ts';
import { headText, sniffBinary, sniffText } from './sniff.ts';

// The readers of web pages, archives, Word and OpenDocument files, e-mail, feeds and Markdown load on first use:
// every parse thread loads its modules afresh, and a folder of text files (or of web pages) need not pay for the rest.
const load = {
  archive: () => import('./formats/archive.ts'),
  docx: () => import('./formats/docx.ts'),
  email: () => import('./formats/email.ts'),
  feed: () => import('./formats/feed.ts'),
  html: () => import('./formats/html.ts'),
  markdown: () => import('./formats/markdown.ts'),
  odt: () => import('./formats/odt.ts'),
  postalMime: () => import('postal-mime'),
  zip: () => import('./zip-reader.ts'),
};

export interface FileInput { name: string; bytes: Uint8Array }
export interface ParseOptions { maxBytes?: number /* default 200 MB */; maxArchiveEntries?: number; maxArchiveBytes?: number }
export type ParsedItem =
  | { name: string; draft: ArticleDraft }          // name: file name, or "x.mbox#2", "a.zip/inner/b.txt", "feed.rss#5"
  | { name: string; error: ErrorData };

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_ARCHIVE_ENTRIES = 10_000;
export const DEFAULT_MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;
const MAX_ARCHIVE_DEPTH = 3;

interface Context {
  maxBytes: number;
  archive: ArchiveLimits;
  budget: Budget;
}

function errorItem(name: string, e: unknown): ParsedItem {
  if (isDossierError(e)) return { name, error: e.toData() };
  // Parsers report what they understand; anything else thrown by a library means the file is malformed.
  const detail = e instanceof Error ? e.message : String(e);
  return { name, error: fail.damaged(name, detail).toData() };
}

const draftItem = (name: string, draft: ArticleDraft): ParsedItem => ({ name, draft });
const feedItems = (name: string, items: FeedItem[]): ParsedItem[] =>
  items.map((it, i) => ('draft' in it ? { name: it.draft.fileName, draft: it.draft } : errorItem(`${name}#${i + 1}`, it.error)));

function isBlank(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c) return false;
  }
  return true;
}

/** ZIP containers: Word and OpenDocument packages are documents; anything else is an archive of files. */
async function parseZipLike(name: string, bytes: Uint8Array, ctx: Context, depth: number): Promise<ParsedItem[]> {
  const [{ listZip, readNamed }, { parseDocx }, { ODT_MIME, parseOdt }, { parseArchive }] =
    await Promise.all([load.zip(), load.docx(), load.odt(), load.archive()]);
  const limits = { maxEntries: ctx.archive.maxEntries, maxTotalBytes: ctx.budget.remaining, maxEntryBytes: ctx.maxBytes };
  const entries = listZip(bytes, name, limits);
  const has = (n: string) => entries.some((e) => e.name === n);
  if (has('word/document.xml')) return [draftItem(name, parseDocx(bytes, name, limits))];
  if (has('mimetype')) {
    const mime = new TextDecoder().decode(readNamed(bytes, entries, 'mimetype', name, 256) ?? new Uint8Array()).trim();
    if (mime === ODT_MIME || mime === `${ODT_MIME}-template`) return [draftItem(name, parseOdt(bytes, name, limits))];
    if (mime === 'application/epub+zip') throw fail.unsupported(name, 'an e-book (EPUB)');
    if (mime.startsWith('application/vnd.oasis.opendocument')) throw fail.unsupported(name, 'a spreadsheet, presentation or drawing, not a text document');
  }
  if (has('[Content_Types].xml') && entries.some((e) => e.name.startsWith('xl/') || e.name.startsWith('ppt/'))) {
    throw fail.unsupported(name, 'an Excel or PowerPoint file, not a text document');
  }
  return parseArchive(bytes, name, depth, ctx.archive, ctx.budget,
    (inner, data, d) => parseAny({ name: inner, bytes: data }, ctx, d), errorItem);
}

async function parseMbox(name: string, bytes: Uint8Array): Promise<ParsedItem[]> {
  const { parseEmail, splitMbox } = await load.email();
  const messages = splitMbox(bytes);
  if (messages.length === 0) throw fail.noText(name, 'mailbox');
  const out: ParsedItem[] = [];
  for (let i = 0; i < messages.length; i++) {
    const itemName = `${name}#${i + 1}`;
    try {
      out.push(draftItem(itemName, await parseEmail(messages[i]!, itemName)));
    } catch (e) {
      out.push(errorItem(itemName, e));
    }
  }
  return out;
}

/** Saved web pages in MIME form (.mht/.mhtml): the HTML part is the page. */
async function parseMhtml(name: string, bytes: Uint8Array): Promise<ParsedItem[]> {
  let email;
  try {
    email = await (await load.postalMime()).default.parse(bytes);
  } catch (e) {
    throw fail.corrupt(name, 'a saved web page (MHTML)', (e as Error).message);
  }
  if (!email.html) throw fail.noArticle(name);
  const location = email.headers.find((h) => h.key === 'snapshot-content-location' || h.key === 'content-location')?.value;
  return [draftItem(name, (await load.html()).parseHtml(email.html, name, location ? [location] : []))];
}

async function parseTextLike(name: string, bytes: Uint8Array): Promise<ParsedItem[]> {
  const head = headText(bytes);
  const kind = sniffText(head, name);
  switch (kind) {
    case 'email': return [draftItem(name, await (await load.email()).parseEmail(bytes, name))];
    case 'mbox': return parseMbox(name, bytes);
    case 'mhtml': return parseMhtml(name, bytes);
    default: break;
  }
  const declared = kind === 'html' || kind === 'feed' || kind === 'xml' ? declaredCharset(head) : null;
  const { text } = decodeText(bytes, name, declared);
  switch (kind) {
    case 'html': return [draftItem(name, (await load.html()).parseHtml(text, name))];
    case 'feed': return feedItems(name, (await load.feed()).parseXmlFeed(text, name));
    case 'json-feed': return feedItems(name, (await load.feed()).parseJsonFeed(text, name));
    case 'json': throw fail.unsupported(name, 'a JSON data file, not an article or a JSON Feed');
    case 'xml': throw fail.unsupported(name, 'an XML data file, not an article or a news feed');
    case 'markdown': return [draftItem(name, (await load.markdown()).parseMarkdown(text, name))];
    default: return [draftItem(name, parsePlainText(text, name))];
  }
}

async function parseAny(input: FileInput, ctx: Context, depth: number): Promise<ParsedItem[]> {
  const { name, bytes } = input;
  try {
    if (bytes.length > ctx.maxBytes) throw fail.tooLarge(name, bytes.length, ctx.maxBytes);
    if (bytes.length === 0 || isBlank(bytes)) throw fail.empty(name);
    const sniffed = sniffBinary(bytes);
    switch (sniffed.kind) {
      case 'pdf': return [draftItem(name, await parsePdf(bytes, name))];
      case 'zip': return await parseZipLike(name, bytes, ctx, depth);
      case 'unsupported': throw fail.unsupported(name, sniffed.what);
      default: return await parseTextLike(name, bytes);
    }
  } catch (e) {
    return [errorItem(name, e)];
  }
}

/** Never throws for bad input: a bad file becomes one item with an error. */
export async function parseFile(input: FileInput, opts: ParseOptions = {}): Promise<ParsedItem[]> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxTotalBytes = opts.maxArchiveBytes ?? DEFAULT_MAX_ARCHIVE_BYTES;
  const ctx: Context = {
    maxBytes,
    archive: { maxEntries: opts.maxArchiveEntries ?? DEFAULT_MAX_ARCHIVE_ENTRIES, maxTotalBytes, maxEntryBytes: maxBytes, maxDepth: MAX_ARCHIVE_DEPTH },
    budget: { remaining: maxTotalBytes },
  };
  return parseAny(input, ctx, 0);
}
