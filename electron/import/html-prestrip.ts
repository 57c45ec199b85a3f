// A cheap pass over saved web pages before they become a DOM: inline scripts, styles, SVG drawings and
// comments are often most of a news page's bytes and never part of its text, so dropping them as a string
// makes the DOM (and Readability's passes over it) several times smaller. JSON-LD scripts stay: they carry
// the page's metadata. Linear time: every search moves forward, and an unclosed element stops the pass.

/** Elements whose whole content is dropped. Only content Readability and the block walker (lightBlocks) drop anyway. */
const DROPPED = ['script', 'style', 'svg', 'noscript', 'template'] as const;

function isNameEnd(code: number): boolean {
  // After "<script" must come whitespace, ">" or "/" for it to be that element (not "<scripts>").
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x3e || code === 0x2f;
}

/**
 * Whether `tag` (lower-case ASCII letters) is written at `at`, in any case. Compared a character at a time: lower-casing
 * a slice of a page that holds any character beyond Latin-1 (nearly every page) goes through ICU, hundreds of
 * instructions each time. `c | 0x20` is the tag's letter only for that letter and its capital.
 */
function hasNameAt(html: string, at: number, tag: string): boolean {
  for (let i = 0; i < tag.length; i++) if ((html.charCodeAt(at + i) | 0x20) !== tag.charCodeAt(i)) return false;
  return true;
}

/** First letters of the dropped elements, lower-cased (s, t, n): most tags are ruled out by one comparison. */
const FIRST = new Set(DROPPED.map((t) => t.charCodeAt(0)));

/** The dropped element starting at `at` (just after "<"), if any; matched without lower-casing the page. */
function droppedAt(html: string, at: number): (typeof DROPPED)[number] | null {
  if (!FIRST.has(html.charCodeAt(at) | 0x20)) return null;
  for (const tag of DROPPED) {
    if (hasNameAt(html, at, tag) && isNameEnd(html.charCodeAt(at + tag.length))) return tag;
  }
  return null;
}

/** Where "</tag" starts (any case) at or after `from`, or -1. */
function indexOfClose(html: string, tag: (typeof DROPPED)[number], from: number): number {
  for (let i = html.indexOf('</', from); i !== -1; i = html.indexOf('</', i + 2)) {
    if (hasNameAt(html, i + 2, tag)) return i;
  }
  return -1;
}

/** Returns the page without scripts (except JSON-LD), styles, SVG, noscript, templates and comments. */
export function stripInertMarkup(html: string): string {
  const parts: string[] = [];
  let copied = 0;
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length - 1) {
    let end = -1;
    if (html.startsWith('!--', i + 1)) {
      const close = html.indexOf('-->', i + 4);
      if (close === -1) break;
      end = close + 3;
    } else {
      const tag = droppedAt(html, i + 1);
      if (tag) {
        const open = html.indexOf('>', i);
        const close = open === -1 ? -1 : indexOfClose(html, tag, open);
        const closeEnd = close === -1 ? -1 : html.indexOf('>', close);
        if (closeEnd === -1) break;
        const keep = tag === 'script' && /type\s*=\s*["']?application\/ld\+json/i.test(html.slice(i, open));
        if (keep) {
          i = html.indexOf('<', closeEnd);
          continue;
        }
        end = closeEnd + 1;
      }
    }
    if (end === -1) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    parts.push(html.slice(copied, i));
    copied = end;
    i = html.indexOf('<', end);
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}
