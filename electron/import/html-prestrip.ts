// A cheap pass over saved web pages before they become a DOM: inline scripts, styles, SVG drawings and
// comments are often most of a news page's bytes and never part of its text, so dropping them as a string
// makes the DOM (and Readability's passes over it) several times smaller. JSON-LD scripts stay: they carry
// the page's metadata. Linear time: every search moves forward, and an unclosed element stops the pass.

/** Elements whose whole content is dropped. Only content Readability and the block walker (lightBlocks) drop anyway. */
const DROPPED = ['script', 'style', 'svg', 'noscript', 'template'] as const;

/**
 * The next comment or dropped element: "<!--", or "<" and a dropped name (ASCII letters in any case) ended by
 * whitespace, ">" or "/" (so not "<scripts>"). One native search skips all the other tags of the page.
 */
const NEXT_INERT = /<(?:!--|(script|style|svg|noscript|template)[\t\n\f\r />])/gi;

/** Where "</tag" starts (any case) at or after `from`, or -1. */
function indexOfClose(html: string, tag: (typeof DROPPED)[number], from: number): number {
  for (let i = html.indexOf('</', from); i !== -1; i = html.indexOf('</', i + 2)) {
    if (html.substr(i + 2, tag.length).toLowerCase() === tag) return i;
  }
  return -1;
}

/** Returns the page without scripts (except JSON-LD), styles, SVG, noscript, templates and comments. */
export function stripInertMarkup(html: string): string {
  const parts: string[] = [];
  let copied = 0;
  const next = new RegExp(NEXT_INERT);
  for (let m = next.exec(html); m; m = next.exec(html)) {
    const i = m.index;
    let end: number;
    const name = m[1];
    if (name === undefined) {
      const close = html.indexOf('-->', i + 4);
      if (close === -1) break;
      end = close + 3;
    } else {
      const tag = name.toLowerCase() as (typeof DROPPED)[number];
      const open = html.indexOf('>', i);
      const close = open === -1 ? -1 : indexOfClose(html, tag, open);
      const closeEnd = close === -1 ? -1 : html.indexOf('>', close);
      if (closeEnd === -1) break;
      if (tag === 'script' && /type\s*=\s*["']?application\/ld\+json/i.test(html.slice(i, open))) {
        next.lastIndex = closeEnd;
        continue;
      }
      end = closeEnd + 1;
    }
    parts.push(html.slice(copied, i));
    copied = end;
    next.lastIndex = end;
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}
