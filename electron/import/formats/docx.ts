// Word documents (DOCX): paragraphs and heading levels from word/document.xml (levels from styles.xml,
// so localized style names work), title/author/date from docProps/core.xml. Deleted revisions, field
// codes and footnote markers are left out. The file's creation date is not a publication date, so it is ignored.
import type { ArticleDraft } from '../../article.ts';
import { buildDraft } from '../draft.ts';
import { fail } from '../failures.ts';
import type { Block } from '../structure.ts';
import { listZip, readNamed, type ZipLimits } from '../zip-reader.ts';
import { attr, elementText, xmlTokens } from './xml-tokens.ts';

/** styleId -> heading level (0 = Title style), from style names ("heading 2") or outline levels. */
function headingStyles(xml: string | null): Map<string, number> {
  const levels = new Map<string, number>();
  if (!xml) return levels;
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, 'w:styleId');
    if (!id) continue;
    const name = /<w:name\s+w:val="([^"]*)"/.exec(m[2]!)?.[1]?.toLowerCase() ?? '';
    const outline = /<w:outlineLvl\s+w:val="(\d)"/.exec(m[2]!)?.[1];
    const heading = /^(?:heading|überschrift|titre|titolo|kop)\s*(\d)$/.exec(name);
    if (name === 'title' || name === 'titel') levels.set(id, 0);
    else if (heading) levels.set(id, Number(heading[1]));
    else if (outline !== undefined && Number(outline) < 6) levels.set(id, Number(outline) + 1);
  }
  return levels;
}

/** A paragraph style's heading level; built-in ids ("Heading2", "Title") count even without styles.xml. */
function styleLevel(id: string, styles: Map<string, number>): number | undefined {
  const known = styles.get(id);
  if (known !== undefined) return known;
  const builtIn = /^heading(\d)$/i.exec(id);
  if (builtIn) return Number(builtIn[1]);
  return /^title$/i.test(id) ? 0 : undefined;
}

const SKIP = new Set(['w:instrText', 'w:delText', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference']);

function documentBlocks(xml: string, styles: Map<string, number>): { blocks: Block[]; title: string | null } {
  const blocks: Block[] = [];
  let title: string | null = null;
  const stack: Array<{ text: string; level: number | undefined }> = [];
  let inText = false;
  for (const t of xmlTokens(xml)) {
    const top = stack[stack.length - 1];
    if (t.type === 'open') {
      if (t.name === 'w:p' && !t.selfClosing) stack.push({ text: '', level: undefined });
      else if (t.name === 'w:pStyle' && top) top.level = styleLevel(attr(t.attrs, 'w:val') ?? '', styles);
      else if (t.name === 'w:outlineLvl' && top && top.level === undefined) top.level = Number(attr(t.attrs, 'w:val') ?? 9) + 1;
      else if (t.name === 'w:t' && !t.selfClosing) inText = true;
      else if ((t.name === 'w:tab' || t.name === 'w:br' || t.name === 'w:cr') && top) top.text += ' ';
      else if (t.name === 'w:noBreakHyphen' && top) top.text += '-';
      else if (SKIP.has(t.name)) inText = false;
    } else if (t.type === 'close') {
      if (t.name === 'w:t') inText = false;
      else if (t.name === 'w:p') {
        const p = stack.pop();
        if (!p) continue;
        const text = p.text.trim();
        if (!text) continue;
        if (p.level === 0 && title === null) title = text;
        else if (p.level !== undefined && p.level >= 1 && p.level <= 6) blocks.push({ kind: 'h', level: p.level, text });
        else blocks.push({ kind: 'p', level: 0, text });
      }
    } else if (inText && top) {
      top.text += t.text;
    }
  }
  return { blocks, title };
}

/** Parses a DOCX package; the caller has checked the ZIP magic. */
export function parseDocx(bytes: Uint8Array, fileName: string, limits: ZipLimits & { maxEntryBytes: number }): ArticleDraft {
  const entries = listZip(bytes, fileName, limits);
  const read = (name: string) => {
    const data = readNamed(bytes, entries, name, fileName, limits.maxEntryBytes);
    return data ? new TextDecoder().decode(data) : null;
  };
  const documentXml = read('word/document.xml');
  if (documentXml === null) throw fail.corrupt(fileName, 'a Word document', 'word/document.xml is missing');
  const core = read('docProps/core.xml') ?? '';
  const { blocks, title } = documentBlocks(documentXml, headingStyles(read('word/styles.xml')));
  if (blocks.length === 0 && !title) throw fail.noText(fileName, 'document');
  return buildDraft({
    fileName, format: 'docx', blocks, title,
    declaredLanguage: elementText(core, 'dc:language'),
    titleFromHeading: 1, readHeader: true, what: 'document',
    fallback: {
      title: elementText(core, 'dc:title'),
      byline: elementText(core, 'dc:creator'),
    },
  });
}
