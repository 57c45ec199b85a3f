// Guards the HTML parsers against hostile nesting (100k nested <div>s): linkedom's parse and Readability both
// slow down with depth (seconds at a few thousand levels, minutes at 100k). A cheap scan of the raw tags
// measures the depth; markup deeper than the limit is flattened (its text kept, its extra tags dropped).
const TAG = /<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', '!doctype']);

/** Real pages nest a few dozen levels; Readability stays fast well beyond that. */
export const MAX_HTML_DEPTH = 150;

/** The deepest nesting of elements in `html` (approximate: unclosed tags count until their parent closes). */
export function htmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || m[3]!.endsWith('/')) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
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
