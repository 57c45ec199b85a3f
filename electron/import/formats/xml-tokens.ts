// A forgiving streaming tokenizer for the XML inside DOCX and ODT packages: start/end tags with their raw
// attributes, and decoded text. Enough for reading paragraphs and styles; no DTDs, no entity expansion.
import { decodeEntities } from '../entities.ts';

export type XmlToken =
  | { type: 'open'; name: string; attrs: string; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)([^>]*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|([^<]+)/g;

/** Yields the tags and text of an XML document in order. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m[2] !== undefined) {
      if (m[1]) yield { type: 'close', name: m[2] };
      else yield { type: 'open', name: m[2], attrs: m[3] ?? '', selfClosing: m[4] === '/' };
    } else if (m[5] !== undefined) {
      yield { type: 'text', text: m[5] };
    } else if (m[6] !== undefined) {
      yield { type: 'text', text: decodeEntities(m[6]) };
    }
  }
}

/** One attribute's decoded value from a tag's raw attribute string. */
export function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : null;
}

/** Text of the first element with this name (document properties: dc:title, dc:creator...). */
export function elementText(xml: string, name: string): string | null {
  const m = new RegExp(`<${name.replace(/[.:]/g, '\\$&')}(?:\\s[^>]*)?>([\\s\\S]*?)</${name.replace(/[.:]/g, '\\$&')}>`).exec(xml);
  if (!m) return null;
  const text = decodeEntities(m[1]!.replace(/<[^>]*>/g, '')).trim();
  return text || null;
}
