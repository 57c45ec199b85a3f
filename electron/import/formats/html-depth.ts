// Guards the HTML parsers against hostile nesting (100k nested <div>s): linkedom's parse and Readability both
// slow down with depth (seconds at a few thousand levels, minutes at 100k). A cheap scan of the raw tags
// measures the depth; markup deeper than the limit is flattened (its text kept, its extra tags dropped).
const TAG = /<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', '!doctype']);

/** Real pages nest a few dozen levels; Readability stays fast well beyond that. */
export const MAX_HTML_DEPTH = 150;

const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x3a || c === 0x2e || c === 0x2d;

/**
 * The deepest nesting of elements in `html` (approximate: unclosed tags count until their parent closes).
 * A hand-written scan of the same tags TAG matches: it runs on every imported page, ahead of the parser.
 */
export function htmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const n = html.length;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    let j = i + 1;
    const closing = html.charCodeAt(j) === 0x2f;
    if (closing) j++;
    if (!isNameStart(html.charCodeAt(j))) continue;
    const nameStart = j;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    // The rest of the tag up to ">", skipping quoted values; an unclosed quote means this "<" starts no tag.
    let k = j;
    let last = -1;
    for (; k < n; k++) {
      const c = html.charCodeAt(k);
      if (c === 0x3e) break;
      if (c === 0x22 || c === 0x27) {
        const q = html.indexOf(c === 0x22 ? '"' : "'", k + 1);
        if (q === -1) { k = n; break; }
        k = q;
      }
      last = c;
    }
    if (k >= n) continue;
    const name = html.slice(nameStart, j).toLowerCase();
    if (VOID.has(name) || (last === 0x2f && k > j)) continue;
    if (closing) depth = depth > 0 ? depth - 1 : 0;
    else if (++depth > max) max = depth;
    i = k;
  }
  return max;
}

/** Drops the tags below `limit` levels (and their closing tags), keeping all text; other markup is unchanged. */
export function flattenHtml(html: string, limit = MAX_HTML_DEPTH): string {
  const kept: boolean[] = [];
  return html.replace(TAG, (whole, slash: string, rawName: string, rest: string) => {
    const name = rawName.toLowerCase();
    if (VOID.has(name) || rest.endsWith('/')) return kept.length >= limit ? ' ' : whole;
    if (slash) return kept.length === 0 || kept.pop() ? whole : ' ';
    const keep = kept.length < limit;
    kept.push(keep);
    return keep ? whole : ' ';
  });
}
