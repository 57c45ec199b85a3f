// A cheap pass over saved web pages before they become a DOM: inline scripts, styles, SVG drawings and
// comments are often most of a news page's bytes and never part of its text, so dropping them as a string
// makes the DOM (and Readability's passes over it) several times smaller. JSON-LD scripts stay: they carry
// the page's metadata. Linear time: every search moves forward, and an unclosed element stops the pass.

/** Elements whose whole content is dropped. Only content Readability and dom-blocks drop anyway. */
const DROPPED = ['script', 'style', 'svg', 'noscript', 'template'] as const;

function isNameEnd(code: number): boolean {
  // After "<script" must come whitespace, ">" or "/" for it to be that element (not "<scripts>").
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x3e || code === 0x2f;
}

/** The dropped element starting at `at` (just after "<"), if any. */
function droppedAt(lower: string, at: number): (typeof DROPPED)[number] | null {
  for (const tag of DROPPED) {
    if (lower.startsWith(tag, at) && isNameEnd(lower.charCodeAt(at + tag.length))) return tag;
  }
  return null;
}

/** Returns the page without scripts (except JSON-LD), styles, SVG, noscript, templates and comments. */
export function stripInertMarkup(html: string): string {
  const lower = html.toLowerCase();
  if (lower.length !== html.length) return html; // some characters change length when lower-cased: indexes would drift
  const parts: string[] = [];
  let copied = 0;
  let i = lower.indexOf('<');
  while (i !== -1 && i < lower.length - 1) {
    let end = -1;
    if (lower.startsWith('!--', i + 1)) {
      const close = lower.indexOf('-->', i + 4);
      if (close === -1) break;
      end = close + 3;
    } else {
      const tag = droppedAt(lower, i + 1);
      if (tag) {
        const open = lower.indexOf('>', i);
        const close = open === -1 ? -1 : lower.indexOf(`</${tag}`, open);
        const closeEnd = close === -1 ? -1 : lower.indexOf('>', close);
        if (closeEnd === -1) break;
        const keep = tag === 'script' && /type\s*=\s*["']?application\/ld\+json/.test(lower.slice(i, open));
        end = keep ? -1 : closeEnd + 1;
        if (keep) {
          i = lower.indexOf('<', closeEnd);
          continue;
        }
      }
    }
    if (end === -1) {
      i = lower.indexOf('<', i + 1);
      continue;
    }
    parts.push(html.slice(copied, i));
    copied = end;
    i = lower.indexOf('<', end);
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}
