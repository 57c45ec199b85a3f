// OpenDocument text (ODT): headings (text:h with outline level) and paragraphs from content.xml, title,
// author and language from meta.xml. Annotations, footnotes and tracked deletions are left out.
import type { ArticleDraft } from '../../article.ts';
import { buildDraft } from '../draft.ts';
import { fail } from '../failures.ts';
import type { Block } from '../structure.ts';
import { listZip, readNamed, type ZipLimits } from '../zip-reader.ts';
import { attr, elementText, xmlTokens } from './xml-tokens.ts';

export const ODT_MIME = 'application/vnd.oasis.opendocument.text';

const SKIP = new Set(['office:annotation', 'text:note', 'text:tracked-changes', 'text:sequence-decls', 'office:forms']);

/** Automatic styles ("P1") that derive from the Title style. */
function titleStyles(xml: string): Set<string> {
  const out = new Set<string>(['Title']);
  for (const m of xml.matchAll(/<style:style\b([^>]*)>/g)) {
    if (attr(m[1]!, 'style:parent-style-name') === 'Title') out.add(attr(m[1]!, 'style:name') ?? '');
  }
  return out;
}

function contentBlocks(xml: string): { blocks: Block[]; title: string | null } {
  const titles = titleStyles(xml);
  const blocks: Block[] = [];
  let title: string | null = null;
  const stack: Array<{ text: string; level: number; isTitle: boolean }> = [];
  let inBody = false;
  let skipDepth = 0;
  for (const t of xmlTokens(xml)) {
    if (t.type === 'open') {
      if (t.name === 'office:text') inBody = true;
      if (!inBody || t.selfClosing && !['text:s', 'text:tab', 'text:line-break'].includes(t.name)) continue;
      if (skipDepth > 0 || SKIP.has(t.name)) {
        if (!t.selfClosing) skipDepth++;
        continue;
      }
      const top = stack[stack.length - 1];
      if (t.name === 'text:p' || t.name === 'text:h') {
        const level = t.name === 'text:h' ? Math.min(6, Number(attr(t.attrs, 'text:outline-level') ?? 1)) : 0;
        stack.push({ text: '', level, isTitle: titles.has(attr(t.attrs, 'text:style-name') ?? '') });
      } else if (t.name === 'text:s' && top) {
        top.text += ' '.repeat(Math.min(100, Number(attr(t.attrs, 'text:c') ?? 1)));
      } else if ((t.name === 'text:tab' || t.name === 'text:line-break') && top) {
        top.text += ' ';
      }
    } else if (t.type === 'close') {
      if (skipDepth > 0) {
        skipDepth--;
        continue;
      }
      if (t.name === 'office:text') inBody = false;
      if (t.name !== 'text:p' && t.name !== 'text:h') continue;
      const p = stack.pop();
      const text = p?.text.trim();
      if (!p || !text) continue;
      if (p.isTitle && title === null) title = text;
      else blocks.push(p.level > 0 ? { kind: 'h', level: p.level, text } : { kind: 'p', level: 0, text });
    } else if (inBody && skipDepth === 0 && stack.length > 0) {
      stack[stack.length - 1]!.text += t.text;
    }
  }
  return { blocks, title };
}

/** Parses an ODT package whose mimetype entry has been checked by the caller. */
export function parseOdt(bytes: Uint8Array, fileName: string, limits: ZipLimits & { maxEntryBytes: number }): ArticleDraft {
  const entries = listZip(bytes, fileName, limits);
  const read = (name: string) => {
    const data = readNamed(bytes, entries, name, fileName, limits.maxEntryBytes);
    return data ? new TextDecoder().decode(data) : null;
  };
  const content = read('content.xml');
  if (content === null) throw fail.corrupt(fileName, 'an OpenDocument text', 'content.xml is missing');
  const meta = read('meta.xml') ?? '';
  const { blocks, title } = contentBlocks(content);
  if (blocks.length === 0) throw fail.noText(fileName, 'document');
  return buildDraft({
    fileName, format: 'odt', blocks, title,
    declaredLanguage: elementText(meta, 'dc:language'),
    titleFromHeading: 1, readHeader: true, what: 'document',
    fallback: { title: elementText(meta, 'dc:title'), byline: elementText(meta, 'dc:creator') ?? elementText(meta, 'meta:initial-creator') },
  });
}
